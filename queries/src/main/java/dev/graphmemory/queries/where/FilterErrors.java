package dev.graphmemory.queries.where;

import java.util.List;
import java.util.SortedSet;

/** The structural errors of the where-DSL: unknown keys and operators, too deep, too large. */
final class FilterErrors {
    private static final List<String> LOGICAL = List.of("$and", "$or", "$not");

    private FilterErrors() {}

    /**
     * A key that is not a plain identifier, or not in the allowlist; {@code listed} says which keys to
     * use ({@link WhereCompiler#listedKeys}).
     */
    static WhereException badKey(
            String key, boolean identifier, String path, SortedSet<String> allowed, String listed) {
        String problem = identifier
                ? "unknown property key " + Messages.quote(key) + " " + Messages.at(path)
                : "invalid property key " + Messages.quote(key) + " " + Messages.at(path)
                        + " (a key is a plain identifier: letters, digits and _)";
        return new WhereException(path, problem + "; " + Messages.didYouMean(key, allowed) + listed);
    }

    /** A {@code $}-name where a filter object expects {@code $and}, {@code $or}, {@code $not} or a key. */
    static WhereException unknownLogical(String operator, String path, SortedSet<String> allowed, String listed) {
        String validHere = "valid here: $and, $or, $not, or a property key";
        if (FieldOperator.of(operator).isPresent()) {
            return new WhereException(
                    path,
                    "operator " + Messages.quote(operator) + " " + Messages.at(path)
                            + " applies to a property, as in {\"<key>\": {\"" + operator + "\": ...}}; " + validHere);
        }
        // "$path" is more likely a key with a stray "$" than a misspelt logical operator.
        String asKey = operator.substring(1);
        String suggestion = allowed.contains(asKey)
                ? "did you mean " + Messages.quote(asKey) + "? "
                : Messages.didYouMean(operator, LOGICAL);
        return new WhereException(
                path,
                "unknown operator " + Messages.quote(operator) + " " + Messages.at(path) + "; " + suggestion + validHere
                        + " (" + listed + ")");
    }

    /** A {@code $}-name where a property expects one of its operators. */
    static WhereException unknownOperator(String token, String fieldPath) {
        String hint = LOGICAL.contains(token)
                ? token + " combines whole filters, as in {\"" + token + "\": [{\"<key>\": ...}, ...]}; "
                : Messages.didYouMean(token, FieldOperator.tokens());
        return new WhereException(
                fieldPath,
                "unknown operator " + Messages.quote(token) + " " + Messages.at(fieldPath) + "; " + hint
                        + "valid operators: " + Messages.list(FieldOperator.tokens()));
    }

    /** Nesting beyond the limit. */
    static WhereException tooDeep(String path, int maxDepth) {
        return new WhereException(
                path,
                "filter nested too deeply " + Messages.at(path) + ": at most " + maxDepth
                        + " levels of $and, $or and $not are allowed");
    }

    /** More conditions than the limit. */
    static WhereException tooLarge(String path, int maxConditions) {
        return new WhereException(
                path,
                "filter too large: more than " + maxConditions + " conditions (stopped " + Messages.at(path) + ")");
    }
}
