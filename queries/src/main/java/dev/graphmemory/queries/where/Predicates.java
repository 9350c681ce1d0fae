package dev.graphmemory.queries.where;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Cypher text for the where-DSL. Every method takes an already checked property access (such as
 * {@code n.`path`}), a list element variable, and parameter references, never a caller's value.
 *
 * <p>Design notes. A property may hold a scalar on one node and a list on another (frontmatter keys do),
 * so most predicates test the runtime type and, on a list, match when any element matches. The type tests
 * sit in {@code CASE} because Cypher does not promise to short-circuit {@code AND}: {@code toLower} of a
 * number, for one, is a runtime error. Predicates on a missing property are {@code null}; {@link #not}
 * turns that into {@code false} first, so a negation is the exact complement of what it negates.
 */
final class Predicates {
    static final String TRUE = CompiledWhere.MATCH_ALL;

    private Predicates() {}

    /** All of the parts; {@code true} when there are none. */
    static String and(List<String> parts) {
        return join(parts, " AND ");
    }

    /** Any of the parts; {@code true} when there are none. */
    static String or(List<String> parts) {
        return join(parts, " OR ");
    }

    /** The complement of a predicate, where {@code null} (a missing property) counts as false. */
    static String not(String predicate) {
        return "NOT coalesce(" + predicate + ", false)";
    }

    /** The property is present ({@code true}) or absent ({@code false}). */
    static String exists(String property, boolean present) {
        return property + (present ? " IS NOT NULL" : " IS NULL");
    }

    /** The property equals a list exactly. */
    static String equalsList(String property, String param) {
        return property + " = " + param;
    }

    /** The property equals a scalar, or is a list that contains it. */
    static String equalsScalar(String property, String param) {
        return "CASE WHEN " + isList(property) + " THEN " + param + " IN " + property + " ELSE " + property + " = "
                + param + " END";
    }

    /** The property (or any element of it) is one of a list of values. */
    static String in(String property, String element, String param) {
        return anyOrSelf(property, element, v -> v + " IN " + param);
    }

    /** The property (or any element of it) compares to a value with {@code >}, {@code >=}, {@code <}, {@code <=}. */
    static String compare(String property, String element, String symbol, String param) {
        return anyOrSelf(property, element, v -> v + " " + symbol + " " + param);
    }

    /** The string property (or any element of a string list) contains a lower-cased value, ignoring case. */
    static String containsIgnoreCase(String property, String element, String lowerParam) {
        return onStrings(property, element, v -> "toLower(" + v + ") CONTAINS " + lowerParam);
    }

    /** The string property (or any element of a string list) matches {@code STARTS WITH}, {@code =~} and such. */
    static String stringOperator(String property, String element, String operator, String param) {
        return onStrings(property, element, v -> v + " " + operator + " " + param);
    }

    private static String anyOrSelf(String property, String element, UnaryOperator<String> test) {
        return "CASE WHEN " + isList(property) + " THEN any(" + element + " IN " + property + " WHERE "
                + test.apply(element) + ") ELSE " + test.apply(property) + " END";
    }

    private static String onStrings(String property, String element, UnaryOperator<String> test) {
        return "CASE WHEN " + property + " IS :: STRING NOT NULL THEN " + test.apply(property) + " WHEN " + property
                + " IS :: LIST<STRING> NOT NULL THEN any(" + element + " IN " + property + " WHERE "
                + test.apply(element) + ") ELSE false END";
    }

    private static String isList(String property) {
        return property + " IS :: LIST<ANY> NOT NULL";
    }

    private static String join(List<String> parts, String operator) {
        return switch (parts.size()) {
            case 0 -> TRUE;
            case 1 -> parts.getFirst();
            default -> "(" + String.join(operator, parts) + ")";
        };
    }
}
