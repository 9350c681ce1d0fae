package dev.graphmemory.indexer.incremental;

import dev.graphmemory.indexer.model.EdgeRow;
import dev.graphmemory.indexer.model.FileResult;
import dev.graphmemory.indexer.model.NodeRow;
import dev.graphmemory.indexer.walk.FileContent;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.ref.SoftReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What parsing one file produced, kept on disk so an unchanged file is never parsed again: its
 * link facts, whether it parsed, and its node and edge rows.
 *
 * <p>Design note: entries are content-addressed by (path, content hash), so a file that returns
 * to an earlier content (a checkout back, a revert) is found again without parsing, and an entry
 * is never rewritten in place. The facts come first in the entry and are read alone: a run needs
 * every file's facts but only the rows of the few files whose nodes it replaces. Facts are plugin
 * records and go through Java serialization; rows go through {@link RowCodec}. A corrupt or
 * unreadable entry reads as absent and the file is simply parsed again.
 *
 * <p>A long-lived process (the store daemon) runs many times: it also keeps the facts it read or
 * wrote in memory, behind a soft reference the collector may clear, so its next run reads no
 * entry from disk. Facts are immutable, so sharing them between runs is safe.
 */
public final class FileCache {
    private static final int MAGIC = 0x676d4631; // "gmF1"

    private static final Map<Path, SoftReference<Map<String, Facts>>> MEMORY = new ConcurrentHashMap<>();

    private static final long PID = ProcessHandle.current().pid();

    private final Path dir;
    private final Map<String, Facts> memory;
    private final List<java.util.concurrent.Future<?>> pending = new ArrayList<>();
    private java.util.concurrent.ExecutorService writer;

    /** The facts of one cached file, without its rows. */
    public record Facts(String path, String hash, boolean parseOk, String problem, Object facts) {
        /** A {@link FileResult} for linking: facts only, no rows. */
        public FileResult asResult() {
            return new FileResult(path, List.of(), List.of(), facts, parseOk, problem);
        }
    }

    public FileCache(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
        this.memory = MEMORY.compute(
                        this.dir,
                        (k, ref) ->
                                ref != null && ref.get() != null ? ref : new SoftReference<>(new ConcurrentHashMap<>()))
                .get();
    }

