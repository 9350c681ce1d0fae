package dev.graphmemory.indexer.incremental;

import dev.graphmemory.indexer.model.EdgeRow;
import dev.graphmemory.indexer.model.FileResult;
import dev.graphmemory.indexer.model.NodeRow;
import dev.graphmemory.indexer.model.NodeUpdate;
import dev.graphmemory.indexer.write.GraphWriter;
import dev.graphmemory.queries.graph.Sessions;
import dev.graphmemory.queries.schema.Keys;
import dev.graphmemory.queries.schema.NodeType;
import dev.graphmemory.queries.schema.RelType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Query;
import org.neo4j.driver.Session;

/**
 * The changes that turn the subgraph one snapshot describes into the one the next describes, and
 * their application to the store.
 *
 * <p>Design note: nodes are replaced by id. A node id is <em>replaced</em> when a file declaring
 * it was added or deleted, when an edited file's rows for it changed in number or labels, or when
 * the linker's nodes or node updates for that id differ; replacing means {@code DETACH DELETE} of
 * every node with the id and a fresh {@code CREATE} of the new rows with the new updates folded
 * in, followed by every new edge that touches a replaced id (so edges into deleted files vanish
 * with their end). In an edited file a node whose row is the same is kept, and one whose
 * properties alone changed is <em>set in place</em>: the edges into it stay. Edges between nodes
 * that are not replaced (a file's own edges included) are compared as multisets: only those that
 * appeared are created and only those that disappeared are deleted. When an edited file's old rows
 * are no longer cached, every node of the file is replaced.
 */
