package dev.graphmemory.queries.where;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;

/**
 * Turns JSON values into Cypher parameter values (String, Long, Double, Boolean and lists of those), with an
 * error naming the operator and path when a value has the wrong type.
 *
 * @param what the operator or property the value belongs to, e.g. {@code operator '$in'}
 * @param path the JSON path of the value
 * @param expects what the operator takes, e.g. {@code a string}
 */
record Values(String what, String path, String expects) {
    /** Most elements in one array value. */
    static final int MAX_LIST_VALUES = 10_000;
    /** Longest {@code $regex} pattern. */
    static final int MAX_REGEX_LENGTH = 1_000;

    /** A string, number or boolean. */
    Object scalar(JsonNode value) {
        Object scalar = scalarOrNull(value);
        if (scalar == null) {
            throw mismatch(value);
        }
        return scalar;
    }

    /** An array of strings, numbers or booleans. */
    List<Object> list(JsonNode value) {
        if (!value.isArray()) {
            throw mismatch(value);
        }
        if (value.size() > MAX_LIST_VALUES) {
            throw new WhereException(
                    path,
                    what + " " + Messages.at(path) + " has " + value.size() + " values; at most " + MAX_LIST_VALUES
                            + " are allowed");
        }
        List<Object> list = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            Object scalar = scalarOrNull(element);
            if (scalar == null) {
                String hint = element.isNull() ? " (to match a missing property use {\"$exists\": false})" : "";
                throw new WhereException(
                        path,
                        what + " " + Messages.at(path) + " expects " + expects + ", got " + Messages.describe(element)
                                + " at index " + i + hint);
            }
            list.add(scalar);
        }
        return list;
    }

    /** A string. */
    String string(JsonNode value) {
        if (!value.isString()) {
            throw mismatch(value);
        }
        return value.stringValue();
    }

    /** A string that compiles as a Java regular expression (Neo4j's {@code =~} uses the same syntax). */
    String regex(JsonNode value) {
        String pattern = string(value);
        if (pattern.length() > MAX_REGEX_LENGTH) {
            throw new WhereException(
                    path,
                    what + " " + Messages.at(path) + " has a pattern of " + pattern.length() + " characters; at most "
                            + MAX_REGEX_LENGTH + " are allowed");
        }
        try {
            Pattern.compile(pattern);
            return pattern;
        } catch (PatternSyntaxException e) {
            throw new WhereException(
                    path,
                    what + " " + Messages.at(path) + " has an invalid regular expression " + Messages.quote(pattern)
                            + ": " + e.getDescription() + " near index " + e.getIndex());
        }
    }

    /** A number or a string, for ordering comparisons. */
    Object comparable(JsonNode value) {
        if (!value.isString() && !value.isNumber()) {
            throw mismatch(value);
        }
        return scalar(value);
    }

    /** A boolean. */
    boolean bool(JsonNode value) {
        if (!value.isBoolean()) {
            throw mismatch(value);
        }
        return value.booleanValue();
    }

    /** The error "X at P expects E, got G". */
    WhereException mismatch(JsonNode given) {
        return new WhereException(
                path, what + " " + Messages.at(path) + " expects " + expects + ", got " + Messages.describe(given));
    }

    private Object scalarOrNull(JsonNode value) {
        if (value.isString()) {
            return value.stringValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber()) {
            if (!value.canConvertToLong()) {
                throw new WhereException(
                        path,
                        what + " " + Messages.at(path) + " has an integer outside the 64-bit range: "
                                + Messages.quote(value.toString()));
            }
            return value.longValue();
        }
        if (value.isNumber()) {
            double d = value.doubleValue();
            if (!Double.isFinite(d)) {
                throw new WhereException(
                        path, what + " " + Messages.at(path) + " has a number too large for a 64-bit float");
            }
            return d;
        }
        return null;
    }
}
