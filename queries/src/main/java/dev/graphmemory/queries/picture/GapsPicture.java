package dev.graphmemory.queries.picture;

import dev.graphmemory.queries.graph.RepoGraph;
import dev.graphmemory.queries.schema.NodeType;
import dev.graphmemory.queries.workflow.gaps.GapDetector;
import dev.graphmemory.queries.workflow.gaps.GapRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neo4j.driver.Driver;

/**
 * One page of integration gaps as a picture: each gap (orange, bold) labelled with its status and
 * confidence, the modules that use it now (tests, for {@code tests_only}) with solid arrows, and the
 * modules it likely belongs in with dashed arrows labelled {@code wire? 0.62}: the wiring to add.
 * Paged as {@code detect_integration_gaps} is, by its cursor.
 */
public final class GapsPicture {
    /** Gaps per page unless asked: with two suggestions and a user each, about the 40 boxes. */
    public static final int DEFAULT_LIMIT = 10;
    /** Suggestions per gap unless asked. */
    public static final int DEFAULT_SUGGESTIONS = 2;

    private final GapDetector detector;
    private final RepoGraph graph;

    public GapsPicture(Driver driver, String repo) {
        this.detector = new GapDetector(driver, repo);
        this.graph = new RepoGraph(driver, repo);
    }

    /** Draws the page of gaps {@code request} asks for. */
    @SuppressWarnings("unchecked")
    public Picture draw(GapRequest request, int maxBoxes) {
        Map<String, Object> answer = detector.detect(request).toMap();
        List<Map<String, Object>> gaps = (List<Map<String, Object>>) answer.getOrDefault("gaps", List.of());
        Map<String, DiagramNode> nodes = new LinkedHashMap<>();
        List<DiagramEdge> edges = new ArrayList<>();
        for (int i = 0; i < gaps.size(); i++) {
            Map<String, Object> gap = gaps.get(i);
            String id = (String) gap.get("id");
            String label = String.format(
                    Locale.ROOT,
                    "%s · %s %.2f",
                    gap.get("path"),
                    gap.get("status"),
                    ((Number) gap.get("confidence")).doubleValue());
            nodes.put(id, new DiagramNode(id, label, "gap", i, true));
            for (String used : (List<String>) gap.getOrDefault("used_by", List.of())) {
                // used_by names modules by path.
                String user = used.contains(":") ? used : NodeType.MODULE.id(used);
                nodes.putIfAbsent(user, new DiagramNode(user, user, "module", 2000 + i, false));
                edges.add(DiagramEdge.of(user, id, "uses"));
            }
            for (Map<String, Object> s : (List<Map<String, Object>>) gap.getOrDefault("suggestions", List.of())) {
                String host = NodeType.MODULE.id((String) s.get("path"));
                nodes.putIfAbsent(host, new DiagramNode(host, host, "module", 1000 + i, false));
                edges.add(new DiagramEdge(
                        host,
                        id,
                        String.format(Locale.ROOT, "wire? %.2f", ((Number) s.get("confidence")).doubleValue()),
                        1,
                        true,
                        false));
            }
        }
        long total = ((Number) answer.getOrDefault("total", gaps.size())).longValue();
        String title = "integration gaps " + (gaps.isEmpty() ? "(none)" : "1-" + gaps.size() + " of " + total) + " ("
                + answer.get("mode") + " mode); dashed: suggested wiring";
        Diagram capped = Diagram.of(title, List.copyOf(nodes.values()), edges).capped(maxBoxes);
        // Gap labels carry their status: only their kind and the others' short names come from the graph.
        Map<String, DiagramNode> looks = new LinkedHashMap<>(new NodeLooks(graph).of(NeighborsPicture.keys(capped)));
        Map<String, String> shortNames = ShortNames.of(NeighborsPicture.keys(capped));
        for (DiagramNode n : capped.nodes()) {
            if (n.kind().equals("gap")) {
                String path = n.label().substring(0, n.label().indexOf(" · "));
                String name = shortNames.getOrDefault(n.key(), path);
                looks.put(n.key(), DiagramNode.of(n.key(), name + n.label().substring(path.length()), "gap"));
            }
        }
        List<String> notes = new ArrayList<>();
        if (answer.get("next_cursor") != null) {
            notes.add("more gaps: ask again with cursor=" + answer.get("next_cursor"));
        }
        notes.addAll(Notes.of(capped, false, "gaps (status, min_confidence)"));
        return new Picture(
                "gaps", null, capped.relabeled(looks), notes, total, false, (String) answer.get("next_cursor"));
    }

    /** The request a picture makes when the caller asks for no page size or suggestion count. */
    public static GapRequest request(
            List<String> entryPoints,
            List<String> exclude,
            String mode,
            String status,
            double minConfidence,
            Integer suggestions,
            Integer limit,
            String cursor) {
        return new GapRequest(
                entryPoints,
                exclude,
                mode,
                status,
                minConfidence,
                suggestions == null ? DEFAULT_SUGGESTIONS : suggestions,
                limit == null ? DEFAULT_LIMIT : limit,
                cursor,
                null,
                null);
    }
}
