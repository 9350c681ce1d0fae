package dev.graphmemory.server.mcp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * The text a model reads of a rows answer ({@code graph_find}, {@code graph_neighbors}): one line
 * per row, the id and then {@code key=value} for the rest (consecutive rows of one file follow a
 * {@code [path=...]} line instead of each repeating it, and rows a walk reached the same way follow one
 * {@code [depth=2 via=...]} line), then one line with the count, the cursor
 * and the stamp (the indexed commit abbreviated to 12 hex digits). The same facts as the structured answer, in about half its tokens: no
 * quotes, braces or repeated keys around each value. A string value with a space, a quote, an
 * equals sign or a line break is written as a JSON string, a list of such plain strings without commas
 * as {@code a,b,c}, other lists and maps as compact JSON, so every line still reads back
 * unambiguously. The CLI prints the same text.
 */
public final class RowsText {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern PLAIN = Pattern.compile("[^\\s\"=]+");
    private static final Set<String> STAMP = Set.of("indexed_commit", "stale", "stale_reason");
    /** The keys that say how a walk reached a row. */
    private static final List<String> WALK = List.of("depth", "via");

    private RowsText() {}

    /** Renders a stamped rows answer. */
    @SuppressWarnings("unchecked")
    public static String render(Map<String, Object> answer) {
        StringBuilder out = new StringBuilder();
        if (answer.get("node") != null) {
            out.append("node=").append(value(answer.get("node"))).append('\n');
        }
        List<Map<String, Object>> rows = (List<Map<String, Object>>) answer.getOrDefault("rows", List.of());
        for (List<Map<String, Object>> group : byWalk(rows)) {
            Map<String, Object> shared = new LinkedHashMap<>();
            if (group.size() > 1) {
                for (String key : WALK) {
                    if (group.get(0).get(key) != null) {
                        shared.put(key, group.get(0).get(key));
                    }
                }
            }
            if (!shared.isEmpty()) {
                out.append('[');
                shared.forEach((k, v) -> out.append(out.charAt(out.length() - 1) == '[' ? "" : " ")
                        .append(k)
                        .append('=')
                        .append(value(v)));
                out.append("]\n");
            }
            writeRows(group, shared.keySet(), out);
        }
        out.append("rows ").append(rows.size());
        if (answer.get("total") != null) {
            out.append(" of ").append(answer.get("total"));
        }
        answer.forEach((k, v) -> {
            if (!Set.of("node", "rows", "total").contains(k)
                    && !STAMP.contains(k)
                    && v != null
                    && !Boolean.FALSE.equals(v)) {
                out.append("; ").append(k).append('=').append(value(v));
            }
        });
        String stamp = stamp(answer);
        if (stamp != null) {
            out.append("; ").append(stamp);
        }
        return out.append('\n').toString();
    }

    /**
     * Rows of a walk ({@code graph_neighbors}) grouped by how they were reached, {@code depth} and
     * {@code via}, in the order each way first appears and, within one, in the answer's order: 25
     * modules that import the node share one {@code [via=<-IMPORTS-]} line, 9 reached through one
     * module at depth 2 share one {@code [depth=2 via=...]} line instead of each repeating its path.
     * Rows without either key (a {@code graph_find} answer) stay one group in their order.
     */
    private static List<List<Map<String, Object>>> byWalk(List<Map<String, Object>> rows) {
        Map<List<Object>, List<Map<String, Object>>> groups = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            List<Object> how = new ArrayList<>();
            for (String key : WALK) {
                how.add(row.get(key));
            }
            groups.computeIfAbsent(how, k -> new ArrayList<>()).add(row);
        }
        return List.copyOf(groups.values());
    }

    /** One line a row, rows of one file after one {@code [path=...]} line; {@code omit}: keys a group line gave. */
    private static void writeRows(List<Map<String, Object>> rows, Set<String> omit, StringBuilder out) {
        Object group = null;
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            Object path = row.get("path");
            boolean grouped = path != null
                    && (path.equals(group)
                            || (i + 1 < rows.size()
                                    && path.equals(rows.get(i + 1).get("path"))));
            if (grouped && !path.equals(group)) {
                out.append("[path=").append(value(path)).append("]\n");
            }
            group = grouped ? path : null;
            out.append(value(row.get("id")));
            boolean inFile = grouped;
            row.forEach((k, v) -> {
                if (!k.equals("id") && !(inFile && k.equals("path")) && !omit.contains(k)) {
                    out.append(' ').append(k).append('=').append(value(v));
                }
            });
            out.append('\n');
        }
    }

    /**
     * The stamp as the text answers write it, {@code indexed_commit=0123456789ab; stale=false} and the
     * stale reason when there is one, or null for an answer without a stamp. A commit is named by its
     * first 12 hex digits, as git abbreviates it; the structured answer keeps all 40.
     */
    static String stamp(Map<String, Object> answer) {
        if (!(answer.get("indexed_commit") instanceof String sha)) {
            return null;
        }
        StringBuilder out = new StringBuilder("indexed_commit=")
                .append(sha.length() > 12 ? sha.substring(0, 12) : sha)
                .append("; stale=")
                .append(answer.get("stale"));
        if (answer.get("stale_reason") != null) {
            out.append("; stale_reason=").append(value(answer.get("stale_reason")));
        }
        return out.toString();
    }

    /** A value as it is written after {@code key=}. */
    static String value(Object v) {
        if (v instanceof String s) {
            return PLAIN.matcher(s).matches() ? s : JSON.writeValueAsString(s);
        }
        if (v instanceof List<?> list
                && !list.isEmpty()
                && list.stream()
                        .allMatch(e -> e instanceof String s && PLAIN.matcher(s).matches() && !s.contains(","))) {
            // ["<-IMPORTS-", "architecture:module:a.py", "<-IMPORTS-"] reads as well without the JSON around it.
            return String.join(",", list.stream().map(String::valueOf).toList());
        }
        return v instanceof Number || v instanceof Boolean ? String.valueOf(v) : JSON.writeValueAsString(v);
    }
}
