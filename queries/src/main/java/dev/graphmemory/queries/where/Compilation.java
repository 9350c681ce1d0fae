package dev.graphmemory.queries.where;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One run of {@link WhereCompiler} over one filter: walks the JSON, checks every key, operator and value,
 * and collects the parameters. Not thread-safe; used once.
 */
final class Compilation {
    private final WhereCompiler compiler;
    private final String nodeVar;
    private final String element;
    private final Map<String, Object> params = new LinkedHashMap<>();
    private int conditions;

    Compilation(WhereCompiler compiler, String nodeVar) {
        this.compiler = compiler;
        this.nodeVar = nodeVar;
        String candidate = compiler.paramPrefix() + "_e";
        // The list element variable must not hide the node variable inside any(...).
        this.element = candidate.equals(nodeVar) ? candidate + "_" : candidate;
    }

    /** Compiles a filter object. */
    CompiledWhere run(JsonNode filter) {
        return new CompiledWhere(filter(filter, "", 0), params);
    }

    private String filter(JsonNode filter, String path, int depth) {
        if (depth > compiler.maxDepth()) {
            throw FilterErrors.tooDeep(path, compiler.maxDepth());
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> member : filter.properties()) {
            String name = member.getKey();
            JsonNode value = member.getValue();
            parts.add(name.startsWith("$") ? logical(name, value, path, depth) : field(name, value, path, depth));
        }
        return Predicates.and(parts);
    }

    private String logical(String operator, JsonNode value, String path, int depth) {
        String at = Messages.child(path, operator);
        count(at);
        return switch (operator) {
            case "$and" -> Predicates.and(filters(operator, value, at, depth));
            case "$or" -> Predicates.or(filters(operator, value, at, depth));
            case "$not" -> Predicates.not(filter(filterObject(operator, value, at), at, depth + 1));
            default -> throw FilterErrors.unknownLogical(operator, path, compiler.allowedKeys(), compiler.listedKeys());
        };
    }

    private List<String> filters(String operator, JsonNode value, String at, int depth) {
        if (!value.isArray() || value.isEmpty()) {
            throw new WhereException(
                    at,
                    "operator " + Messages.quote(operator) + " " + Messages.at(at)
                            + " expects a non-empty array of filter objects, got " + Messages.describe(value));
        }
        List<String> parts = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            String elementPath = at + "[" + i + "]";
            count(elementPath);
            parts.add(filter(filterObject(operator, value.get(i), elementPath), elementPath, depth + 1));
        }
        return parts;
    }

    private static JsonNode filterObject(String operator, JsonNode value, String at) {
        if (!value.isObject()) {
            throw new WhereException(
                    at,
                    "operator " + Messages.quote(operator) + " " + Messages.at(at) + " expects a filter object, got "
                            + Messages.describe(value));
        }
        return value;
    }

    private String field(String key, JsonNode value, String path, int depth) {
        String property = property(key, path);
        String at = Messages.child(path, key);
        if (value.isObject()) {
            return operators(key, property, value, at, depth);
        }
        count(at);
        return equality(
                key, property, value, new Values("property " + Messages.quote(key), at, FieldOperator.EQ.expects()));
    }

    private String property(String key, String path) {
        boolean identifier = WhereCompiler.IDENTIFIER.matcher(key).matches();
        if (identifier && compiler.allowedKeys().contains(key)) {
            return nodeVar + ".`" + key.replace("`", "``") + "`";
        }
        throw FilterErrors.badKey(key, identifier, path, compiler.allowedKeys(), compiler.listedKeys());
    }

    private String operators(String key, String property, JsonNode operators, String at, int depth) {
        if (operators.isEmpty()) {
            throw new WhereException(
                    at,
                    "property " + Messages.quote(key) + " " + Messages.at(at)
                            + " has an empty object; expected a value or operators: "
                            + Messages.list(FieldOperator.tokens()));
        }
        for (String name : operators.propertyNames()) {
            if (!name.startsWith("$")) {
                throw new WhereException(
                        at,
                        "property " + Messages.quote(key) + " " + Messages.at(at) + " has an object value with key "
                                + Messages.quote(name) + "; an object holds operators, as in {\"$eq\": ...}; "
                                + "valid operators: " + Messages.list(FieldOperator.tokens()));
            }
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> operator : operators.properties()) {
            parts.add(operator(key, property, operator.getKey(), operator.getValue(), at, depth));
        }
        return Predicates.and(parts);
    }

    private String operator(String key, String property, String token, JsonNode value, String fieldPath, int depth) {
        String at = Messages.child(fieldPath, token);
        count(at);
        FieldOperator op = FieldOperator.of(token).orElseThrow(() -> FilterErrors.unknownOperator(token, fieldPath));
        Values values = new Values("operator " + Messages.quote(token), at, op.expects());
        return switch (op) {
            case EQ -> equality(key, property, value, values);
            case NE ->
                value.isNull()
                        ? Predicates.exists(property, true)
                        : Predicates.not(equality(key, property, value, values));
            case IN -> Predicates.in(property, element, param(values.list(value)));
            case NIN -> Predicates.not(Predicates.in(property, element, param(values.list(value))));
            case CONTAINS ->
                Predicates.containsIgnoreCase(
                        property, element, param(values.string(value).toLowerCase(Locale.ROOT)));
            case STARTS_WITH ->
                WhereCompiler.SCALAR_KEYS.contains(key)
                        ? property + " STARTS WITH " + param(values.string(value))
                        : Predicates.stringOperator(property, element, "STARTS WITH", param(values.string(value)));
            case ENDS_WITH -> Predicates.stringOperator(property, element, "ENDS WITH", param(values.string(value)));
            case REGEX -> Predicates.stringOperator(property, element, "=~", param(values.regex(value)));
            case GT, GTE, LT, LTE ->
                Predicates.compare(property, element, op.comparison(), param(values.comparable(value)));
            case EXISTS -> Predicates.exists(property, values.bool(value));
            case NOT -> negated(key, property, value, values, at, depth);
        };
    }

    private String equality(String key, String property, JsonNode value, Values values) {
        if (value.isNull()) {
            return Predicates.exists(property, false);
        }
        if (value.isArray()) {
            return Predicates.equalsList(property, param(values.list(value)));
        }
        if (WhereCompiler.SCALAR_KEYS.contains(key)) {
            // A plain comparison the planner can answer from an index.
            return property + " = " + param(values.scalar(value));
        }
        return Predicates.equalsScalar(property, param(values.scalar(value)));
    }

    private String negated(String key, String property, JsonNode value, Values values, String at, int depth) {
        if (!value.isObject() || value.isEmpty()) {
            throw values.mismatch(value);
        }
        if (depth + 1 > compiler.maxDepth()) {
            throw FilterErrors.tooDeep(at, compiler.maxDepth());
        }
        return Predicates.not(operators(key, property, value, at, depth + 1));
    }

    private void count(String path) {
        if (++conditions > compiler.maxConditions()) {
            throw FilterErrors.tooLarge(path, compiler.maxConditions());
        }
    }

    private String param(Object value) {
        String name = compiler.paramPrefix() + params.size();
        params.put(name, value);
        return "$" + name;
    }
}
