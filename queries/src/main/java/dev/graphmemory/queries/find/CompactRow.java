package dev.graphmemory.queries.find;

import dev.graphmemory.queries.schema.Keys;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compact form of a node in answers: its id, its types, and the few properties that identify
 * it for its type; {@code fields} asks for more ({@code "*"}: every property). Long strings are
 * cut so one row cannot flood the context.
 */
public final class CompactRow {
    /** Longest string value kept in a row. */
    public static final int MAX_STRING = 300;

    private static final Map<String, List<String>> IDENTIFYING = Map.ofEntries(
            Map.entry("module", List.of(Keys.PATH, Keys.LANGUAGE, Keys.IS_TEST)),
            Map.entry("cli_entry", List.of(Keys.PATH, Keys.ENTRY_KINDS)),
            Map.entry("class", List.of(Keys.KIND, Keys.PATH, Keys.LINE_START, "build_module")),
            Map.entry("build_module", List.of(Keys.PATH, "tool")),
            Map.entry("function", List.of(Keys.SIGNATURE, Keys.PATH, Keys.LINE_START)),
            Map.entry("work_unit", List.of(Keys.TITLE, Keys.STATUS, "tier")),
            Map.entry("commit", List.of(Keys.TIME, Keys.NAME)),
            Map.entry("bug", List.of(Keys.TITLE, Keys.STATUS, "severity")),
            Map.entry("finding", List.of(Keys.TITLE, Keys.STATUS)),
            Map.entry("adr", List.of(Keys.TITLE, Keys.STATUS)),
            Map.entry("anti_pattern", List.of(Keys.TITLE, Keys.STATUS)),
            Map.entry("session", List.of(Keys.NAME)));

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
    @SuppressWarnings("unchecked")
    public static Map<String, Object> of(Map<String, Object> props, List<String> fields) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(Keys.ID, props.get(Keys.ID));
        List<String> types = (List<String>) props.getOrDefault(Keys.TYPES, List.of());
        row.put(Keys.TYPE, types.size() == 1 ? types.get(0) : types);
        if (fields != null && fields.contains("*")) {
            props.forEach((k, v) -> {
                if (!Keys.RESERVED.contains(k) || k.equals(Keys.KEY)) {
                    put(row, k, v);
                }
            });
            row.remove(Keys.KEY);
            return row;
        }
        String type = (String) props.get(Keys.TYPE);
        if (!props.containsKey(Keys.PATH) || !"module".equals(type)) {
            put(row, Keys.NAME, props.get(Keys.NAME));
        }
        for (String t : types) {
            for (String k : IDENTIFYING.getOrDefault(t, List.of())) {
                put(row, k, props.get(k));
            }
        }
        if (Boolean.FALSE.equals(props.get(Keys.PARSE_OK))) {
            put(row, Keys.PARSE_OK, false);
        }
        if (Boolean.TRUE.equals(props.get(Keys.MISSING))) {
            put(row, Keys.MISSING, true);
        }
        if (fields != null) {
            for (String f : fields) {
                put(row, f, props.get(f));
            }
        }
        return row;
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
