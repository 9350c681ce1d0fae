package dev.graphmemory.queries.graph;

import dev.graphmemory.queries.schema.Keys;
import dev.graphmemory.queries.schema.NodeType;
import java.util.Map;
import java.util.TreeMap;
import org.neo4j.driver.Record;

/**
 * Node counts per {@code schema:type} (a node with several types counts under each) and
 * relationship counts per type, for one repository.
 */
public record GraphStats(Map<String, Long> nodes, Map<String, Long> relationships) {
    public GraphStats {
        nodes = Map.copyOf(nodes);
        relationships = Map.copyOf(relationships);
    }

    /** Reads the counts of {@code graph}'s repository. */
    public static GraphStats of(RepoGraph graph) {
        Map<String, Long> nodes = new TreeMap<>();
        for (Record r : graph.read(
                "MATCH (n:" + Keys.ENTITY_LABEL + " {repo: $repo}) UNWIND n.types AS t RETURN t, count(*) AS c",
                Map.of())) {
            String type = r.get("t").asString();
            String key = NodeType.ofType(type).map(NodeType::qualifiedType).orElse("unknown:" + type);
            nodes.merge(key, r.get("c").asLong(), Long::sum);
        }
        Map<String, Long> rels = new TreeMap<>();
        for (Record r : graph.read(
                "MATCH (n:" + Keys.ENTITY_LABEL + " {repo: $repo})-[e]->() RETURN type(e) AS t, count(*) AS c",
                Map.of())) {
            rels.put(r.get("t").asString(), r.get("c").asLong());
        }
        return new GraphStats(nodes, rels);
    }

    /** Sorted views, for stable output. */
    public Map<String, Long> sortedNodes() {
        return new TreeMap<>(nodes);
    }

    /** Sorted views, for stable output. */
    public Map<String, Long> sortedRelationships() {
        return new TreeMap<>(relationships);
    }
}
