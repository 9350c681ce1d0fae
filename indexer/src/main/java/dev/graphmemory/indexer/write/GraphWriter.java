package dev.graphmemory.indexer.write;

import dev.graphmemory.indexer.model.EdgeRow;
import dev.graphmemory.indexer.model.FileResult;
import dev.graphmemory.indexer.model.NodeRow;
import dev.graphmemory.indexer.model.NodeUpdate;
import dev.graphmemory.queries.graph.Sessions;
import dev.graphmemory.queries.schema.Keys;
import dev.graphmemory.queries.schema.NodeType;
import dev.graphmemory.queries.schema.RelType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Query;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.DatabaseException;
import org.neo4j.driver.summary.ResultSummary;

/**
 * Writes nodes and relationships in batches: one {@code UNWIND $rows} statement per label set or
 * relationship type, one write transaction per batch, never a transaction per node.
 *
 * <p>Nodes are written before the edges that were added with them, so a {@link FileResult}'s
 * {@code DECLARES} edges find their ends. Cross-file edges must be added after every node they
 * join has been added. An edge whose end does not exist is dropped (its {@code MATCH} finds
 * nothing): mentions of ids that name nothing are not an error. Labels and relationship types in
 * the Cypher text come only from {@link NodeType} and {@link RelType}.
 *
 * <p>Not thread-safe: one writer thread.
 */
