package dev.graphmemory.server.view;

import dev.graphmemory.queries.picture.DiagramEdge;
import dev.graphmemory.queries.picture.DiagramNode;
import dev.graphmemory.queries.picture.Picture;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A picture ({@code graph_picture}'s model, before any format) as the page draws it: boxes with
 * their id, label and kind, arrows with their caption, weight, dashing and cycle mark, and the
 * picture's notes. The page lays it out itself, so the view and the diagrams agree on what a
 * subject holds.
 */
final class PictureJson {
    private PictureJson() {}

    static Map<String, Object> of(Picture picture) {
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (DiagramNode n : picture.diagram().nodes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", n.key());
            m.put("label", n.label());
            m.put("kind", n.kind());
            m.put("focus", n.focus());
            nodes.add(m);
        }
        List<Map<String, Object>> edges = new ArrayList<>();
        for (DiagramEdge e : picture.diagram().edges()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", e.from());
            m.put("to", e.to());
            m.put("label", e.caption());
            m.put("weight", e.weight());
            m.put("dashed", e.dashed());
            m.put("cycle", e.cycle());
            edges.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("title", picture.diagram().title());
        out.put("focus", picture.focus());
        out.put("nodes", nodes);
        out.put("edges", edges);
        out.put("notes", picture.notes());
        out.put("total", picture.total());
        return out;
    }

    /** The boxes of an answer {@link #of} made. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> nodes(Map<String, Object> answer) {
        return (List<Map<String, Object>>) answer.get("nodes");
    }
}
