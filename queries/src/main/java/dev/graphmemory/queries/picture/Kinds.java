package dev.graphmemory.queries.picture;

import java.util.Map;

/** How a box of each kind looks: its Mermaid shape, its Graphviz shape and its fill colour. */
final class Kinds {
    /** A shape in both languages: Mermaid's opening and closing brackets, Graphviz's shape name. */
    record Look(String open, String close, String dotShape, String fill) {}

    private static final Look BOX = new Look("[\"", "\"]", "box", "#e8f0fe");
    private static final Map<String, Look> LOOKS = Map.ofEntries(
            Map.entry("module", BOX),
            Map.entry("cli_entry", new Look("[[\"", "\"]]", "box", "#c8e6c9")),
            Map.entry("build_module", new Look("[[\"", "\"]]", "box3d", "#e3f2fd")),
            Map.entry("folder", new Look("[\"", "\"]", "folder", "#dbe7fb")),
            Map.entry("package", new Look("[\"", "\"]", "tab", "#dbe7fb")),
            Map.entry("class", new Look("[\"", "\"]", "box", "#eef7ee")),
            Map.entry("function", new Look("(\"", "\")", "box", "#f3f9f3")),
            Map.entry("test", new Look("[\"", "\"]", "box", "#eeeeee")),
            Map.entry("gap", new Look("[\"", "\"]", "box", "#ffe0b2")),
            Map.entry("work_unit", new Look("(\"", "\")", "box", "#fff4d6")),
            Map.entry("session", new Look("(\"", "\")", "box", "#fff4d6")),
            Map.entry("commit", new Look("([\"", "\"])", "ellipse", "#f0f0f0")),
            Map.entry("bug", new Look("{{\"", "\"}}", "hexagon", "#fde2e1")),
            Map.entry("finding", new Look("{{\"", "\"}}", "hexagon", "#fdeeee")),
            Map.entry("adr", new Look("[/\"", "\"/]", "note", "#efe6fb")),
            Map.entry("anti_pattern", new Look("[/\"", "\"/]", "note", "#f6e0f0")),
            Map.entry(DiagramNode.MORE, new Look(">\"", "\"]", "plaintext", "#ffffff")));

    private Kinds() {}

    static Look of(String kind) {
        return LOOKS.getOrDefault(kind, BOX);
    }
}
