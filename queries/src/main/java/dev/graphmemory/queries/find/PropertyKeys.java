package dev.graphmemory.queries.find;

import dev.graphmemory.queries.graph.RepoGraph;
import dev.graphmemory.queries.graph.Sessions;
import dev.graphmemory.queries.schema.Keys;
import dev.graphmemory.queries.schema.NodeType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * The property keys a filter may use: the ones the schema declares ({@link Keys}) and the ones
 * the indexed documents carry (frontmatter fields), as the database lists them. Refreshed at most
 * every few seconds; keys that are not plain identifiers are never offered.
 */
public final class PropertyKeys {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final long REFRESH_NANOS = 5_000_000_000L;
    private static final Set<String> SCHEMA_KEYS = schemaKeys();

    /** Nodes sampled for the keys a type carries: enough to meet every optional key of a real graph. */
    private static final int SAMPLE = 2000;

    private final Driver driver;
    private final Map<String, Carried> carried = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Set<String> cached;
    private volatile long loadedAt;

    public PropertyKeys(Driver driver) {
        this.driver = driver;
    }

    /** Every key a filter or {@code fields} may name. */
    public Set<String> all() {
        Set<String> c = cached;
        if (c == null || System.nanoTime() - loadedAt > REFRESH_NANOS) {
            Set<String> keys = new TreeSet<>(SCHEMA_KEYS);
            try (Session session = Sessions.read(driver)) {
                session
                        .executeRead(tx -> tx.run("CALL db.propertyKeys() YIELD propertyKey RETURN propertyKey")
                                .list(r -> r.get(0).asString()))
                        .stream()
                        .filter(k -> IDENTIFIER.matcher(k).matches())
                        .forEach(keys::add);
            }
            keys.remove(Keys.REPO);
            // 384 floats say nothing to a reader and would flood an answer.
            keys.remove(Keys.EMBEDDING);
            keys.removeAll(RepoGraph.STATE_KEYS);
            cached = c = java.util.Collections.unmodifiableSet(keys);
            loadedAt = System.nanoTime();
        }
        return c;
    }

    /**
     * The keys nodes of {@code type} carry in {@code repo}, from a sample of them (what an error
     * message lists instead of every key of the graph); empty when the repository has none of them.
     */
    public Set<String> of(NodeType type, String repo) {
        String cacheKey = type.label() + "\u0000" + repo;
        Carried c = carried.get(cacheKey);
        if (c == null || System.nanoTime() - c.loadedAt() > REFRESH_NANOS) {
            Set<String> keys = new TreeSet<>();
            try (Session session = Sessions.read(driver)) {
                // A label from the NodeType allowlist, never from input.
                keys.addAll(session.executeRead(tx -> tx.run(
                                "MATCH (n:" + type.label() + " {repo: $repo}) WITH n LIMIT " + SAMPLE
                                        + " UNWIND keys(n) AS k RETURN DISTINCT k",
                                Map.of("repo", repo))
                        .list(r -> r.get(0).asString())));
            }
            keys.retainAll(all());
            c = new Carried(java.util.Collections.unmodifiableSet(keys), System.nanoTime());
            carried.put(cacheKey, c);
        }
        return c.keys();
    }

    private record Carried(Set<String> keys, long loadedAt) {}

    private static Set<String> schemaKeys() {
        Set<String> keys = new TreeSet<>();
        for (Field f : Keys.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers())
                    && f.getType() == String.class
                    && !f.getName().endsWith("_LABEL")) {
                try {
                    keys.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        keys.remove(Keys.REPO);
        return Set.copyOf(keys);
    }
}
