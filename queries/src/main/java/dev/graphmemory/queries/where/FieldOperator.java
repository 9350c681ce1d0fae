package dev.graphmemory.queries.where;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The operators that apply to one property, as in {@code {"path": {"$contains": "_runner"}}}. */
enum FieldOperator {
    EQ("$eq", "a string, number, boolean, array of those, or null"),
    NE("$ne", "a string, number, boolean, array of those, or null"),
    IN("$in", "an array of strings, numbers or booleans"),
    NIN("$nin", "an array of strings, numbers or booleans"),
    CONTAINS("$contains", "a string"),
    STARTS_WITH("$startsWith", "a string"),
    ENDS_WITH("$endsWith", "a string"),
    REGEX("$regex", "a string holding a Java regular expression"),
    GT("$gt", "a number or a string"),
    GTE("$gte", "a number or a string"),
    LT("$lt", "a number or a string"),
    LTE("$lte", "a number or a string"),
    EXISTS("$exists", "a boolean"),
    NOT("$not", "a non-empty object of operators, as in {\"$contains\": \"x\"}");

    private static final List<String> TOKENS =
            Arrays.stream(values()).map(FieldOperator::token).toList();

    private final String token;
    private final String expects;

    FieldOperator(String token, String expects) {
        this.token = token;
        this.expects = expects;
    }

    /** The operator as written in a filter, e.g. {@code $startsWith}. */
    String token() {
        return token;
    }

    /** What the operator takes, for error messages, e.g. {@code a string}. */
    String expects() {
        return expects;
    }

    /** The Cypher comparison symbol of {@code $gt}, {@code $gte}, {@code $lt} and {@code $lte}. */
    String comparison() {
        return switch (this) {
            case GT -> ">";
            case GTE -> ">=";
            case LT -> "<";
            case LTE -> "<=";
            default -> throw new IllegalStateException(token + " is not a comparison");
        };
    }

    /** Finds an operator by its exact token. */
    static Optional<FieldOperator> of(String token) {
        return Arrays.stream(values()).filter(op -> op.token.equals(token)).findFirst();
    }

    /** Every token, in declaration order. */
    static List<String> tokens() {
        return TOKENS;
    }
}
