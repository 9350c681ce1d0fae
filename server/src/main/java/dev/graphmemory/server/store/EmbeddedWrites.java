package dev.graphmemory.server.store;

import dev.graphmemory.indexer.model.NodeUpdate;
import dev.graphmemory.indexer.write.DirectWrites;
import dev.graphmemory.indexer.write.GraphWriter;
import dev.graphmemory.queries.schema.Keys;
import dev.graphmemory.queries.schema.NodeType;
import dev.graphmemory.queries.schema.RelType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.graphdb.Entity;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.ResourceIterator;
import org.neo4j.graphdb.Transaction;

/**
 * {@link DirectWrites} on the daemon's embedded database: nodes and relationships made through the
 * core API, one transaction per call. Calls may run on several threads at once.
 *
 * <p>Design note: a relationship finds its ends by the element ids of the nodes this run created
 * (kept by id, so no index lookup), and through the {@code (repo, id)} index only for a node made
 * otherwise (a batch written through Cypher after a refusal). Values are stored as Bolt would
 * deliver them to Cypher: whole numbers as longs, decimals as doubles, lists as arrays of one type;
 * a value Neo4j cannot store (a map, a list of mixed types) makes the call throw, and the writer
 * then sends the batch through Cypher, which leaves out just the rows at fault.
 */
public final class EmbeddedWrites implements DirectWrites {
    private static final Label ENTITY = Label.label(Keys.ENTITY_LABEL);

    private final GraphDatabaseService db;
    private final String repo;
    private final Map<String, String> created = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<NodeType, Label> labels = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<RelType, RelationshipType> types = new java.util.concurrent.ConcurrentHashMap<>();

    public EmbeddedWrites(GraphDatabaseService db, String repo) {
        this.db = db;
        this.repo = repo;
    }

    @Override
    public long createNodes(List<NodeType> nodeTypes, List<Map<String, Object>> rows) {
        Label[] nodeLabels = new Label[nodeTypes.size() + 1];
        nodeLabels[0] = ENTITY;
        for (int i = 0; i < nodeTypes.size(); i++) {
            nodeLabels[i + 1] = labels.computeIfAbsent(nodeTypes.get(i), t -> Label.label(t.label()));
        }
        Map<String, String> made = new HashMap<>(rows.size() * 2);
        try (Transaction tx = db.beginTx()) {
            for (Map<String, Object> row : rows) {
                Node node = tx.createNode(nodeLabels);
                setAll(node, row);
                made.put(String.valueOf(row.get(Keys.ID)), node.getElementId());
            }
            tx.commit();
        }
        created.putAll(made);
        return rows.size();
    }

    @Override
    public long createEdges(RelType type, List<Map<String, Object>> rows) {
        RelationshipType relType = types.computeIfAbsent(type, t -> RelationshipType.withName(t.name()));
        long count = 0;
        try (Transaction tx = db.beginTx()) {
            for (Map<String, Object> row : rows) {
                Node from = node(tx, String.valueOf(row.get("f")));
                Node to = from == null ? null : node(tx, String.valueOf(row.get("t")));
                if (to == null) {
                    continue; // an end that names nothing: dropped, as MATCH would
                }
                var rel = from.createRelationshipTo(to, relType);
                if (row.get("p") instanceof Map<?, ?> props) {
                    for (Map.Entry<?, ?> e : props.entrySet()) {
                        set(rel, String.valueOf(e.getKey()), e.getValue());
                    }
                }
                count++;
            }
            tx.commit();
        }
        return count;
    }

    @Override
    public long updateNodes(List<NodeUpdate> updates) {
        long applied = 0;
        try (Transaction tx = db.beginTx()) {
            for (NodeUpdate u : updates) {
                Node node = node(tx, u.id());
                if (node == null) {
                    continue; // the update names a node that does not exist: nothing to change
                }
                Map<String, Object> current = new HashMap<>();
                node.getAllProperties().forEach((k, v) -> current.put(k, Bookkeeping.asBoltValue(v)));
                Map<String, Object> changed = GraphWriter.apply(current, u);
                node.addLabel(labels.computeIfAbsent(u.addType(), t -> Label.label(t.label())));
                setAll(node, changed);
                applied++;
            }
            tx.commit();
        }
        return applied;
    }

    @Override
    public void renamed(Map<String, String> ids) {
        Map<String, String> moved = new HashMap<>();
        ids.forEach((from, to) -> {
            String element = created.remove(from);
            if (element != null) {
                moved.put(to, element);
            }
        });
        created.putAll(moved);
    }

    private Node node(Transaction tx, String id) {
        String element = created.get(id);
        if (element != null) {
            return tx.getNodeByElementId(element);
        }
        try (ResourceIterator<Node> found = tx.findNodes(ENTITY, Keys.REPO, repo, Keys.ID, id)) {
            return found.hasNext() ? found.next() : null;
        }
    }

    private static void setAll(Entity entity, Map<String, Object> properties) {
        properties.forEach((key, value) -> set(entity, key, value));
    }

    private static void set(Entity entity, String key, Object value) {
        Object stored = storable(key, value);
        if (stored != null) {
            entity.setProperty(key, stored);
        }
    }

