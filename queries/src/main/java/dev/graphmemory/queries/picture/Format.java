package dev.graphmemory.queries.picture;

import dev.graphmemory.queries.find.ToolException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The text formats a {@link Diagram} is written in. */
public enum Format {
    /** A Mermaid {@code flowchart}, which GitHub, GitLab and many editors draw from a code block. */
    MERMAID("mermaid") {
        @Override
        public String write(Diagram diagram, List<String> notes) {
            return MermaidWriter.write(diagram, notes);
        }

        @Override
        public String comment(String text) {
            return MermaidWriter.comment(text);
        }
    },
    /** Graphviz DOT, for {@code dot -Tsvg}. */
    DOT("dot") {
        @Override
        public String write(Diagram diagram, List<String> notes) {
            return DotWriter.write(diagram, notes);
        }

        @Override
        public String comment(String text) {
            return "// " + Labels.oneLine(text) + "\n";
        }
    },
    /** GraphML, the XML that yEd, Gephi, Cytoscape and networkx read. */
    GRAPHML("graphml") {
        @Override
        public String write(Diagram diagram, List<String> notes) {
            return GraphMlWriter.write(diagram, notes);
        }

        @Override
        public String comment(String text) {
            return GraphMlWriter.comment(text) + "\n";
        }
    };

    private final String wire;

    Format(String wire) {
        this.wire = wire;
    }

    /** The name callers use, e.g. {@code mermaid}. */
    public String wire() {
        return wire;
    }

    /**
     * The diagram as text; {@code notes} are written as comments at its top (what was left out, how to
     * see more), so the text still parses.
     */
    public abstract String write(Diagram diagram, List<String> notes);

    /** One comment line of this format, ending in a line break, that may follow a whole diagram. */
    public abstract String comment(String text);

    /** The format a caller named (case-insensitive), {@link #MERMAID} when none. */
    public static Format of(String name) {
        if (name == null || name.isBlank()) {
            return MERMAID;
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (n.equals("gv") || n.equals("graphviz")) {
            return DOT;
        }
        return Arrays.stream(values())
                .filter(f -> f.wire.equals(n))
                .findFirst()
                .orElseThrow(() -> new ToolException("format must be mermaid, dot or graphml, got '" + name + "'"));
    }
}
