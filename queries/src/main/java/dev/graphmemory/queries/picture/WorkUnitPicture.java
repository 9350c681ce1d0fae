package dev.graphmemory.queries.picture;

import dev.graphmemory.queries.find.NodeIdResolver;
import dev.graphmemory.queries.find.ToolException;
import dev.graphmemory.queries.graph.RepoGraph;
import dev.graphmemory.queries.schema.Keys;
import dev.graphmemory.queries.schema.NodeType;
import dev.graphmemory.queries.schema.RelType;
import dev.graphmemory.queries.workflow.DuplicateCandidate;
import dev.graphmemory.queries.workflow.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

/**
 * A work unit's footprint: everything one relationship away (the files it touches, the work it
 * depends on, the commits, bugs and decisions that mention it or that it mentions), then what the
 * bugs affect and are caused by and the files its commits modify, and dashed arrows to the work it
 * may duplicate ({@code find_duplicate_work}'s {@code duplicate} and {@code review} candidates).
 */
public final class WorkUnitPicture {
    /** Duplicate candidates asked for. */
    static final int DUPLICATES = 3;

    /** Second-step relationships: from a bug to what it affects and what caused it, from a commit to its files. */
    private static final List<RelType> SECOND = List.of(RelType.AFFECTS, RelType.CAUSED_BY, RelType.MODIFIES);

    private static final Map<String, Integer> RANK =
            Map.of("work_unit", 1, "bug", 1, "finding", 1, "adr", 2, "anti_pattern", 2, "commit", 3, "session", 3);

    private final Driver driver;
    private final RepoGraph graph;

    public WorkUnitPicture(Driver driver, String repo) {
        this.driver = driver;
        this.graph = new RepoGraph(driver, repo);
    }

    /**
     * Draws the footprint of the work unit {@code id} ({@code WU-281} or its node id);
     * {@code duplicates} gives its duplicate candidates (or none, when null).
     */
    public Picture draw(String id, Function<String, List<DuplicateCandidate>> duplicates, int maxBoxes) {
        if (id == null || id.isBlank()) {
            throw new ToolException("node_id is required for subject=work_unit, e.g. node_id='WU-281'");
        }
        String nodeId = id.contains(":") ? id.strip() : NodeType.WORK_UNIT.id(id.strip());
        String start = new NodeIdResolver(driver, graph.repo()).resolve(nodeId);
        if (!start.startsWith(NodeType.WORK_UNIT.schema() + ":" + NodeType.WORK_UNIT.type() + ":")) {
            throw new ToolException("subject=work_unit draws a work unit, and " + start + " is not one; use"
                    + " subject=neighbors for any other node");
        }
        Map<String, Integer> rank = new LinkedHashMap<>();
        rank.put(start, 0);
        Set<DiagramEdge> edges = new LinkedHashSet<>();
        String entity = ":" + Keys.ENTITY_LABEL + " {repo: $repo";
        List<String> first = new ArrayList<>();
        for (Record r : graph.read(
                "MATCH (w" + entity + ", id: $id})-[r]-(n" + entity + "})"
                        + " RETURN type(r) AS t, startNode(r) = w AS out, n.id AS n",
                Map.of("id", start))) {
            String n = r.get("n").asString();
            if (rank.putIfAbsent(n, rankOf(n, 0)) == null) {
                first.add(n);
            }
            String t = r.get("t").asString();
            edges.add(r.get("out").asBoolean() ? DiagramEdge.of(start, n, t) : DiagramEdge.of(n, start, t));
        }
        String second = String.join("|", SECOND.stream().map(RelType::name).toList());
        for (Record r : graph.read(
                "UNWIND $ids AS id MATCH (a" + entity + ", id: id})-[r:" + second + "]->(n" + entity + "})"
                        + " RETURN a.id AS a, type(r) AS t, n.id AS n",
                Map.of("ids", first))) {
            String n = r.get("n").asString();
            rank.putIfAbsent(n, rankOf(n, 1));
            edges.add(DiagramEdge.of(r.get("a").asString(), n, r.get("t").asString()));
        }
        List<DuplicateCandidate> candidates = duplicates == null ? List.of() : duplicates.apply(start);
        for (DuplicateCandidate c : candidates) {
            if (c.verdict() == Verdict.DUPLICATE || c.verdict() == Verdict.REVIEW) {
                rank.putIfAbsent(c.id(), 1);
                edges.add(new DiagramEdge(
                        start,
                        c.id(),
                        String.format(Locale.ROOT, "%s? %.2f", c.verdict().wire(), c.confidence()),
                        1,
                        true,
                        false));
            }
        }
        List<DiagramNode> nodes = new ArrayList<>();
        rank.forEach((n, r) -> nodes.add(new DiagramNode(n, n, typeOf(n), r, r == 0)));
        Diagram capped = Diagram.of("footprint of " + start + "; dashed: likely duplicates", nodes, List.copyOf(edges))
                .capped(maxBoxes);
        Diagram drawn = capped.relabeled(new NodeLooks(graph).of(NeighborsPicture.keys(capped)));
        return new Picture(
                "work_unit",
                start,
                drawn,
                Notes.of(capped, false, "picture (subject=neighbors with relationship)"),
                nodes.size(),
                false,
                null);
    }

    /** Documents first, then commits, then files; what the second step found after what the first did. */
    private static int rankOf(String id, int step) {
        return RANK.getOrDefault(typeOf(id), 4) + step * 10;
    }

    private static String typeOf(String id) {
        String[] parts = id.split(":", 3);
        return parts.length == 3 ? parts[1] : "module";
    }
}
