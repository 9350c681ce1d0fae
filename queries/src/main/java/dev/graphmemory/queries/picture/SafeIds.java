package dev.graphmemory.queries.picture;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The identifiers the writers give boxes: {@code n_} and the first word of the box's label with everything but
 * letters, digits and {@code _} turned into {@code _}, at most 24 characters after the prefix, {@code _2}, {@code _3}
 * added where two would be equal. Readable in the text, valid unquoted in Mermaid and DOT and as an
 * XML id, never a keyword ({@code end}, {@code graph}, {@code subgraph}), and stable for the same
 * diagram since they follow its order.
 */
final class SafeIds {
    private static final int MAX = 24;

    private SafeIds() {}

    static Map<String, String> of(Diagram diagram) {
        Map<String, String> ids = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        for (DiagramNode n : diagram.nodes()) {
            String base = n.kind().equals(DiagramNode.MORE) ? "more" : "n_" + clean(firstWord(n.label()));
            String id = base;
            for (int i = 2; !used.add(id); i++) {
                id = base + "_" + i;
            }
            ids.put(n.key(), id);
        }
        return ids;
    }

    /** A label's first word: a commit's short sha, a document's id, a file's name. */
    private static String firstWord(String label) {
        String l = label.strip();
        int space = l.indexOf(' ');
        return space < 0 ? l : l.substring(0, space);
    }

    private static String clean(String label) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < label.length() && out.length() < MAX; i++) {
            char c = label.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (plain) {
                out.append(c);
            } else if (out.length() > 0 && out.charAt(out.length() - 1) != '_') {
                out.append('_');
            }
        }
        while (out.length() > 0 && out.charAt(out.length() - 1) == '_') {
            out.setLength(out.length() - 1);
        }
        return out.isEmpty() ? "x" : out.toString();
    }
}
