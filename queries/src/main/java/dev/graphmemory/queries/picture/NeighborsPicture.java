package dev.graphmemory.queries.picture;

import dev.graphmemory.queries.find.NeighborsQuery;
import dev.graphmemory.queries.find.NodeIdResolver;
import dev.graphmemory.queries.find.ToolException;
import dev.graphmemory.queries.graph.RepoGraph;
import dev.graphmemory.queries.schema.RelType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

/**
 * A node's neighbourhood as a picture, with {@code graph_neighbors}'s arguments: the nodes within
 * {@code depth} hops and every relationship the walk crossed between them, the nearest kept when
 * there are more than the cap (by depth, then id).
 *
 * <p>Design notes: the same breadth-first walk as {@link NeighborsQuery}, one query per level, but
 * it keeps each relationship it crosses, not only the first path to a node, since a picture shows
 * them all. It stops at {@link #MAX_WALK} nodes (a picture shows 40; the count of the rest is all
 * that needs them) and says so.
 */
public final class NeighborsPicture {
    /** Nodes the walk visits at most. */
    static final int MAX_WALK = 5_000;

    private final Driver driver;
    private final RepoGraph graph;

    public NeighborsPicture(Driver driver, String repo) {
        this.driver = driver;
        this.graph = new RepoGraph(driver, repo);
    }

    /** Draws the neighbourhood of {@code nodeId}; the arguments as {@code graph_neighbors} takes them. */
    public Picture draw(String nodeId, String direction, List<String> relationships, Integer depth, int maxBoxes) {
        String start = new NodeIdResolver(driver, graph.repo()).resolve(nodeId);
        String dir = direction == null ? "both" : direction.toLowerCase(Locale.ROOT);
        if (!List.of("in", "out", "both").contains(dir)) {
            throw new ToolException("direction must be in, out or both, was '" + direction + "'");
        }
        int d = depth == null ? 1 : depth;
        if (d < 1 || d > NeighborsQuery.MAX_DEPTH) {
            throw new ToolException("depth must be from 1 to " + NeighborsQuery.MAX_DEPTH + ", was " + d);
        }
        List<RelType> rels = NeighborsQuery.relTypes(relationships);
        String types = rels.stream().map(RelType::name).collect(Collectors.joining("|"));
        String cypher = NeighborsQuery.stepCypher(dir, rels);

        Map<String, Integer> depthOf = new LinkedHashMap<>();
        depthOf.put(start, 0);
        // A set: a relationship between two nodes of one level is met from both ends.
        java.util.Set<DiagramEdge> edges = new java.util.LinkedHashSet<>();
        List<String> frontier = List.of(start);
        boolean truncated = false;
        for (int level = 1; level <= d && !frontier.isEmpty(); level++) {
            List<String> next = new ArrayList<>();
            for (Record r : graph.read(cypher, Map.of("ids", frontier))) {
                String a = r.get("a").asString();
                String b = r.get("b").asString();
                if (!depthOf.containsKey(b)) {
                    if (depthOf.size() >= MAX_WALK) {
                        truncated = true;
                        continue;
                    }
                    depthOf.put(b, level);
                    next.add(b);
                }
                // One relationship asked: the title names it, so its arrows need no label.
                String t = rels.size() == 1 ? "" : r.get("t").asString();
                edges.add(r.get("out").asBoolean() ? DiagramEdge.of(a, b, t) : DiagramEdge.of(b, a, t));
            }
            frontier = next;
        }
        List<DiagramNode> nodes = new ArrayList<>();
        depthOf.forEach((id, level) -> nodes.add(new DiagramNode(id, id, typeOf(id), level, level == 0)));
        String title = (types.isEmpty() ? "all relationships" : types.replace("|", ", ")) + " " + dir + ", depth " + d
                + " around " + start;
        Diagram whole = Diagram.of(title, nodes, List.copyOf(edges));
        Diagram capped = whole.capped(maxBoxes);
        Diagram drawn = capped.relabeled(new NodeLooks(graph).of(keys(capped)));
        return new Picture(
                "neighbors",
                start,
                drawn,
                Notes.of(capped, truncated, "depth or relationship"),
                nodes.size(),
                truncated,
                null);
    }

    static List<String> keys(Diagram d) {
        return d.nodes().stream()
                .filter(n -> !n.kind().equals(DiagramNode.MORE))
                .map(DiagramNode::key)
                .toList();
    }

    private static String typeOf(String id) {
        String[] parts = id.split(":", 3);
        return parts.length == 3 ? parts[1] : "module";
    }
}
