package dev.graphmemory.queries.graph;

import dev.graphmemory.queries.schema.Keys;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

/**
 * A stable hash of one repository's graph: every node with its labels and properties and every
 * relationship with its ends, type and properties. Independent of where the repository is checked
 * out (the repository key is left out) and of the order Neo4j returns things in: each element is
 * hashed alone and the hashes are summed lane by lane, which keeps duplicates counted.
 */
public final class Fingerprint {
    private Fingerprint() {}

    /** Computes the fingerprint, streaming the graph. */
    public static String of(Driver driver, String repo) {
        long[] lanes = new long[4];
        long[] count = new long[2];
        try (Session session = Sessions.read(driver)) {
            session.executeRead(tx -> {
                var nodes = tx.run(
                        "MATCH (n:" + Keys.ENTITY_LABEL + " {repo: $repo}) RETURN labels(n) AS l, properties(n) AS p",
                        Map.of("repo", repo));
                while (nodes.hasNext()) {
                    Record r = nodes.next();
                    List<String> labels =
                            r.get("l").asList(Value::asString).stream().sorted().toList();
                    add(lanes, "N" + labels + canonical(r.get("p").asMap()));
                    count[0]++;
                }
                var rels = tx.run(
                        "MATCH (a:" + Keys.ENTITY_LABEL + " {repo: $repo})-[e]->(b)"
                                + " RETURN a.id AS a, type(e) AS t, b.id AS b, properties(e) AS p",
                        Map.of("repo", repo));
                while (rels.hasNext()) {
                    Record r = rels.next();
                    add(
                            lanes,
                            "R" + r.get("a").asString() + "|" + r.get("t").asString() + "|"
                                    + r.get("b").asString()
                                    + canonical(r.get("p").asMap()));
                    count[1]++;
                }
                return null;
            });
        }
        ByteBuffer buf = ByteBuffer.allocate(48);
        for (long lane : lanes) {
            buf.putLong(lane);
        }
        buf.putLong(count[0]).putLong(count[1]);
        return HexFormat.of().formatHex(sha256(buf.array()));
    }

    private static String canonical(Map<String, Object> props) {
        TreeMap<String, Object> sorted = new TreeMap<>(props);
        Keys.NOT_FINGERPRINTED.forEach(sorted::remove);
        StringBuilder sb = new StringBuilder("{");
        sorted.forEach((k, v) -> sb.append(k).append('=').append(render(v)).append(';'));
        return sb.append('}').toString();
    }

    private static String render(Object v) {
        if (v instanceof List<?> list) {
            StringBuilder sb = new StringBuilder("[");
            list.forEach(x -> sb.append(render(x)).append(','));
            return sb.append(']').toString();
        }
        if (v instanceof String s) {
            return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        return v.getClass().getSimpleName() + ":" + v;
    }

    private static void add(long[] lanes, String element) {
        ByteBuffer h = ByteBuffer.wrap(sha256(element.getBytes(StandardCharsets.UTF_8)));
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] += h.getLong();
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
