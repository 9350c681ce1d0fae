package dev.graphmemory.queries.find;

import dev.graphmemory.queries.graph.Sessions;
import dev.graphmemory.queries.schema.Keys;
import dev.graphmemory.queries.schema.NodeType;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

/**
 * Resolves a node id {@code <schema>:<type>:<key>} to the node's canonical id. A node answers to
 * any of its types: {@code architecture:cli_entry:X} and {@code architecture:module:X} reach the
 * same module. An unknown id is a {@link ToolException} that suggests the closest existing ids.
 */
public final class NodeIdResolver {
    private final Driver driver;
    private final String repo;

    public NodeIdResolver(Driver driver, String repo) {
        this.driver = driver;
        this.repo = repo;
    }

    /** The canonical id of the node {@code id} names. */
    public String resolve(String id) {
        if (id == null || id.isBlank()) {
            throw new ToolException("node_id is empty; give an id such as architecture:module:src/app/Main.java");
        }
        String[] parts = id.split(":", 3);
        if (parts.length < 3 || parts[2].isEmpty()) {
            throw new ToolException("node_id '" + id + "' is not of the form <schema>:<type>:<key>, e.g."
                    + " architecture:module:src/app/Main.java or workflow:work_unit:WU-281" + suggest(id));
        }
        NodeType type = NodeType.of(parts[0], parts[1])
                .orElseThrow(() -> new ToolException("node_id '" + id
                        + "' names no known type '" + parts[0] + ":" + parts[1] + "'; valid: "
                        + java.util.Arrays.stream(NodeType.values())
                                .map(NodeType::qualifiedType)
                                .toList()));
        try (Session session = Sessions.read(driver)) {
            List<Record> found = session.executeRead(tx -> tx.run(
                            "MATCH (n:" + Keys.ENTITY_LABEL + " {repo: $repo, key: $key}) WHERE $type IN n.types"
                                    + " RETURN n.id AS id LIMIT 1",
                            Map.of("repo", repo, "key", parts[2], "type", type.type()))
                    .list());
            if (!found.isEmpty()) {
                return found.get(0).get("id").asString();
            }
        }
        throw new ToolException("no node with id '" + id + "'" + suggest(id)
                + ". Find ids with graph_find, e.g. graph_find(schema='architecture', type='module',"
                + " where={'path': {'$contains': '" + tail(parts[2]) + "'}})");
    }

    /**
     * "; did you mean: a, b, c" with the closest existing ids, or "" when none is close. Candidates
     * are nodes whose key contains the id's last segment or whose name starts like it (a typo in
     * the middle of a name still finds it), ranked by edit distance.
     */
    String suggest(String id) {
        String tail = tail(id).toLowerCase(java.util.Locale.ROOT);
        if (tail.isBlank()) {
            return "";
        }
        String prefix = tail.substring(0, Math.min(2, tail.length()));
        List<Record> candidates;
        try (Session session = Sessions.read(driver)) {
            candidates = session.executeRead(tx -> tx.run(
                            "MATCH (n:" + Keys.ENTITY_LABEL + " {repo: $repo})"
                                    + " WHERE toLower(n.key) CONTAINS $t OR toLower(n.name) STARTS WITH $p"
                                    + " RETURN n.id AS id, n.name AS name LIMIT 5000",
                            Map.of("repo", repo, "t", tail, "p", prefix))
                    .list());
        }
        List<String> best = candidates.stream()
                .map(r -> java.util.Map.entry(
                        r.get("id").asString(),
                        Math.min(
                                Levenshtein.distance(
                                        tail(r.get("id").asString()).toLowerCase(java.util.Locale.ROOT), tail),
                                Levenshtein.distance(r.get("id").asString(), id) / 4)))
                .filter(e -> e.getValue() <= Math.max(2, tail.length() / 3))
                .sorted(java.util.Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(java.util.Map.Entry.comparingByKey()))
                .limit(5)
                .map(java.util.Map.Entry::getKey)
                .toList();
        return best.isEmpty() ? "" : "; did you mean: " + String.join(", ", best);
    }

    /** The most telling part of an id: the last path or name segment, without extension or signature. */
    static String tail(String id) {
        String s = id;
        int colon = s.lastIndexOf(':');
        if (colon >= 0) {
            s = s.substring(colon + 1);
        }
        int paren = s.indexOf('(');
        if (paren >= 0) {
            s = s.substring(0, paren);
        }
        int cut = Math.max(Math.max(s.lastIndexOf('/'), s.lastIndexOf('.')), s.lastIndexOf('#'));
        String last = cut >= 0 && cut < s.length() - 1 ? s.substring(cut + 1) : s;
        if (last.equals("java") || last.equals("py") || last.equals("ts") || last.equals("js") || last.equals("md")) {
            String without = s.substring(0, cut);
            int c2 = Math.max(without.lastIndexOf('/'), without.lastIndexOf('.'));
            last = without.substring(c2 + 1);
        }
        return last;
    }
}