public final class GraphWriter implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GraphWriter.class);
    private final Function<Query, ResultSummary> runner;
    private final Function<Query, List<Record>> reader;
    private final String repo;
    private final int batchSize;
    private final boolean resilient;
    private DirectWrites direct;
    private java.util.concurrent.ExecutorService behind;
    private final java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(2);
    private volatile Throwable failure;
    private java.util.concurrent.ExecutorService helper;
    /** Node rows of one label set from which a batch is written by two threads. */
    private static final int SPLIT_ROWS = 2_000;

    private final List<RejectedRow> rejected = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<List<NodeType>, List<Map<String, Object>>> nodes = new LinkedHashMap<>();
    private final Map<RelType, List<Map<String, Object>>> edges = new LinkedHashMap<>();
    private int pendingNodes;
    private int pendingEdges;
    private long nodesWritten;
    private long relationshipsWritten;
    private final java.util.concurrent.atomic.AtomicLong writeNanos = new java.util.concurrent.atomic.AtomicLong();

    public GraphWriter(Driver driver, String repo, int batchSize) {
        this(
                query -> {
                    try (Session session = Sessions.write(driver)) {
                        return session.executeWrite(tx -> tx.run(query).consume());
                    }
                },
                query -> {
                    try (Session session = Sessions.read(driver)) {
                        return session.executeRead(tx -> tx.run(query).list());
                    }
                },
                repo,
                batchSize,
                true);
    }

    private GraphWriter(
            Function<Query, ResultSummary> runner,
            Function<Query, List<Record>> reader,
            String repo,
            int batchSize,
            boolean resilient) {
        this.runner = runner;
        this.reader = reader;
        this.repo = repo;
        this.batchSize = batchSize;
        this.resilient = resilient;
    }

    /**
     * A writer whose statements all run in the given transaction (flushed only when asked): for a
     * small change written as one unit, so readers see all of it or none, at the cost of one commit.
     */
    public static GraphWriter inTransaction(TransactionContext tx, String repo) {
        return new GraphWriter(
                query -> tx.run(query).consume(), query -> tx.run(query).list(), repo, Integer.MAX_VALUE, false);
    }

    /**
     * Creates the queued nodes and relationships through {@code direct} from now on (a batch it
     * refuses is written through Cypher instead); updates and renames stay Cypher statements.
     */
    public GraphWriter direct(DirectWrites direct) {
        this.direct = direct;
        return this;
    }

    /** Queues a file's nodes and in-file edges; flushes when a batch is full. */
    public void add(FileResult file) {
        file.nodes().forEach(this::queue);
        file.edges().forEach(this::queue);
        flushIfFull();
    }

    /** Queues one node. */
    public void add(NodeRow node) {
        queue(node);
        flushIfFull();
    }

    /** Queues one edge. */
    public void add(EdgeRow edge) {
        queue(edge);
        flushIfFull();
    }

    /**
     * Applies node updates at once (they are few), after flushing what is queued: adds the type,
     * sets scalar properties, and merges list properties with the node's existing list.
     */
    public void update(List<NodeUpdate> updates) {
        flush();
        if (updates.isEmpty()) {
            return;
        }
        // In the daemon, through the database's own API: mypy's updates through Cypher took
        // about a second, on the run's one thread, between linking and the next writes.
        Long applied = directly(() -> direct.updateNodes(updates));
        if (applied != null && applied >= 0) {
            return;
        }
        Map<String, Map<String, Object>> current = new HashMap<>();
        reader.apply(new Query(
                        "UNWIND $ids AS id MATCH (n:" + Keys.ENTITY_LABEL + " {repo: $repo, id: id})"
                                + " RETURN n.id AS id, properties(n) AS p",
                        Map.of(
                                "ids",
                                updates.stream().map(NodeUpdate::id).distinct().toList(),
                                "repo",
                                repo)))
                .forEach(r -> current.put(
                        r.get("id").asString(), new HashMap<>(r.get("p").asMap())));
        Map<NodeType, List<Map<String, Object>>> byType = new LinkedHashMap<>();
        for (NodeUpdate u : updates) {
            Map<String, Object> node = current.get(u.id());
            if (node == null) {
                continue; // the update names a node that does not exist: nothing to change
            }
            Map<String, Object> props = apply(node, u);
            byType.computeIfAbsent(u.addType(), t -> new ArrayList<>()).add(Map.of("id", u.id(), "props", props));
        }
        for (Map.Entry<NodeType, List<Map<String, Object>>> e : byType.entrySet()) {
            String cypher = "UNWIND $rows AS r MATCH (n:" + Keys.ENTITY_LABEL + " {repo: $repo, id: r.id}) SET n:"
                    + e.getKey().label() + ", n += r.props";
            run(new Query(cypher, Map.of("rows", e.getValue(), "repo", repo)));
        }
    }

    /**
     * Applies one update to a node's properties in place, as {@link #update} does in the store:
     * scalars replaced, lists merged without duplicates, the type appended to {@code types}.
     * Returns the properties that changed. The caller adds the label of {@code addType}.
     */
    public static Map<String, Object> apply(Map<String, Object> node, NodeUpdate u) {
        Map<String, Object> props = new HashMap<>();
        u.properties().forEach((k, v) -> {
            Object merged = merge(node.get(k), v);
            node.put(k, merged);
            props.put(k, merged);
        });
        List<Object> types = new ArrayList<>((List<?>) node.getOrDefault(Keys.TYPES, List.of()));
        if (!types.contains(u.addType().type())) {
            types.add(u.addType().type());
        }
        node.put(Keys.TYPES, types);
        props.put(Keys.TYPES, types);
        return props;
    }

    private static Object merge(Object existing, Object added) {
        if (existing instanceof List<?> old && added instanceof List<?> more) {
            List<Object> out = new ArrayList<>(old);
            more.stream().filter(x -> !out.contains(x)).forEach(out::add);
            return out;
        }
        return added;
    }

    /**
     * Gives nodes already written a new id (old id → new id), after flushing what is queued: a copy
     * of a repeated name that turned out not to keep the plain id (see {@code Copies}). Their
     * relationships stay.
     */
    public void rename(Map<String, String> ids) {
        flush();
        if (ids.isEmpty()) {
            return;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        ids.forEach((from, to) ->
                rows.add(Map.of("f", from, "t", to, "k", dev.graphmemory.indexer.model.Copies.keyOf(to))));
        run(new Query(
                "UNWIND $rows AS r MATCH (n:" + Keys.ENTITY_LABEL
                        + " {repo: $repo, id: r.f}) SET n.id = r.t, n.key = r.k",
                Map.of("rows", rows, "repo", repo)));
        if (direct != null) {
            direct.renamed(ids);
        }
    }

    /** Writes everything queued, and waits for batches written behind to be done. */
    public void flush() {
        if (behind == null) {
            writeQueued(takeNodes(), takeEdges());
            return;
        }
        submitQueued();
        try {
            behind.submit(() -> {}).get(); // one writer thread: done when this no-op runs
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to Neo4j", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        rethrowBehind();
    }

    /**
     * Writes full batches on a thread of their own from now on, so that whoever adds rows (the
     * parser's consumer, a linker) goes on while Neo4j takes the previous batch; at most two
     * batches wait. Order is kept: one thread writes every batch in the order they filled, and
     * {@link #flush}, {@link #update} and {@link #rename} wait for it. A failure Neo4j does not
     * blame on the rows (the store gone) stops the writing and is thrown by the next call.
     */
    public GraphWriter writeBehind() {
        if (behind == null) {
            behind = writerThread("gm-writer");
        }
        return this;
    }

    private void submitQueued() {
        rethrowBehind();
        Map<List<NodeType>, List<Map<String, Object>>> n = takeNodes();
        Map<RelType, List<Map<String, Object>>> e = takeEdges();
        if (n.isEmpty() && e.isEmpty()) {
            return;
        }
        try {
            slots.acquire();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to Neo4j", ex);
        }
        behind.execute(() -> {
            try {
                if (failure == null) {
                    writeQueued(n, e);
                }
            } catch (RuntimeException | Error ex) {
                failure = ex;
            } finally {
                slots.release();
            }
        });
    }

    private void rethrowBehind() {
        Throwable f = failure;
        if (f != null) {
            failure = null;
            if (f instanceof RuntimeException r) {
                throw r;
            }
            throw (Error) f;
        }
    }

    private Map<List<NodeType>, List<Map<String, Object>>> takeNodes() {
        pendingNodes = 0;
        return take(nodes);
    }

    private Map<RelType, List<Map<String, Object>>> takeEdges() {
        pendingEdges = 0;
        return take(edges);
    }

    /** The queued rows by label set or type (every list holds a row), leaving the queue empty. */
    private static <K> Map<K, List<Map<String, Object>>> take(Map<K, List<Map<String, Object>>> queued) {
        Map<K, List<Map<String, Object>>> out = new LinkedHashMap<>(queued);
        queued.clear();
        return out;
    }

    /** Creates nodes of one label set, directly or through Cypher; returns how many. */
    private long createNodes(List<NodeType> types, List<Map<String, Object>> rows) {
        String labels = types.stream().map(NodeType::label).collect(Collectors.joining(":"));
        String cypher = "UNWIND $rows AS r CREATE (n:" + Keys.ENTITY_LABEL + ":" + labels + ") SET n = r";
        Long created = directly(() -> direct.createNodes(types, rows));
        return created != null ? created : runRows(cypher, rows, Map.of(), true);
    }

    private synchronized java.util.concurrent.ExecutorService helper() {
        if (helper == null) {
            helper = writerThread("gm-writer-2");
        }
        return helper;
    }

    private static java.util.concurrent.ExecutorService writerThread(String name) {
        return java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Writes taken batches: nodes first, then relationships. */
    private void writeQueued(
            Map<List<NodeType>, List<Map<String, Object>>> nodeRows, Map<RelType, List<Map<String, Object>>> edgeRows) {
        for (Map.Entry<List<NodeType>, List<Map<String, Object>>> e : nodeRows.entrySet()) {
            nodesWritten += inTwo(e.getValue(), rows -> createNodes(e.getKey(), rows));
        }
        for (Map.Entry<RelType, List<Map<String, Object>>> e : edgeRows.entrySet()) {
            relationshipsWritten += inTwo(e.getValue(), rows -> createEdges(e.getKey(), rows));
        }
    }

    /**
     * Writes a large batch of direct writes as two transactions at once, one on the helper thread:
     * the writer is the run's slowest step. New nodes share no lock; relationships lock their ends,
     * and a half that Neo4j stops for a deadlock with the other is written again through Cypher
     * (the driver retries a transient error), so nothing is lost.
     */
    private long inTwo(
            List<Map<String, Object>> rows, java.util.function.ToLongFunction<List<Map<String, Object>>> write) {
        if (direct == null || behind == null || rows.size() < SPLIT_ROWS) {
            return write.applyAsLong(rows);
        }
        List<Map<String, Object>> first = rows.subList(0, rows.size() / 2);
        List<Map<String, Object>> second = rows.subList(rows.size() / 2, rows.size());
        java.util.concurrent.Future<Long> other = helper().submit(() -> write.applyAsLong(first));
        long mine = write.applyAsLong(second);
        try {
            return mine + other.get();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to Neo4j", ex);
        } catch (java.util.concurrent.ExecutionException ex) {
            throw ex.getCause() instanceof RuntimeException r ? r : new IllegalStateException(ex.getCause());
        }
    }

    /** Creates relationships of one type, directly or through Cypher; returns how many. */
    private long createEdges(RelType type, List<Map<String, Object>> rows) {
        String cypher = "UNWIND $rows AS r "
                + "MATCH (a:" + Keys.ENTITY_LABEL + " {repo: $repo, id: r.f}) "
                + "MATCH (b:" + Keys.ENTITY_LABEL + " {repo: $repo, id: r.t}) "
                + "CREATE (a)-[e:" + type.name() + "]->(b) SET e = r.p";
        Long created = directly(() -> direct.createEdges(type, rows));
        return created != null ? created : runRows(cypher, rows, Map.of("repo", repo), false);
    }

    /**
     * Runs a direct write, timed with the others; null when there is no direct path or it refused
     * the batch (nothing of it was written: the caller writes it through Cypher).
     */
    private Long directly(java.util.function.LongSupplier write) {
        if (direct == null) {
            return null;
        }
        long t0 = System.nanoTime();
        try {
            return write.getAsLong();
        } catch (RuntimeException e) {
            LOG.debug("a direct write was refused ({}); writing the batch through Cypher", e.toString());
            return null;
        } finally {
            writeNanos.addAndGet(System.nanoTime() - t0);
        }
    }

    /** Nodes created so far. */
    public long nodesWritten() {
        return nodesWritten;
    }

    /** Relationships created so far. */
    public long relationshipsWritten() {
        return relationshipsWritten;
    }

    @Override
    public void close() {
        try {
            flush();
        } finally {
            if (behind != null) {
                behind.shutdown();
            }
            if (helper != null) {
                helper.shutdown();
            }
        }
    }

    private void queue(NodeRow node) {
        queue(node.types(), properties(repo, node));
    }

    private void queue(List<NodeType> labels, Map<String, Object> properties) {
        nodes.computeIfAbsent(labels, k -> new ArrayList<>()).add(properties);
        pendingNodes++;
    }

    /**
     * Queues a node given by its labels and all its stored properties (as {@link #properties}
     * builds them, possibly with updates {@link #apply applied}).
     */
    public void add(List<NodeType> labels, Map<String, Object> properties) {
        queue(List.copyOf(labels), properties);
        flushIfFull();
    }

    /** The properties a node is stored with: its own plus id, key, schema, type, types and repo. */
    public static Map<String, Object> properties(String repo, NodeRow node) {
        Map<String, Object> row = new HashMap<>(node.properties());
        NodeType type = node.type();
        row.put(Keys.REPO, repo);
        row.put(Keys.ID, node.id());
        row.put(Keys.KEY, node.key());
        row.put(Keys.SCHEMA, type.schema());
        row.put(Keys.TYPE, type.type());
        row.put(Keys.TYPES, node.types().stream().map(NodeType::type).toList());
        return row;
    }

    private void queue(EdgeRow edge) {
        Map<String, Object> row = new HashMap<>(4);
        row.put("f", edge.fromId());
        row.put("t", edge.toId());
        row.put("p", edge.properties());
        edges.computeIfAbsent(edge.type(), k -> new ArrayList<>()).add(row);
        pendingEdges++;
    }

    private void flushIfFull() {
        if (pendingNodes + pendingEdges >= batchSize) {
            if (behind != null) {
                submitQueued();
                return;
            }
            flush();
        }
    }

    /**
     * Runs one batch statement over {@code rows}; returns the nodes or relationships it created. A
     * batch Neo4j refuses for its data (a value it cannot index, a second node with one id) is split
     * in halves until the rows at fault are found: they are left out and reported, the rest is
     * written, so one bad row never fails a run. Inside a caller's transaction nothing can be
     * retried (Neo4j has rolled it back), so there the error goes up as before.
     */
    private long runRows(String cypher, List<Map<String, Object>> rows, Map<String, Object> params, boolean nodes) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("rows", rows);
        try {
            var counters = run(new Query(cypher, all)).counters();
            return nodes ? counters.nodesCreated() : counters.relationshipsCreated();
        } catch (ClientException | DatabaseException e) {
            if (!resilient) {
                throw e;
            }
            if (rows.size() == 1) {
                rejected.add(new RejectedRow(describe(rows.get(0), nodes), firstLine(e.getMessage())));
                return 0;
            }
            int half = rows.size() / 2;
            return runRows(cypher, List.copyOf(rows.subList(0, half)), params, nodes)
                    + runRows(cypher, List.copyOf(rows.subList(half, rows.size())), params, nodes);
        }
    }

    private static String describe(Map<String, Object> row, boolean node) {
        if (node) {
            Object path = row.get(Keys.PATH);
            return row.get(Keys.ID) + (path == null ? "" : " (" + path + ")");
        }
        return row.get("f") + " -> " + row.get("t");
    }

    private static String firstLine(String message) {
        String m = String.valueOf(message);
        int nl = m.indexOf('\n');
        m = nl < 0 ? m : m.substring(0, nl);
        return m.length() <= 300 ? m : m.substring(0, 300) + "…";
    }

    /** A node or relationship Neo4j refused, left out of the graph: what it was and why. */
    public record RejectedRow(String row, String reason) {}

    /** The rows Neo4j refused so far (see {@link #runRows}). */
    public List<RejectedRow> rejected() {
        return List.copyOf(rejected);
    }

    private ResultSummary run(Query query) {
        long t0 = System.nanoTime();
        try {
            return runner.apply(query);
        } finally {
            writeNanos.addAndGet(System.nanoTime() - t0);
        }
    }

    /** Time spent waiting for Neo4j to apply batches, for the run's timing log. */
    public long writeMillis() {
        return writeNanos.get() / 1_000_000;
    }
}
