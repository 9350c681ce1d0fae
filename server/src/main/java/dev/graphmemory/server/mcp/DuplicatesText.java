package dev.graphmemory.server.mcp;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text a model reads of a {@code find_duplicate_work} answer: the verdict line, then each
 * candidate's confidence, verdict, id and title with its evidence in one sentence, then the stamp.
 * The structured answer keeps every number for parsers; the sentence already says each of them
 * that matters to a reader (text and meaning similarity, matched terms, shared files, how long
 * before, whether the work is done), so the text does not repeat them as fields. The CLI prints the
 * same lines.
 */
public final class DuplicatesText {
    private DuplicatesText() {}

    /** Renders an answer; {@code what} names the proposal (a file, an id) or is null. */
    @SuppressWarnings("unchecked")
    public static String render(Map<String, Object> answer, String what) {
        StringBuilder out = new StringBuilder();
        Map<String, Object> query = (Map<String, Object>) answer.getOrDefault("query", Map.of());
        String name = what != null ? what : query.get("id") != null ? String.valueOf(query.get("id")) : "proposal";
        Object verdict = answer.get("verdict");
        out.append(name).append(": ").append(verdict);
        if (answer.get("duplicate_of") != null) {
            out.append(" of ").append(answer.get("duplicate_of"));
        }
        out.append(" (")
                .append(answer.get("considered"))
                .append(" of ")
                .append(answer.get("corpus_size"))
                .append(" work items compared");
        Object later = answer.get("filed_later");
        if (later instanceof Number n && n.longValue() > 0) {
            out.append("; ").append(later).append(" filed after it left out");
        }
        out.append(')');
        if ("review".equals(verdict)) {
            out.append(": unsure, read the first candidates before filing");
        }
        out.append('\n');
        for (Map<String, Object> c : (List<Map<String, Object>>) answer.getOrDefault("candidates", List.of())) {
            Map<String, Object> evidence = (Map<String, Object>) c.getOrDefault("evidence", Map.of());
            out.append(String.format(
                    Locale.ROOT,
                    "  %.2f %-9s %s  %s%n",
                    ((Number) c.get("confidence")).doubleValue(),
                    c.get("verdict"),
                    c.get("id"),
                    c.get("title")));
            if (evidence.get("summary") != null) {
                out.append("       ").append(evidence.get("summary")).append('\n');
            }
        }
        String stamp = RowsText.stamp(answer);
        if (stamp != null) {
            out.append(stamp).append('\n');
        }
        return out.toString();
    }
}
