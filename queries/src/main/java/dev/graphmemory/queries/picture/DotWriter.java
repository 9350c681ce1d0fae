package dev.graphmemory.queries.picture;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link Diagram} as a Graphviz {@code digraph}. Every identifier and label is a quoted
 * string with {@code \} and {@code "} escaped, so a name cannot end it or become an escape such as
 * {@code \N} (see <a href="https://graphviz.org/doc/info/lang.html">the DOT language</a>). A box
 * carries only what differs from the node defaults (a module's look), to keep the text near
 * Mermaid's size; GraphML, not DOT, carries each box's full node id.
 */
final class DotWriter {
    /** The look of a module, the most common box: the node defaults, so its boxes need no attributes. */
    private static final Kinds.Look DEFAULT = Kinds.of("module");

    private DotWriter() {}

    static String write(Diagram diagram, List<String> notes) {
        Map<String, String> ids = SafeIds.of(diagram);
        StringBuilder out = new StringBuilder("digraph G {\n");
        for (String note : notes) {
            out.append("  // ").append(Labels.oneLine(note)).append('\n');
        }
        out.append("  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=12");
        if (!diagram.title().isEmpty()) {
            out.append(", labelloc=t, label=").append(quote(Labels.oneLine(diagram.title())));
        }
        out.append("];\n");
        out.append("  node [shape=box, style=\"rounded,filled\", fillcolor=")
                .append(quote(DEFAULT.fill()))
                .append(", fontname=\"Helvetica\", fontsize=10];\n");
        out.append("  edge [fontname=\"Helvetica\", fontsize=9, color=\"#556677\"];\n");
        for (DiagramNode n : diagram.nodes()) {
            Kinds.Look look = Kinds.of(n.kind());
            out.append("  ").append(quote(ids.get(n.key()))).append(" [label=").append(quote(Labels.of(n.label())));
            // Only what differs from the node defaults, to keep the text near Mermaid's size.
            if (!look.dotShape().equals(DEFAULT.dotShape())) {
                out.append(", shape=").append(look.dotShape());
            }
            if (!look.fill().equals(DEFAULT.fill())) {
                out.append(", fillcolor=").append(quote(look.fill()));
            }
            if (n.focus()) {
                out.append(", penwidth=2.5");
            }
            out.append("];\n");
        }
        for (DiagramEdge e : diagram.edges()) {
            out.append("  ").append(quote(ids.get(e.from()))).append(" -> ").append(quote(ids.get(e.to())));
            StringBuilder attrs = new StringBuilder();
            if (!e.caption().isEmpty()) {
                attrs.append("label=").append(quote(Labels.of(e.caption())));
            }
            if (e.dashed()) {
                attrs.append(attrs.isEmpty() ? "" : ", ").append("style=dashed");
            }
            if (e.cycle()) {
                attrs.append(attrs.isEmpty() ? "" : ", ").append("color=\"#d32f2f\"");
            }
            if (e.weight() > 1) {
                double width = Math.min(4.0, 1.0 + Math.log(e.weight()) / Math.log(2) / 2);
                attrs.append(attrs.isEmpty() ? "" : ", ")
                        .append("penwidth=")
                        .append(String.format(Locale.ROOT, "%.1f", width));
            }
            if (!attrs.isEmpty()) {
                out.append(" [").append(attrs).append(']');
            }
            out.append(";\n");
        }
        return out.append("}\n").toString();
    }

    /** A DOT quoted string. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }
}
