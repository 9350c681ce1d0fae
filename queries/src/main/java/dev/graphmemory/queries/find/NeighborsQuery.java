package dev.graphmemory.queries.find;

import dev.graphmemory.queries.graph.Sessions;
import dev.graphmemory.queries.schema.Keys;
import dev.graphmemory.queries.schema.RelType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

/**
 * {@code graph_neighbors}: the nodes within {@code depth} hops of a node, each with the depth it
 * was first reached at (when the walk went deeper than 1) and the relationship path that reached it
 * ({@code via}: relationships and the intermediate node ids, e.g. {@code ["<-IMPORTS-",
 * "architecture:module:b.java", "<-IMPORTS-"]}; left out where it is one step of the one
 * relationship and direction asked for), ordered by depth then id.
 *
 * <p>Design notes: a breadth-first walk, one query per level over the frontier, so each node is
 * expanded once whatever the number of paths to it (a variable-length Cypher pattern enumerates
 * paths, which explodes at depth 3 on a real code graph). The walk stops at
 * {@link #MAX_VISITED} nodes and says so.
 */
public final class NeighborsQuery {
    public static final int DEFAULT_LIMIT = 25;
    public static final int MAX_LIMIT = 200;
    public static final int MAX_DEPTH = 5;
    public static final int MAX_VISITED = 50_000;

    private final Driver driver;
    private final String repo;

    public NeighborsQuery(Driver driver, String repo) {
        this.driver = driver;
        this.repo = repo;
    }

    /** The arguments of one call. */
    public record Request(
            String nodeId, String direction, List<String> relationships, Integer depth, Integer limit, String cursor) {}

    /** One page of neighbours, the total reached, whether the walk was cut short, and the next cursor. */
    public record Page(String node, List<Map<String, Object>> rows, long total, boolean truncated, String nextCursor) {}

    private record Reached(String id, int depth, List<String> path) {}

    public Page run(Request req) {
        String start = new NodeIdResolver(driver, repo).resolve(req.nodeId());
        String direction = req.direction() == null ? "both" : req.direction().toLowerCase(Locale.ROOT);
        if (!List.of("in", "out", "both").contains(direction)) {
            throw new ToolException("direction must be in, out or both, was '" + req.direction() + "'");
        }
        int depth = req.depth() == null ? 1 : req.depth();
        if (depth < 1 || depth > MAX_DEPTH) {
            throw new ToolException("depth must be from 1 to " + MAX_DEPTH + ", was " + depth
                    + "; for longer chains use graph_query with a variable-length pattern");
        }
        int limit = req.limit() == null ? DEFAULT_LIMIT : req.limit();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ToolException(
                    "limit must be from 1 to " + MAX_LIMIT + ", was " + limit + "; page through more with next_cursor");
        }
        List<RelType> rels = relTypes(req.relationships());
        String queryHash = Cursor.hash(start, direction, rels, depth);
        String after = Cursor.afterFor(req.cursor(), queryHash);

