package dev.graphmemory.queries.find;

import dev.graphmemory.queries.schema.Keys;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compact form of a node in answers: its id and only what the id does not already say. The id
 * ({@code schema:type:key}) carries the type, a module's path (so its name and, through the
 * extension, its language) and a function's signature, and a class's path names its build module;
 * defaults are left out ({@code is_test} only
 * when true, a class's {@code kind} only when it is not {@code class}), and {@code name} only when
 * the id and the title do not already show it. {@code fields} asks for more ({@code "*"}: every
 * property). Long strings are cut so one row cannot flood the context.
 */
public final class CompactRow {
    /** Longest string value kept in a row. */
    public static final int MAX_STRING = 300;

    private static final Map<String, List<String>> IDENTIFYING = Map.ofEntries(
            Map.entry("module", List.of(Keys.PATH, Keys.LANGUAGE, Keys.IS_TEST)),
            Map.entry("cli_entry", List.of(Keys.PATH, Keys.ENTRY_KINDS)),
            Map.entry("class", List.of(Keys.KIND, Keys.PATH, Keys.LINE_START)),
            Map.entry("build_module", List.of(Keys.PATH, "tool")),
            Map.entry("function", List.of(Keys.SIGNATURE, Keys.PATH, Keys.LINE_START)),
            Map.entry("work_unit", List.of(Keys.TITLE, Keys.STATUS, "tier")),
            Map.entry("commit", List.of(Keys.TIME, Keys.NAME)),
            Map.entry("bug", List.of(Keys.TITLE, Keys.STATUS, "severity")),
            Map.entry("finding", List.of(Keys.TITLE, Keys.STATUS)),
            Map.entry("adr", List.of(Keys.TITLE, Keys.STATUS)),
            Map.entry("anti_pattern", List.of(Keys.TITLE, Keys.STATUS)),
            Map.entry("session", List.of("start", "branch", "api_calls", "weighted_tokens")),
            Map.entry("command", List.of()));

    /** The language each indexed file extension implies, so a module row need not repeat it. */
    private static final Map<String, String> LANGUAGE_OF_EXTENSION = Map.ofEntries(
            Map.entry("java", "java"),
            Map.entry("py", "python"),
            Map.entry("pyi", "python"),
            Map.entry("js", "javascript"),
            Map.entry("jsx", "javascript"),
            Map.entry("mjs", "javascript"),
            Map.entry("cjs", "javascript"),
            Map.entry("ts", "typescript"),
            Map.entry("tsx", "typescript"),
            Map.entry("mts", "typescript"),
            Map.entry("cts", "typescript"),
            Map.entry("vue", "vue"),
            Map.entry("svelte", "svelte"),
            Map.entry("astro", "astro"));

    private CompactRow() {}

    /**
     * The Cypher map of node {@code var}'s properties that {@link #of} reads: all of them but the
     * embedding (384 floats, about 3 KB a work unit or bug), which no row shows, so it stays in the
     * store instead of crossing Bolt.
     */
    public static String properties(String var) {
        return var + " {.*, " + Keys.EMBEDDING + ": null}";
    }

    /** Builds the row of a node from its properties. */
    public static Map<String, Object> of(Map<String, Object> props, List<String> fields) {
        return of(props, fields, false);
    }

    /**
     * Builds the row of a node from its properties; {@code typeAsked}: the request named the type
     * (as {@code graph_find} does), so together with the id's type it says all a row would.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> of(Map<String, Object> props, List<String> fields, boolean typeAsked) {
        Map<String, Object> row = new LinkedHashMap<>();
        String id = String.valueOf(props.get(Keys.ID));
        row.put(Keys.ID, props.get(Keys.ID));
        List<String> types = (List<String>) props.getOrDefault(Keys.TYPES, List.of());
        if (fields != null && fields.contains("*")) {
            row.put(Keys.TYPE, typeValue(types));
            props.forEach((k, v) -> {
                if (!Keys.RESERVED.contains(k) || k.equals(Keys.KEY)) {
                    put(row, k, v);
                }
            });
            row.remove(Keys.KEY);
            return row;
        }
        if (types.size() > 1 && !typeAsked) {
            // The id names one type; a node with more (a module that is also a cli_entry) says so.
            row.put(Keys.TYPE, types);
        }
        Map<String, Object> identifying = new LinkedHashMap<>();
        for (String t : types) {
            for (String k : IDENTIFYING.getOrDefault(t, List.of())) {
                if (props.get(k) != null) {
                    identifying.putIfAbsent(k, props.get(k));
                }
            }
        }
        Object name = props.get(Keys.NAME);
        if (name != null && !identifying.containsKey(Keys.NAME) && !said(id, identifying, name)) {
            put(row, Keys.NAME, name);
        }
        identifying.forEach((k, v) -> {
            if (!derivable(id, k, v)) {
                put(row, k, v);
            }
        });
        if (Boolean.FALSE.equals(props.get(Keys.PARSE_OK))) {
            put(row, Keys.PARSE_OK, false);
        }
        if (Boolean.TRUE.equals(props.get(Keys.MISSING))) {
            put(row, Keys.MISSING, true);
        }
        if (fields != null) {
            for (String f : fields) {
                if (f.equals(Keys.TYPE)) {
                    row.putIfAbsent(Keys.TYPE, typeValue(types));
                } else {
                    put(row, f, props.get(f));
                }
            }
        }
        return row;
    }

    /** The {@code type} of a row: the one type, or the list when the node has several. */
    private static Object typeValue(List<String> types) {
        return types.size() == 1 ? types.get(0) : types;
    }

    /** Whether the id, the title or the signature already shows {@code name}. */
    private static boolean said(String id, Map<String, Object> identifying, Object name) {
        String n = String.valueOf(name);
        return n.isEmpty()
                || id.contains(n)
                || n.equals(identifying.get(Keys.TITLE))
                || String.valueOf(identifying.get(Keys.SIGNATURE)).startsWith(n + "(");
    }

    /** Whether a default property says nothing the id and the defaults do not. */
    private static boolean derivable(String id, String key, Object value) {
        return switch (key) {
            case Keys.PATH -> id.endsWith(":" + value) || id.contains(":" + value + "#");
            case Keys.SIGNATURE -> id.endsWith("#" + value) || id.endsWith("." + value);
            case Keys.IS_TEST -> !Boolean.TRUE.equals(value);
            case Keys.KIND -> "class".equals(value);
            case Keys.LANGUAGE ->
                value.equals(LANGUAGE_OF_EXTENSION.get(extension(id))) || id.contains(":external:" + value + "/");
            default -> false;
        };
    }

    private static String extension(String id) {
        int slash = Math.max(id.lastIndexOf('/'), id.lastIndexOf(':'));
        int dot = id.lastIndexOf('.');
        return dot > slash ? id.substring(dot + 1) : "";
    }

    private static void put(Map<String, Object> row, String key, Object value) {
        if (value == null || row.containsKey(key)) {
            return;
        }
        if (value instanceof String s && s.length() > MAX_STRING) {
            value = s.substring(0, MAX_STRING) + "… (" + s.length() + " chars; ask graph_query for all)";
        }
        if (value instanceof List<?> list && list.size() > 50) {
            value = List.of(list.subList(0, 50), "… " + (list.size() - 50) + " more");
        }
        row.put(key, value);
    }
}