    /** Stores a file's parse result under its path and content hash. */
    public void put(String hash, FileResult result) {
        Path file = entry(result.path(), hash);
        // A temporary name of this process and thread (no random name to draw, no directory to
        // look up first: the folder is made when the first write into it finds it missing).
        Path tmp = file.resolveSibling(
                file.getFileName() + "." + PID + "." + Thread.currentThread().threadId() + ".tmp");
        try {
            OutputStream raw;
            try {
                raw = Files.newOutputStream(tmp);
            } catch (NoSuchFileException e) {
                Files.createDirectories(file.getParent());
                raw = Files.newOutputStream(tmp);
            }
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 16 * 1024))) {
                out.writeInt(MAGIC);
                RowCodec.writeString(out, result.path());
                RowCodec.writeString(out, hash);
                out.writeBoolean(result.parseOk());
                RowCodec.writeString(out, result.problem());
                byte[] facts = serialize(result.facts());
                out.writeInt(facts.length);
                out.write(facts);
                out.writeInt(result.nodes().size());
                for (NodeRow n : result.nodes()) {
                    RowCodec.write(out, n);
                }
                out.writeInt(result.edges().size());
                for (EdgeRow e : result.edges()) {
                    RowCodec.write(out, e);
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            if (memory != null) {
                memory.put(
                        memoryKey(result.path(), hash),
                        new Facts(result.path(), hash, result.parseOk(), result.problem(), result.facts()));
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the entry stays unwritten either way
            }
            throw new UncheckedIOException("cannot write the cache entry of " + result.path() + " in " + dir, e);
        }
    }

    /**
     * Stores a parse result on this cache's writer thread: a full run's consumer thread spent
     * 3.4 s of java.base's 22 s writing entries (wall profile) while parsed files waited for it.
     * {@link #awaitWrites} waits for them and passes the first failure on.
     */
    public void putLater(String hash, FileResult result) {
        if (writer == null) {
            // Its thread ends when idle, so a run that fails before awaitWrites leaves none behind
            // in the long-lived daemon.
            var pool = new java.util.concurrent.ThreadPoolExecutor(
                    1,
                    1,
                    5,
                    java.util.concurrent.TimeUnit.SECONDS,
                    new java.util.concurrent.LinkedBlockingQueue<>(),
                    r -> {
                        Thread t = new Thread(r, "gm-cache-writer");
                        t.setDaemon(true);
                        return t;
                    });
            pool.allowCoreThreadTimeOut(true);
            writer = pool;
        }
        pending.add(writer.submit(() -> put(hash, result)));
    }

    /** Waits for the entries {@link #putLater} queued; throws the first write's failure. */
    public void awaitWrites() {
        if (writer == null) {
            return;
        }
        writer.shutdown();
        try {
            for (java.util.concurrent.Future<?> f : pending) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the index cache " + dir, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r
                    ? r
                    : new IllegalStateException("cannot write the index cache " + dir, e.getCause());
        } finally {
            pending.clear();
            writer = null;
        }
    }

    /** The cached facts of a file at this content, if any. */
    public Optional<Facts> facts(String path, String hash) {
        Facts known = memory == null ? null : memory.get(memoryKey(path, hash));
        if (known != null) {
            return Optional.of(known);
        }
        try (DataInputStream in = open(path, hash)) {
            Facts facts = readFacts(in, path, hash);
            if (memory != null) {
                memory.put(memoryKey(path, hash), facts);
            }
            return Optional.of(facts);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The cached parse result (rows and facts) of a file at this content, if any. */
    public Optional<FileResult> result(String path, String hash) {
        try (DataInputStream in = open(path, hash)) {
            Facts facts = readFacts(in, path, hash);
            int n = in.readInt();
            List<NodeRow> nodes = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                nodes.add(RowCodec.readNode(in));
            }
            int m = in.readInt();
            List<EdgeRow> edges = new ArrayList<>(m);
            for (int i = 0; i < m; i++) {
                edges.add(RowCodec.readEdge(in));
            }
            return Optional.of(new FileResult(path, nodes, edges, facts.facts(), facts.parseOk(), facts.problem()));
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Deletes every entry. Entries are content-addressed and never rewritten, so without this the
     * cache would keep every content a file ever had; full runs call it before writing all anew.
     */
    public void clear() {
        if (memory != null) {
            memory.clear();
        }
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the index cache " + dir + ": " + e.getMessage(), e);
        }
    }

    private DataInputStream open(String path, String hash) throws IOException {
        InputStream raw = Files.newInputStream(entry(path, hash));
        return new DataInputStream(new BufferedInputStream(raw, 16 * 1024));
    }

    private static Facts readFacts(DataInputStream in, String path, String hash)
            throws IOException, ClassNotFoundException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a cache entry");
        }
        String p = RowCodec.readString(in);
        String h = RowCodec.readString(in);
        if (!path.equals(p) || !hash.equals(h)) {
            throw new IOException("cache entry of " + p + " found for " + path);
        }
        boolean ok = in.readBoolean();
        String problem = RowCodec.readString(in);
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        Object facts;
        try (ObjectInputStream objects = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            facts = objects.readObject();
        }
        return new Facts(path, hash, ok, problem, facts);
    }

    private static byte[] serialize(Object facts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(facts);
        }
        return bytes.toByteArray();
    }

    /** Forgets what this process keeps in memory, as a new process would start (for tests). */
    static void forgetMemory() {
        MEMORY.clear();
    }

    private static String memoryKey(String path, String hash) {
        return path + '\0' + hash;
    }

    private Path entry(String path, String hash) {
        String name = FileContent.gitBlobId((path + "\0" + hash).getBytes(StandardCharsets.UTF_8));
        return dir.resolve(name.substring(0, 2)).resolve(name.substring(2));
    }
}
