package dev.graphmemory.server.mcp;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * The text a model reads of a {@code graph_query} answer: the columns on one tab-separated line, then
 * one tab-separated line a row, then one line with the count, the notes and the stamp. A JSON answer
 * repeats every column name in every row and quotes every value; this writes each name once, a
 * string bare unless it holds a tab, a line break or a leading quote or reads as a number, boolean or
 * {@code null} (then as a JSON string; {@code null} itself is spelled out), and maps, lists and nodes as compact JSON, so every cell reads back
 * unambiguously.
 */
public final class QueryText {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern BARE = Pattern.compile("[^\"\\t\\r\\n][^\\t\\r\\n]*");
    /** Strings that would read back as another JSON value: {@code null}, a boolean or a number. */
    private static final Pattern SCALAR = Pattern.compile("null|true|false|-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");

    private QueryText() {}

    /** Renders a stamped {@code graph_query} answer. */
    @SuppressWarnings("unchecked")
    public static String render(Map<String, Object> answer) {
        List<String> columns = (List<String>) answer.getOrDefault("columns", List.of());
        List<Map<String, Object>> rows = (List<Map<String, Object>>) answer.getOrDefault("rows", List.of());
        StringBuilder out = new StringBuilder(String.join("\t", columns)).append('\n');
        for (Map<String, Object> row : rows) {
            for (int i = 0; i < columns.size(); i++) {
                out.append(i == 0 ? "" : "\t").append(cell(row.get(columns.get(i))));
            }
            out.append('\n');
        }
        out.append("rows ").append(rows.size());
        if (Boolean.TRUE.equals(answer.get("truncated"))) {
            out.append("; truncated=true");
        }
        for (String note : List.of("note", "scope")) {
            if (answer.get(note) != null) {
                out.append("; ").append(note).append('=').append(RowsText.value(answer.get(note)));
            }
        }
        String stamp = RowsText.stamp(answer);
        if (stamp != null) {
            out.append("; ").append(stamp);
        }
        return out.append('\n').toString();
    }

    /** One cell: a plain string bare, anything else as compact JSON. */
    static String cell(Object v) {
        if (v instanceof String s
                && BARE.matcher(s).matches()
                && !SCALAR.matcher(s).matches()) {
            return s;
        }
        return v instanceof Number || v instanceof Boolean ? String.valueOf(v) : JSON.writeValueAsString(v);
    }
}