public final class GraphDiff {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GraphDiff.class);

    private final Set<String> replaced;
    private final List<Map<String, Object>> nodesToSet;
    private final List<Map.Entry<List<NodeType>, Map<String, Object>>> nodesToCreate;
    private final List<EdgeRow> edgesToCreate;
    private final Map<EdgeRow, Integer> edgesToDelete;

    private GraphDiff(
            Set<String> replaced,
            List<Map<String, Object>> nodesToSet,
            List<Map.Entry<List<NodeType>, Map<String, Object>>> nodesToCreate,
            List<EdgeRow> edgesToCreate,
            Map<EdgeRow, Integer> edgesToDelete) {
        this.replaced = replaced;
        this.nodesToSet = nodesToSet;
        this.nodesToCreate = nodesToCreate;
        this.edgesToCreate = edgesToCreate;
        this.edgesToDelete = edgesToDelete;
    }

    /** Thrown when the rows of a file the diff needs are neither parsed nor cached. */
    public static final class MissingRows extends RuntimeException {
        public MissingRows(String path) {
            super("no cached rows for " + path);
        }
    }

    /**
     * Plans the change from {@code old} to {@code now}.
     *
     * @param repo the repository key nodes carry
     * @param changed paths of source files whose content hash differs between the two (added and
     *     deleted ones included)
     * @param rowsBefore the rows of a file at a content hash as {@code old} wrote them, or {@code
     *     null} when they are unknown
     * @param rows the rows of a file at a content hash as {@code now} has them (from this run's
     *     parse or the cache), or {@code null} when they are unknown
     */
    public static GraphDiff plan(
            String repo,
            Snapshot old,
            Snapshot now,
            Set<String> changed,
            BiFunction<String, String, FileResult> rowsBefore,
            BiFunction<String, String, FileResult> rows) {
        Set<String> replaced = new HashSet<>();
        Map<String, List<String>> pathsById = now.pathsById();
        // In-file edges of changed files whose nodes are kept, compared as records like linked ones.
        Map<EdgeRow, Integer> fileEdgesBefore = new HashMap<>();
        List<EdgeRow> fileEdgesAfter = new ArrayList<>();
        Map<String, FileResult> edited = new HashMap<>();
        Map<String, NodeRow> inPlace = new HashMap<>();
        for (String path : changed) {
            Snapshot.Source before = old.sources().get(path);
            Snapshot.Source after = now.sources().get(path);
            FileResult oldRows = before == null || after == null ? null : rowsBefore.apply(path, before.hash());
            FileResult newRows = oldRows == null ? null : rows.apply(path, after.hash());
            if (oldRows == null || newRows == null) {
                // Added, deleted, or the old rows are gone from the cache: every node of the file.
                if (before != null) {
                    replaced.addAll(before.nodeIds());
                }
                if (after != null) {
                    replaced.addAll(after.nodeIds());
                }
                continue;
            }
            // An edited file: only the nodes whose rows differ are replaced, so an edit to a file
            // many others call does not rewrite every call into it.
            Map<String, List<String>> was = keysById(oldRows.nodes());
            Map<String, List<String>> is = keysById(newRows.nodes());
            Set<String> ids = new HashSet<>(was.keySet());
            ids.addAll(is.keySet());
            for (String id : ids) {
                List<String> a = was.getOrDefault(id, List.of());
                List<String> b = is.getOrDefault(id, List.of());
                if (a.equals(b)) {
                    continue;
                }
                NodeRow oldNode = single(oldRows.nodes(), id, a.size());
                NodeRow newNode = single(newRows.nodes(), id, b.size());
                if (oldNode != null && newNode != null && oldNode.types().equals(newNode.types())) {
                    // Only its properties changed (a class whose end line moved): set them in
                    // place, so the edges into it stay and are compared like any other.
                    inPlace.put(id, newNode);
                } else {
                    replaced.add(id);
                }
            }
            for (String id : after.nodeIds()) {
                if (pathsById.getOrDefault(id, List.of()).size() > 1) {
                    replaced.add(id); // an id more than one file declares: rebuild it whole
                }
            }
            oldRows.edges().forEach(e -> fileEdgesBefore.merge(RowCodec.normalized(e), 1, Integer::sum));
            newRows.edges().forEach(e -> fileEdgesAfter.add(RowCodec.normalized(e)));
            edited.put(path, newRows);
        }
        markDifferent(
                keysById(old.linkNodes(), old.otherNodes()), keysById(now.linkNodes(), now.otherNodes()), replaced);
        markDifferent(updateKeysById(old.updates()), updateKeysById(now.updates()), replaced);
        inPlace.keySet().removeAll(replaced);

        Map<String, List<NodeUpdate>> updates = new HashMap<>();
        now.updates().forEach(u -> updates.computeIfAbsent(u.id(), k -> new ArrayList<>())
                .add(u));
        Map<String, List<NodeRow>> linkNodes = byId(now.linkNodes());
        Map<String, List<NodeRow>> otherNodes = byId(now.otherNodes());

        List<Map.Entry<List<NodeType>, Map<String, Object>>> create = new ArrayList<>();
        List<EdgeRow> createEdges = new ArrayList<>();
        Set<String> filesWithReplaced = new TreeSet<>();
        for (String id : new TreeSet<>(replaced)) {
            filesWithReplaced.addAll(pathsById.getOrDefault(id, List.of()));
        }
        Map<String, FileResult> loaded = new HashMap<>();
        for (String path : filesWithReplaced) {
            String hash = now.sources().get(path).hash();
            FileResult result = rows.apply(path, hash);
            if (result == null) {
                throw new MissingRows(path);
            }
            loaded.put(path, result);
        }
        for (String id : new TreeSet<>(replaced)) {
            for (String path : pathsById.getOrDefault(id, List.of())) {
                for (NodeRow node : loaded.get(path).nodes()) {
                    if (node.id().equals(id)) {
                        create.add(updated(repo, node, updates.get(id)));
                    }
                }
            }
            for (NodeRow node : linkNodes.getOrDefault(id, List.of())) {
                create.add(updated(repo, node, updates.get(id)));
            }
            for (NodeRow node : otherNodes.getOrDefault(id, List.of())) {
                create.add(Map.entry(node.types(), GraphWriter.properties(repo, node)));
            }
        }
        edited.forEach(loaded::putIfAbsent); // an edited file's edges into replaced nodes elsewhere
        for (FileResult result : loaded.values()) {
            for (EdgeRow e : result.edges()) {
                if (replaced.contains(e.fromId()) || replaced.contains(e.toId())) {
                    createEdges.add(e);
                }
            }
        }
        // Edges are compared as records: the snapshot keeps them with canonical property values
        // (RowCodec.normalized), so equal edges of two runs are equal records.
        // The linker emits edges in a stable order, so a small change leaves long equal runs at
        // both ends of the two lists: those cancel out pairwise without hashing 100k records.
        List<EdgeRow> was = old.edges();
        List<EdgeRow> is = now.edges();
        int head = 0;
        while (head < was.size() && head < is.size() && was.get(head).equals(is.get(head))) {
            if (touches(is.get(head), replaced)) {
                createEdges.add(is.get(head));
            }
            head++;
        }
        int wasEnd = was.size();
        int isEnd = is.size();
        while (wasEnd > head && isEnd > head && was.get(wasEnd - 1).equals(is.get(isEnd - 1))) {
            if (touches(is.get(isEnd - 1), replaced)) {
                createEdges.add(is.get(isEnd - 1));
            }
            wasEnd--;
            isEnd--;
        }
        Map<EdgeRow, Integer> before = new HashMap<>();
        for (EdgeRow e : was.subList(head, wasEnd)) {
            if (!touches(e, replaced)) {
                before.merge(e, 1, Integer::sum);
            }
        }
        fileEdgesBefore.forEach((e, n) -> {
            if (!touches(e, replaced)) {
                before.merge(e, n, Integer::sum);
            }
        });
        List<EdgeRow> after = new ArrayList<>(is.subList(head, isEnd));
        for (EdgeRow e : fileEdgesAfter) {
            if (!touches(e, replaced)) {
                after.add(e); // those touching replaced nodes come with the loaded files below
            }
        }
        for (EdgeRow e : after) {
            if (touches(e, replaced)) {
                createEdges.add(e);
                continue;
            }
            Integer left = before.get(e);
            if (left == null) {
                createEdges.add(e);
            } else if (left == 1) {
                before.remove(e);
            } else {
                before.put(e, left - 1);
            }
        }
        List<Map<String, Object>> set = new ArrayList<>();
        for (String id : new TreeSet<>(inPlace.keySet())) {
            set.add(updated(repo, inPlace.get(id), updates.get(id)).getValue());
        }
        return new GraphDiff(replaced, set, create, createEdges, before);
    }

    /** Node ids replaced. */
    public int replacedNodes() {
        return replaced.size();
    }

    /** Relationships created between nodes that stay plus those touching replaced nodes. */
    public int edgesToCreate() {
        return edgesToCreate.size();
    }

    /** Relationships deleted between nodes that stay. */
    public int edgesToDelete() {
        return edgesToDelete.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** What {@link #apply} wrote. */
    public record Written(long nodes, long relationships) {}

    /**
     * Applies the change: deletes the edges that went, the replaced nodes with their edges, then
     * creates the new nodes and edges. A change of at most {@code batchSize} rows (the usual commit)
     * is one write transaction, so readers see all of it or none and it costs one commit; a larger
     * one is written one transaction per batch (the caller's state marks the graph incomplete until
     * it ends).
     */
    public Written apply(Driver driver, String repo, int batchSize) {
        long rows = edgesToDelete.size()
                + (long) replaced.size()
                + nodesToSet.size()
                + nodesToCreate.size()
                + edgesToCreate.size();
        if (rows <= batchSize) {
            long t0 = System.nanoTime();
            try (Session session = Sessions.write(driver)) {
                Written written = session.executeWrite(tx -> {
                    GraphWriter writer = GraphWriter.inTransaction(tx, repo);
                    write(q -> tx.run(q).consume(), writer, repo, Integer.MAX_VALUE);
                    LOG.debug("diff statements run in {} ms", (System.nanoTime() - t0) / 1_000_000);
                    return new Written(writer.nodesWritten() + nodesToSet.size(), writer.relationshipsWritten());
                });
                LOG.debug("diff committed in {} ms", (System.nanoTime() - t0) / 1_000_000);
                return written;
            }
        }
        try (Session session = Sessions.write(driver);
                GraphWriter writer = new GraphWriter(driver, repo, batchSize)) {
            write(q -> session.executeWriteWithoutResult(tx -> tx.run(q).consume()), writer, repo, batchSize);
            writer.flush();
            return new Written(writer.nodesWritten() + nodesToSet.size(), writer.relationshipsWritten());
        }
    }

    /**
     * Runs this difference's statements in one transaction and rolls it back: the graph is left as
     * it was, and Neo4j has planned and cached every statement (the first refresh after a start or a
     * full rebuild spent 0.4-1.3 s of Spring's refresh planning them). See {@code Indexer.rehearse}.
     */
    public void rehearse(Driver driver, String repo) {
        try (Session session = Sessions.write(driver)) {
            session.executeWrite(tx -> {
                write(q -> tx.run(q).consume(), GraphWriter.inTransaction(tx, repo), repo, Integer.MAX_VALUE);
                throw new Rehearsed();
            });
        } catch (Rehearsed expected) {
            // rolled back, as meant
        }
    }

    /** Thrown out of a rehearsal's transaction function, which rolls the transaction back. */
    private static final class Rehearsed extends RuntimeException {
        Rehearsed() {
            super("rehearsal: rolled back", null, false, false);
        }
    }

    private void write(java.util.function.Consumer<Query> run, GraphWriter writer, String repo, int batchSize) {
        Map<RelType, List<Map<String, Object>>> deletes = new LinkedHashMap<>();
        edgesToDelete.forEach((e, n) -> {
            deletes.computeIfAbsent(e.type(), t -> new ArrayList<>())
                    .add(Map.of("f", e.fromId(), "t", e.toId(), "p", e.properties(), "n", (long) n));
        });
        deletes.forEach((type, list) -> {
            String cypher = "UNWIND $rows AS r MATCH (a:" + Keys.ENTITY_LABEL + " {repo: $repo, id: r.f})-[e:"
                    + type.name() + "]->(b:" + Keys.ENTITY_LABEL + " {repo: $repo, id: r.t})"
                    + " WHERE properties(e) = r.p WITH r, collect(e) AS es"
                    + " FOREACH (x IN es[0..r.n] | DELETE x)";
            for (List<Map<String, Object>> batch : batches(list, batchSize)) {
                run.accept(new Query(cypher, Map.of("rows", batch, "repo", repo)));
            }
        });
        String detach =
                "UNWIND $ids AS id MATCH (n:" + Keys.ENTITY_LABEL + " {repo: $repo, id: id})" + " DETACH DELETE n";
        for (List<String> batch : batches(new ArrayList<>(replaced), batchSize)) {
            run.accept(new Query(detach, Map.of("ids", batch, "repo", repo)));
        }
        String set =
                "UNWIND $rows AS r MATCH (n:" + Keys.ENTITY_LABEL + " {repo: $repo, id: r." + Keys.ID + "}) SET n = r";
        for (List<Map<String, Object>> batch : batches(nodesToSet, batchSize)) {
            run.accept(new Query(set, Map.of("rows", batch, "repo", repo)));
        }
        long t0 = System.nanoTime();
        nodesToCreate.forEach(n -> writer.add(n.getKey(), n.getValue()));
        writer.flush();
        long t1 = System.nanoTime();
        edgesToCreate.forEach(writer::add);
        writer.flush();
        LOG.debug(
                "diff: nodes created in {} ms, edges in {} ms",
                (t1 - t0) / 1_000_000,
                (System.nanoTime() - t1) / 1_000_000);
    }

    private static Map.Entry<List<NodeType>, Map<String, Object>> updated(
            String repo, NodeRow node, List<NodeUpdate> updates) {
        Map<String, Object> props = GraphWriter.properties(repo, node);
        List<NodeType> labels = new ArrayList<>(node.types());
        if (updates != null) {
            for (NodeUpdate u : updates) {
                GraphWriter.apply(props, u);
                if (!labels.contains(u.addType())) {
                    labels.add(u.addType());
                }
            }
        }
        return Map.entry(labels, props);
    }

    private static boolean touches(EdgeRow e, Set<String> ids) {
        return ids.contains(e.fromId()) || ids.contains(e.toId());
    }

    /** The one node of {@code rows} with this id, or null when there is none or more than one. */
    private static NodeRow single(List<NodeRow> rows, String id, int count) {
        if (count != 1) {
            return null;
        }
        for (NodeRow n : rows) {
            if (n.id().equals(id)) {
                return n;
            }
        }
        return null;
    }

    private static void markDifferent(
            Map<String, List<String>> before, Map<String, List<String>> after, Set<String> replaced) {
        Set<String> ids = new HashSet<>(before.keySet());
        ids.addAll(after.keySet());
        for (String id : ids) {
            if (!before.getOrDefault(id, List.of()).equals(after.getOrDefault(id, List.of()))) {
                replaced.add(id);
            }
        }
    }

    /** Per id, the sorted canonical bytes of its nodes (order of emission does not matter). */
    @SafeVarargs
    private static Map<String, List<String>> keysById(List<NodeRow>... lists) {
        Map<String, List<String>> byId = new HashMap<>();
        for (List<NodeRow> list : lists) {
            for (NodeRow n : list) {
                byId.computeIfAbsent(n.id(), k -> new ArrayList<>(1)).add(RowCodec.key(n));
            }
        }
        byId.values().forEach(l -> l.sort(null));
        return byId;
    }

    /** Per id, the canonical bytes of its updates in the order they apply. */
    private static Map<String, List<String>> updateKeysById(List<NodeUpdate> updates) {
        Map<String, List<String>> byId = new HashMap<>();
        for (NodeUpdate u : updates) {
            byId.computeIfAbsent(u.id(), k -> new ArrayList<>(1)).add(RowCodec.key(u));
        }
        return byId;
    }

    private static Map<String, List<NodeRow>> byId(List<NodeRow> nodes) {
        Map<String, List<NodeRow>> byId = new HashMap<>();
        nodes.forEach(n -> byId.computeIfAbsent(n.id(), k -> new ArrayList<>(1)).add(n));
        return byId;
    }

    private static <T> List<List<T>> batches(List<T> all, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            out.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return out;
    }
}
