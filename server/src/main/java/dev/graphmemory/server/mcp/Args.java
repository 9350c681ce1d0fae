package dev.graphmemory.server.mcp;

import dev.graphmemory.queries.find.ToolException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tool call's arguments, checked by hand (the SDK does not check them against the input schema).
 * Lenient where clients differ (a number sent as a string, a filter sent as JSON text), strict
 * where it matters: an unknown argument or a wrong type is a {@link ToolException} naming it.
 */
public final class Args {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String tool;
    private final Map<String, Object> values;

    Args(String tool, Map<String, Object> values, Set<String> known) {
        this.tool = tool;
        this.values = values == null ? Map.of() : values;
        for (String k : this.values.keySet()) {
            if (!known.contains(k)) {
                throw new ToolException(tool + ": unknown argument '" + k + "'; valid arguments: "
                        + known.stream().sorted().toList());
            }
        }
    }

    String string(String name) {
        Object v = values.get(name);
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        throw new ToolException(tool + ": argument '" + name + "' must be a string, got " + describe(v));
    }

    String requiredString(String name, String example) {
        String s = string(name);
        if (s == null || s.isBlank()) {
            throw new ToolException(tool + ": argument '" + name + "' is required, e.g. " + name + "=" + example);
        }
        return s;
    }

    boolean bool(String name) {
        Object v = values.get(name);
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw new ToolException(tool + ": argument '" + name + "' must be true or false, got " + describe(v));
    }

    Integer integer(String name) {
        Object v = values.get(name);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.intValue();
        }
        if (v instanceof String s) {
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new ToolException(tool + ": argument '" + name + "' must be a whole number, got " + describe(v));
    }

    /** An object argument; JSON text holding an object is accepted too. */
    JsonNode json(String name) {
        Object v = values.get(name);
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            if (s.isBlank()) {
                return null;
            }
            try {
                JsonNode node = JSON.readTree(s);
                if (node.isObject()) {
                    return node;
                }
            } catch (JacksonException e) {
                throw new ToolException(tool + ": argument '" + name + "' is not valid JSON (" + e.getOriginalMessage()
                        + "); pass an object such as {\"path\": {\"$contains\": \"auth\"}}");
            }
        }
        if (v instanceof Map<?, ?>) {
            return JSON.valueToTree(v);
        }
        throw new ToolException(tool + ": argument '" + name + "' must be an object such as {\"path\": {\"$contains\":"
                + " \"auth\"}}, got " + describe(v));
    }

    Map<String, Object> map(String name) {
        JsonNode node = json(name);
        return node == null ? Map.of() : JSON.convertValue(node, Map.class);
    }

    /** A list of strings; one string (comma-separated) is accepted too. */
    List<String> strings(String name) {
        Object v = values.get(name);
        if (v == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        if (v instanceof String s) {
            for (String part : s.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
            return out;
        }
        if (v instanceof List<?> list) {
            for (Object o : list) {
                if (!(o instanceof String s)) {
                    throw new ToolException(
                            tool + ": argument '" + name + "' must be a list of strings, got " + describe(v));
                }
                out.add(s);
            }
            return out;
        }
        throw new ToolException(tool + ": argument '" + name + "' must be a list of strings, got " + describe(v));
    }

    private static String describe(Object v) {
        String text = String.valueOf(v);
        return (v instanceof Map
                        ? "an object"
                        : v instanceof List ? "a list" : v.getClass().getSimpleName()) + " "
                + (text.length() > 60 ? text.substring(0, 60) + "…" : text);
    }
}
