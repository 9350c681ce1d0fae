package dev.graphmemory.queries.cypher;

import dev.graphmemory.queries.schema.Keys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Relationship;

/**
 * Turns driver values into plain JSON-ready Java values: nodes become their properties (with
 * {@code labels}; without {@code repo} and the embedding), relationships {@code {type, start, end,
 * properties}} keyed by the graph ids of their ends where known, paths the list of their nodes' ids,
 * temporal values ISO strings. A node's property map ({@code properties(n)}, {@code n {.*}}) leaves
 * out the embedding as the node does; {@code n.embedding} alone still returns it.
 */
public final class PlainValues {
    private PlainValues() {}

    /** Converts one value. */
    public static Object of(Value value) {
        if (value == null || value.isNull()) {
            return null;
        }
        Object o = value.asObject();
        return plain(o);
    }

    private static Object plain(Object o) {
        if (o instanceof Node n) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("labels", iterableToList(n.labels()));
            n.asMap().forEach((k, v) -> m.put(k, plain(v)));
            m.remove(Keys.REPO);
            withoutEmbedding(m);
            return m;
        }
        if (o instanceof Relationship r) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", r.type());
            r.asMap().forEach((k, v) -> m.put(k, plain(v)));
            return m;
        }
        if (o instanceof Path p) {
            List<Object> ids = new ArrayList<>();
            p.nodes().forEach(n -> ids.add(n.containsKey("id") ? n.get("id").asString() : n.elementId()));
            return ids;
        }
        if (o instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(x -> out.add(plain(x)));
            return out;
        }
        if (o instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
            if (out.containsKey(Keys.EMBEDDING_MODEL)) {
                withoutEmbedding(out);
            }
            return out;
        }
        if (o instanceof java.time.temporal.TemporalAccessor
                || o instanceof org.neo4j.driver.types.IsoDuration
                || o instanceof org.neo4j.driver.types.Point) {
            return o.toString();
        }
        if (o instanceof byte[] bytes) {
            return java.util.Base64.getEncoder().encodeToString(bytes);
        }
        return o;
    }

    /** Drops the 384 floats (about 3,000 tokens) that would flood an answer, and the model's name. */
    private static void withoutEmbedding(Map<String, Object> m) {
        m.remove(Keys.EMBEDDING);
        m.remove(Keys.EMBEDDING_MODEL);
    }

    private static List<String> iterableToList(Iterable<String> it) {
        List<String> out = new ArrayList<>();
        it.forEach(out::add);
        return out;
    }
}
