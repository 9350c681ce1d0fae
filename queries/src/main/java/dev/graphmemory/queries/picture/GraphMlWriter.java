package dev.graphmemory.queries.picture;

import java.util.List;
import java.util.Map;

/**
 * Writes a {@link Diagram} as <a href="http://graphml.graphdrawing.org/specification.html">GraphML</a>:
 * declared keys for a box's label, kind, full node id and focus and an arrow's label, weight,
 * dashing and cycle mark, then the graph. Text and attributes are XML-escaped and characters XML
 * 1.0 forbids are left out, so the document is well-formed whatever the names hold.
 */
final class GraphMlWriter {
    private GraphMlWriter() {}

    static String write(Diagram diagram, List<String> notes) {
        Map<String, String> ids = SafeIds.of(diagram);
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        for (String note : notes) {
            out.append(comment(note)).append('\n');
        }
        out.append("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"")
                .append(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
                .append(" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns")
                .append(" http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
        key(out, "label", "node", "label", "string");
        key(out, "kind", "node", "kind", "string");
        key(out, "node_id", "node", "node_id", "string");
        key(out, "focus", "node", "focus", "boolean");
        key(out, "elabel", "edge", "label", "string");
        key(out, "weight", "edge", "weight", "long");
        key(out, "dashed", "edge", "dashed", "boolean");
        key(out, "cycle", "edge", "cycle", "boolean");
        out.append("  <graph id=\"G\" edgedefault=\"directed\">\n");
        if (!diagram.title().isEmpty()) {
            out.append("    <desc>")
                    .append(escape(Labels.oneLine(diagram.title())))
                    .append("</desc>\n");
        }
        for (DiagramNode n : diagram.nodes()) {
            out.append("    <node id=\"").append(ids.get(n.key())).append("\">");
            data(out, "label", Labels.of(n.label()));
            data(out, "kind", n.kind());
            if (!n.kind().equals(DiagramNode.MORE)) {
                data(out, "node_id", n.key());
            }
            if (n.focus()) {
                data(out, "focus", "true");
            }
            out.append("</node>\n");
        }
        int i = 0;
        for (DiagramEdge e : diagram.edges()) {
            out.append("    <edge id=\"e")
                    .append(i++)
                    .append("\" source=\"")
                    .append(ids.get(e.from()))
                    .append("\" target=\"")
                    .append(ids.get(e.to()))
                    .append("\">");
            if (!e.label().isEmpty()) {
                data(out, "elabel", Labels.of(e.label()));
            }
            data(out, "weight", Long.toString(e.weight()));
            if (e.dashed()) {
                data(out, "dashed", "true");
            }
            if (e.cycle()) {
                data(out, "cycle", "true");
            }
            out.append("</edge>\n");
        }
        return out.append("  </graph>\n</graphml>\n").toString();
    }

    /** An XML comment; {@code --} may not appear in one, so it is broken up. */
    static String comment(String text) {
        String body = escapeChars(Labels.oneLine(text)).replace("--", "- -");
        if (body.endsWith("-")) {
            body = body + " ";
        }
        return "<!-- " + body + " -->";
    }

    private static void key(StringBuilder out, String id, String on, String name, String type) {
        out.append("  <key id=\"")
                .append(id)
                .append("\" for=\"")
                .append(on)
                .append("\" attr.name=\"")
                .append(name)
                .append("\" attr.type=\"")
                .append(type)
                .append("\"/>\n");
    }

    private static void data(StringBuilder out, String key, String value) {
        out.append("<data key=\"")
                .append(key)
                .append("\">")
                .append(escape(value))
                .append("</data>");
    }

    /** Text or an attribute value, escaped. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        escapeChars(text).chars().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append((char) c);
            }
        });
        return out.toString();
    }

    /** {@code text} without the characters XML 1.0 does not allow (most control characters, lone surrogates). */
    private static String escapeChars(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean allowed = c == 0x9
                    || c == 0xA
                    || c == 0xD
                    || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD)
                    || (c >= 0x10000 && c <= 0x10FFFF);
            if (allowed) {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
