package dev.graphmemory.queries.picture;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a {@link Diagram} as a Mermaid {@code flowchart LR}. Every label is a quoted string with
 * Mermaid's entity codes for what could end it or be read as markup ({@code "} {@code #}
 * {@code <} {@code >} {@code &} {@code |}, {@code %} and the backtick), so a name with quotes, brackets or
 * {@code -->} stays text. See <a href="https://mermaid.js.org/syntax/flowchart.html#entity-codes-to-escape-characters">entity codes</a>.
 */
final class MermaidWriter {
    /**
     * The kind drawn in Mermaid's own style, with no class: the most common box (a module) then costs
     * no {@code class} line listing every id, about 15 tokens a box less.
     */
    static final String PLAIN = "module";

    private MermaidWriter() {}

    static String write(Diagram diagram, List<String> notes) {
        Map<String, String> ids = SafeIds.of(diagram);
        StringBuilder out = new StringBuilder("flowchart LR\n");
        if (!diagram.title().isEmpty()) {
            out.append("  ").append(comment(diagram.title()));
        }
        for (String note : notes) {
            out.append("  ").append(comment(note));
        }
        Map<String, List<String>> byKind = new TreeMap<>();
        List<String> focus = new ArrayList<>();
        for (DiagramNode n : diagram.nodes()) {
            Kinds.Look look = Kinds.of(n.kind());
            String id = ids.get(n.key());
            out.append("  ")
                    .append(id)
                    .append(look.open())
                    .append(escape(Labels.of(n.label())))
                    .append(look.close())
                    .append('\n');
            if (!n.kind().equals(PLAIN)) {
                byKind.computeIfAbsent(n.kind(), k -> new ArrayList<>()).add(id);
            }
            if (n.focus()) {
                focus.add(id);
            }
        }
        List<Integer> cycles = new ArrayList<>();
        List<DiagramEdge> edges = diagram.edges();
        for (int i = 0; i < edges.size(); i++) {
            DiagramEdge e = edges.get(i);
            String arrow = e.dashed() ? "-.->" : e.cycle() ? "==>" : "-->";
            out.append("  ").append(ids.get(e.from())).append(' ').append(arrow);
            if (!e.caption().isEmpty()) {
                out.append("|\"").append(escape(Labels.of(e.caption()))).append("\"|");
            }
            out.append(' ').append(ids.get(e.to())).append('\n');
            if (e.cycle()) {
                cycles.add(i);
            }
        }
        byKind.forEach((kind, members) -> {
            String cls = "k_" + kind;
            out.append("  classDef ")
                    .append(cls)
                    .append(" fill:")
                    .append(Kinds.of(kind).fill())
                    .append(",stroke:#667")
                    .append(kind.equals(DiagramNode.MORE) ? ",stroke-dasharray:4 3" : "")
                    .append('\n');
            out.append("  class ")
                    .append(String.join(",", members))
                    .append(' ')
                    .append(cls)
                    .append('\n');
        });
        for (String id : focus) {
            out.append("  style ").append(id).append(" stroke-width:3px\n");
        }
        if (!cycles.isEmpty()) {
            out.append("  linkStyle ")
                    .append(String.join(
                            ",", cycles.stream().map(String::valueOf).toList()))
                    .append(" stroke:#d32f2f\n");
        }
        return out.toString();
    }

    /**
     * A comment line. Mermaid reads {@code %%{...}%%} anywhere in the text as a directive that
     * changes its configuration, so no {@code %%} is left in the comment's text.
     */
    static String comment(String text) {
        String body = Labels.oneLine(text);
        while (body.contains("%%")) {
            body = body.replace("%%", "% %");
        }
        return "%% " + body + "\n";
    }

    /** Text inside a quoted Mermaid label. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '#' -> out.append("#35;");
                case '"' -> out.append("#quot;");
                case '<' -> out.append("#lt;");
                case '>' -> out.append("#gt;");
                case '&' -> out.append("#amp;");
                case '|' -> out.append("#124;");
                case '`' -> out.append("#96;");
                // %%{init: ...}%% is a directive wherever it appears, quoted or not.
                case '%' -> out.append("#37;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
