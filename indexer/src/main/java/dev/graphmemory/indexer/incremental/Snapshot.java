package dev.graphmemory.indexer.incremental;

import dev.graphmemory.indexer.model.EdgeRow;
import dev.graphmemory.indexer.model.NodeRow;
import dev.graphmemory.indexer.model.NodeUpdate;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one run wrote, in the form the next run compares against: the source files with their
 * content hash and node ids, and every row not owned by a single file (link edges and nodes, node
 * updates, knowledge documents and their links, commits and theirs). Together with the {@link
 * FileCache} entries of the listed files it describes the repository's whole subgraph.
 *
 * <p>Design note: the token ties a snapshot to the graph state that was saved with it; a snapshot
 * whose token the graph does not carry (a run killed after writing one of the two, another
 * process's run, a store restored from elsewhere) is not trusted and the run rebuilds in full.
 *
 * @param token random per run, also stored in the graph's index state
 * @param optionsKey the options that shape the graph (file size bound, history bound, globs)
 * @param sources indexed source files by path
 * @param linkNodes nodes emitted by the language plugins' linkers (node updates may apply to them)
 * @param otherNodes knowledge and commit nodes
 * @param edges every edge not written with a file's nodes, in write order
 * @param updates node updates, in the order they were applied
 */
public record Snapshot(
        String token,
        String optionsKey,
        Map<String, Source> sources,
        List<NodeRow> linkNodes,
        List<NodeRow> otherNodes,
        List<EdgeRow> edges,
        List<NodeUpdate> updates) {
    private static final int MAGIC = 0x676d5333; // "gmS3"

    /**
     * One indexed source file: its content hash, the ids of the nodes it declares as written, and
     * for the ids another file declares too, plain id → the id this file's copy got (see {@link
     * dev.graphmemory.indexer.model.Copies}); empty for nearly every file.
     */
    public record Source(String hash, List<String> nodeIds, Map<String, String> renamed) {
        public Source {
            nodeIds = List.copyOf(nodeIds);
            renamed = Map.copyOf(renamed);
        }

        public Source(String hash, List<String> nodeIds) {
            this(hash, nodeIds, Map.of());
        }

        /** The ids as the file's parse gave them, before any copy was renamed. */
        public List<String> plainIds() {
            if (renamed.isEmpty()) {
                return nodeIds;
            }
            Map<String, String> plainOf = new HashMap<>();
            renamed.forEach((plain, now) -> plainOf.put(now, plain));
            return nodeIds.stream().map(id -> plainOf.getOrDefault(id, id)).toList();
        }
    }

    /** An empty snapshot collecting rows of a run. */
    public static Snapshot collecting(String token, String optionsKey) {
        return new Snapshot(
                token,
                optionsKey,
                new LinkedHashMap<>(),
                new ArrayList<>(),
                new ArrayList<>(),
                new ArrayList<>(),
                new ArrayList<>());
    }

    /** Adds one output of a plugin's linker. */
    public void add(dev.graphmemory.indexer.model.LanguagePlugin.LinkOutput out) {
        switch (out) {
            case EdgeRow e -> edges.add(RowCodec.normalized(e));
            case NodeUpdate u -> updates.add(u);
            case NodeRow n -> linkNodes.add(n);
        }
    }

    /** Node id → paths of the source files that declare a node with that id. */
    public Map<String, List<String>> pathsById() {
        Map<String, List<String>> byId = new HashMap<>();
        sources.forEach((path, s) -> s.nodeIds()
                .forEach(id -> byId.computeIfAbsent(id, k -> new ArrayList<>(1)).add(path)));
        return byId;
    }

    /** The last snapshot this process wrote, by file: a long-lived process need not read it back. */
    private static final Map<Path, java.lang.ref.SoftReference<Snapshot>> WRITTEN =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Snapshots handed to {@link #writeLater} and not yet on disk, by file (strongly held). */
    private static final Map<Path, Snapshot> PENDING = new java.util.concurrent.ConcurrentHashMap<>();
    /** One writer thread, so that the snapshots of successive runs reach their file in order. */
    private static final java.util.concurrent.ExecutorService WRITER =
            java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "gm-snapshot-writer");
                t.setDaemon(false); // a pending snapshot is written before the JVM ends
                return t;
            });

    /**
     * Writes the snapshot on a background thread and returns at once: a refresh in a long-lived
     * process (the store daemon) need not wait for the tens of megabytes of a large repository's
     * snapshot. Until the file is written, {@link #read(Path, String)} in this process answers from
     * memory; another process finds the older file, whose token no longer matches the graph's,
     * and rebuilds in full, as after any lost cache. {@link #awaitWrites} waits for it.
     */
    public void writeLater(Path file) {
        Path key = file.toAbsolutePath().normalize();
        PENDING.put(key, this);
        WRITER.execute(() -> {
            try {
                writeNow(file);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(Snapshot.class).warn("{}", e.getMessage());
            } finally {
                PENDING.remove(key, this);
            }
        });
    }

    /** Waits until every snapshot handed to {@link #writeLater} is on disk (or failed). */
    public static void awaitWrites() {
        try {
            WRITER.submit(() -> {}).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Whether {@link #store} writes in the background (in a long-lived process), or at once. */
    private static volatile boolean background;

    /** Makes {@link #store} write in the background from now on; for long-lived processes only. */
    public static void writeInBackground() {
        background = true;
        Runtime.getRuntime().addShutdownHook(new Thread(Snapshot::awaitWrites, "gm-snapshot-flush"));
    }

    /** Writes the snapshot: in the background after {@link #writeInBackground}, else at once. */
    public void store(Path file) {
        if (background) {
            writeLater(file);
        } else {
            write(file);
        }
    }

    /** Writes the snapshot atomically (a temp file moved into place), after any pending write. */
    public void write(Path file) {
        if (!PENDING.isEmpty()) {
            awaitWrites();
        }
        writeNow(file);
    }

    private void writeNow(Path file) {
        WRITTEN.remove(file.toAbsolutePath().normalize());
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "snapshot", ".tmp");
            try (DataOutputStream out =
                    new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 64 * 1024))) {
                out.writeInt(MAGIC);
                RowCodec.writeString(out, token);
                RowCodec.writeString(out, optionsKey);
                out.writeInt(sources.size());
                for (Map.Entry<String, Source> e : sources.entrySet()) {
                    RowCodec.writeString(out, e.getKey());
                    RowCodec.writeString(out, e.getValue().hash());
                    out.writeInt(e.getValue().nodeIds().size());
                    for (String id : e.getValue().nodeIds()) {
                        RowCodec.writeString(out, id);
                    }
                    out.writeInt(e.getValue().renamed().size());
                    for (Map.Entry<String, String> r : e.getValue().renamed().entrySet()) {
                        RowCodec.writeString(out, r.getKey());
                        RowCodec.writeString(out, r.getValue());
                    }
                }
                writeNodes(out, linkNodes);
                writeNodes(out, otherNodes);
                out.writeInt(edges.size());
                for (EdgeRow e : edges) {
                    RowCodec.write(out, e);
                }
                out.writeInt(updates.size());
                for (NodeUpdate u : updates) {
                    RowCodec.write(out, u);
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            WRITTEN.put(file.toAbsolutePath().normalize(), new java.lang.ref.SoftReference<>(this));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the index snapshot " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a snapshot; empty when the file is absent or unreadable (the run then rebuilds). The
     * one this process wrote last is taken from memory when it carries the expected token.
     */
    public static Optional<Snapshot> read(Path file, String token) {
        Snapshot pending = PENDING.get(file.toAbsolutePath().normalize());
        if (pending != null && pending.token().equals(token)) {
            return Optional.of(pending);
        }
        java.lang.ref.SoftReference<Snapshot> ref =
                WRITTEN.get(file.toAbsolutePath().normalize());
        Snapshot known = ref == null ? null : ref.get();
        if (known != null && known.token().equals(token) && Files.isRegularFile(file)) {
            return Optional.of(known);
        }
        Optional<Snapshot> read = read(file);
        // Kept like one this process wrote: a rehearsal's read serves the next run (see Indexer.rehearse).
        read.filter(s -> s.token().equals(token))
                .ifPresent(s -> WRITTEN.put(file.toAbsolutePath().normalize(), new java.lang.ref.SoftReference<>(s)));
        return read;
    }

    /** Reads a snapshot from its file; empty when the file is absent or unreadable. */
    public static Optional<Snapshot> read(Path file) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 64 * 1024))) {
            if (in.readInt() != MAGIC) {
                return Optional.empty();
            }
            String token = RowCodec.readString(in);
            String optionsKey = RowCodec.readString(in);
            int n = in.readInt();
            Map<String, Source> sources = new LinkedHashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                String path = RowCodec.readString(in);
                String hash = RowCodec.readString(in);
                int m = in.readInt();
                List<String> ids = new ArrayList<>(m);
                for (int j = 0; j < m; j++) {
                    ids.add(RowCodec.readString(in));
                }
                int r = in.readInt();
                Map<String, String> renamed = r == 0 ? Map.of() : new HashMap<>(r * 2);
                for (int j = 0; j < r; j++) {
                    renamed.put(RowCodec.readString(in), RowCodec.readString(in));
                }
                sources.put(path, new Source(hash, ids, renamed));
            }
            List<NodeRow> linkNodes = readNodes(in);
            List<NodeRow> otherNodes = readNodes(in);
            int e = in.readInt();
            List<EdgeRow> edges = new ArrayList<>(e);
            for (int i = 0; i < e; i++) {
                edges.add(RowCodec.readEdge(in));
            }
            int u = in.readInt();
            List<NodeUpdate> updates = new ArrayList<>(u);
            for (int i = 0; i < u; i++) {
                updates.add(RowCodec.readUpdate(in));
            }
            return Optional.of(new Snapshot(token, optionsKey, sources, linkNodes, otherNodes, edges, updates));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void writeNodes(DataOutputStream out, List<NodeRow> nodes) throws IOException {
        out.writeInt(nodes.size());
        for (NodeRow n : nodes) {
            RowCodec.write(out, n);
        }
    }

    private static List<NodeRow> readNodes(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<NodeRow> nodes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            nodes.add(RowCodec.readNode(in));
        }
        return nodes;
    }
}