        Map<String, Reached> reached = walk(start, direction, rels, depth);
        boolean truncated = reached.size() >= MAX_VISITED;
        List<Reached> ordered = reached.values().stream()
                .sorted(Comparator.comparingInt(Reached::depth).thenComparing(Reached::id))
                .toList();
        int from = 0;
        if (after != null) {
            int sep = after.indexOf('|');
            int afterDepth = Integer.parseInt(after.substring(0, sep));
            String afterId = after.substring(sep + 1);
            while (from < ordered.size()
                    && (ordered.get(from).depth() < afterDepth
                            || (ordered.get(from).depth() == afterDepth
                                    && ordered.get(from).id().compareTo(afterId) <= 0))) {
                from++;
            }
        }
        List<Reached> window = ordered.subList(from, Math.min(ordered.size(), from + limit));
        Map<String, Map<String, Object>> props =
                properties(window.stream().map(Reached::id).toList());
        AnswerBudget budget =
                new AnswerBudget(limit == DEFAULT_LIMIT ? AnswerBudget.DEFAULT_CHARS : AnswerBudget.MAX_CHARS);
        List<Map<String, Object>> rows = new ArrayList<>();
        Reached last = null;
        // A path of one step says nothing when one relationship was followed in one direction.
        boolean oneWay = rels.size() == 1 && !direction.equals("both");
        for (Reached r : window) {
            Map<String, Object> row =
                    new LinkedHashMap<>(CompactRow.of(props.getOrDefault(r.id(), Map.of(Keys.ID, r.id())), null));
            if (depth > 1) {
                row.put("depth", r.depth());
            }
            if (!oneWay || r.path().size() > 1) {
                row.put("via", r.path());
            }
            if (!budget.admit(row, rows.isEmpty())) {
                break;
            }
            rows.add(row);
            last = r;
        }
        boolean more = last != null && from + rows.size() < ordered.size();
        String next = more ? new Cursor(last.depth() + "|" + last.id(), queryHash).encode() : null;
        return new Page(start, rows, ordered.size(), truncated, next);
    }

    /**
     * One step of a walk from the nodes {@code $ids} of {@code $repo}: each relationship of the given
     * types (all when none) in the given direction ({@code in}, {@code out}, {@code both}), as rows
     * {@code a} (the node it starts from), {@code t} (its type), {@code out} (whether it points away
     * from {@code a}) and {@code b} (the node reached). Types come from the {@link RelType} allowlist.
     */
    public static String stepCypher(String direction, List<RelType> rels) {
        String types = rels.stream().map(RelType::name).collect(Collectors.joining("|"));
        String rel = "[r" + (types.isEmpty() ? "" : ":" + types) + "]";
        String pattern =
                switch (direction) {
                    case "out" -> "-" + rel + "->";
                    case "in" -> "<-" + rel + "-";
                    default -> "-" + rel + "-";
                };
        return "UNWIND $ids AS id MATCH (a:" + Keys.ENTITY_LABEL + " {repo: $repo, id: id})" + pattern + "(b:"
                + Keys.ENTITY_LABEL + ") RETURN id AS a, type(r) AS t, startNode(r) = a AS out, b.id AS b";
    }

    private Map<String, Reached> walk(String start, String direction, List<RelType> rels, int depth) {
        String cypher = stepCypher(direction, rels);
        Map<String, Reached> reached = new LinkedHashMap<>();
        Map<String, List<String>> frontier = Map.of(start, List.of());
        try (Session session = Sessions.read(driver)) {
            for (int d = 1; d <= depth && !frontier.isEmpty() && reached.size() < MAX_VISITED; d++) {
                Map<String, Object> params = Map.of("ids", List.copyOf(frontier.keySet()), "repo", repo);
                List<Record> records =
                        session.executeRead(tx -> tx.run(cypher, params).list());
                Map<String, List<String>> next = new LinkedHashMap<>();
                for (Record r : records) {
                    String b = r.get("b").asString();
                    if (b.equals(start) || reached.containsKey(b) || reached.size() >= MAX_VISITED) {
                        continue;
                    }
                    String a = r.get("a").asString();
                    List<String> path = new ArrayList<>(frontier.get(a));
                    if (!path.isEmpty()) {
                        path.add(a);
                    }
                    String t = r.get("t").asString();
                    path.add(r.get("out").asBoolean() ? "-" + t + "->" : "<-" + t + "-");
                    reached.put(b, new Reached(b, d, List.copyOf(path)));
                    next.put(b, path);
                }
                frontier = next;
            }
        }
        return reached;
    }

    private Map<String, Map<String, Object>> properties(List<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        try (Session session = Sessions.read(driver)) {
            List<Record> records = session.executeRead(tx -> tx.run(
                            "UNWIND $ids AS id MATCH (n:" + Keys.ENTITY_LABEL + " {repo: $repo, id: id})"
                                    + " RETURN n.id AS id, " + CompactRow.properties("n") + " AS p",
                            Map.of("ids", ids, "repo", repo))
                    .list());
            Map<String, Map<String, Object>> out = new HashMap<>();
            records.forEach(r -> out.put(
                    r.get("id").asString(), new LinkedHashMap<>(r.get("p").asMap())));
            return out;
        }
    }

    /** The relationship types named, or a {@link ToolException} that lists the valid ones. */
    public static List<RelType> relTypes(List<String> names) {
        if (names == null) {
            return List.of();
        }
        List<RelType> out = new ArrayList<>();
        for (String n : names) {
            out.add(RelType.of(n)
                    .orElseThrow(() -> new ToolException(
                            "unknown relationship '" + n + "'; valid: " + Arrays.toString(RelType.values()))));
        }
        return out;
    }
}