    /** The value as Cypher would store it from a Bolt parameter; null: not stored (as SET does with null). */
    static Object storable(String key, Object value) {
        return switch (value) {
            case null -> null;
            case String s -> s;
            case Boolean b -> b;
            case Long l -> l;
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case Double d -> d;
            case Float f -> f.doubleValue();
            case List<?> list -> array(key, list);
            case String[] a -> a;
            case long[] a -> a;
            case double[] a -> a;
            case boolean[] a -> a;
            case float[] a -> {
                double[] d = new double[a.length];
                for (int i = 0; i < a.length; i++) {
                    d[i] = a[i];
                }
                yield d;
            }
            default ->
                throw new IllegalArgumentException("property " + key + " holds a "
                        + value.getClass().getSimpleName() + ", which Neo4j does not store");
        };
    }

    private static Object array(String key, List<?> list) {
        if (list.isEmpty() || list.getFirst() instanceof String) {
            String[] out = new String[list.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = (String) element(key, list.get(i), String.class::isInstance);
            }
            return out;
        }
        Object first = list.getFirst();
        if (whole(first)) {
            long[] out = new long[list.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = ((Number) element(key, list.get(i), EmbeddedWrites::whole)).longValue();
            }
            return out;
        }
        if (first instanceof Double || first instanceof Float) {
            double[] out = new double[list.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = ((Number) element(key, list.get(i), v -> v instanceof Double || v instanceof Float))
                        .doubleValue();
            }
            return out;
        }
        if (first instanceof Boolean) {
            boolean[] out = new boolean[list.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = (Boolean) element(key, list.get(i), Boolean.class::isInstance);
            }
            return out;
        }
        throw new IllegalArgumentException(
                "property " + key + " is a list of " + first.getClass().getSimpleName());
    }

    private static boolean whole(Object v) {
        return v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte;
    }

    private static Object element(String key, Object value, java.util.function.Predicate<Object> type) {
        if (!type.test(value)) {
            throw new IllegalArgumentException("property " + key + " is a list of mixed types");
        }
        return value;
    }

    /**
     * The repository's bookkeeping node and whole-repository deletes on the daemon's database, as
     * {@link dev.graphmemory.queries.graph.RepoGraph} does them in Cypher: values come back as Bolt
     * would deliver them (arrays as lists).
     */
    public static final class Bookkeeping implements dev.graphmemory.queries.graph.RepoGraph.Local {
        private static final Label STATE = Label.label(Keys.STATE_LABEL);

        private final GraphDatabaseService db;
        private final String repo;

        public Bookkeeping(GraphDatabaseService db, String repo) {
            this.db = db;
            this.repo = repo;
        }

        @Override
        public java.util.Optional<Map<String, Object>> stateProperties() {
            try (Transaction tx = db.beginTx()) {
                Node state = tx.findNode(STATE, Keys.REPO, repo);
                if (state == null) {
                    return java.util.Optional.empty();
                }
                Map<String, Object> out = new HashMap<>();
                state.getAllProperties().forEach((k, v) -> out.put(k, asBoltValue(v)));
                return java.util.Optional.of(out);
            }
        }

        @Override
        public void replaceState(Map<String, Object> properties) {
            try (Transaction tx = db.beginTx()) {
                Node state = tx.findNode(STATE, Keys.REPO, repo);
                if (state == null) {
                    state = tx.createNode(STATE);
                    state.setProperty(Keys.REPO, repo);
                }
                for (String key : state.getPropertyKeys()) {
                    if (!key.equals(Keys.REPO) && !properties.containsKey(key)) {
                        state.removeProperty(key);
                    }
                }
                Node node = state;
                properties.forEach((key, value) -> set(node, key, value));
                tx.commit();
            }
        }

        @Override
        public long deleteAll() {
            long deleted = 0;
            while (true) {
                long n = 0;
                try (Transaction tx = db.beginTx()) {
                    // Taken first, deleted after: the index is not read while it changes.
                    List<Node> batch = new java.util.ArrayList<>();
                    try (ResourceIterator<Node> nodes = tx.findNodes(ENTITY, Keys.REPO, repo)) {
                        while (nodes.hasNext() && batch.size() < dev.graphmemory.queries.graph.RepoGraph.CLEAR_BATCH) {
                            batch.add(nodes.next());
                        }
                    }
                    for (Node node : batch) {
                        node.getRelationships().forEach(org.neo4j.graphdb.Relationship::delete);
                        node.delete();
                        n++;
                    }
                    tx.commit();
                }
                deleted += n;
                if (n < dev.graphmemory.queries.graph.RepoGraph.CLEAR_BATCH) {
                    return deleted;
                }
            }
        }

        /** A stored value as Bolt delivers it to a client: arrays as lists. */
        static Object asBoltValue(Object value) {
            return switch (value) {
                case String[] a -> List.of(a);
                case long[] a -> java.util.Arrays.stream(a).boxed().toList();
                case double[] a -> java.util.Arrays.stream(a).boxed().toList();
                case boolean[] a -> {
                    List<Boolean> out = new java.util.ArrayList<>(a.length);
                    for (boolean b : a) {
                        out.add(b);
                    }
                    yield out;
                }
                default -> value;
            };
        }
    }
}
