package dev.graphmemory.server.mcp;

import dev.graphmemory.indexer.Indexer;
import dev.graphmemory.indexer.walk.TreeSignature;
import dev.graphmemory.queries.graph.IndexState;
import dev.graphmemory.queries.graph.RepoGraph;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The stamp every answer carries: the commit the graph reflects ({@code indexed_commit}) and
 * whether HEAD or the working tree has moved since ({@code stale}). HEAD is read on every call
 * (cheap); the working tree's signature (a stat of every file) at most every few seconds.
 */
public final class Staleness {
    private static final long TREE_CHECK_NANOS = 3_000_000_000L;

    private final Path root;
    private String treeSignature;
    private long treeCheckedAt;
    private boolean refreshing;
    private Repository repository;

    public Staleness(Path root) {
        this.root = root;
    }

    /** How long a read of the index state serves the stamps of later answers at most. */
    private static final long STATE_TTL_NANOS = 1_000_000_000L;

    private IndexState cachedState;
    private String cachedHead;
    private long cachedStatusTime;
    private long cachedAt;
    private Path statusFile;

    synchronized Map<String, Object> stamp(RepoGraph graph) {
        String head = head();
        IndexState state = state(graph, head);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("indexed_commit", state.indexedCommit());
        String reason = reason(state, head, this::tree);
        out.put("stale", reason != null);
        if (reason != null) {
            out.put("stale_reason", reason + "; run `graph-memory index` to refresh");
        }
        return out;
    }

    /**
     * Why the graph no longer reflects the repository, or {@code null} when it does: not indexed,
     * the last run unfinished, HEAD not the indexed commit (a repository without commits has
     * neither), or the working tree's signature ({@code tree}, asked only when the rest holds) not
     * the one the index saw. The stamp and {@code index_status}'s {@code current} both use it.
     */
    public static String reason(IndexState state, String head, Supplier<String> tree) {
        if (!state.exists()) {
            return "the repository has not been indexed yet";
        }
        if (!state.complete()) {
            return "the last index run did not complete";
        }
        if (!Objects.equals(head, state.indexedCommit())) {
            return head == null
                    ? "HEAD has no commit but the index is of " + state.indexedCommit()
                    : "HEAD moved to " + head.substring(0, 12) + " since the index";
        }
        if (!tree.get().equals(state.extra().get(Indexer.TREE_SIGNATURE))) {
            return "files changed in the working tree since the index";
        }
        return null;
    }

    /**
     * The index state, read again when HEAD moved, a run of this worktree ended (its status file
     * changed: every run writes it when it ends) or a second has passed; otherwise the last read.
     * One Bolt round trip less on most answers.
     */
    private IndexState state(RepoGraph graph, String head) {
        if (statusFile == null) {
            statusFile = new dev.graphmemory.server.reindex.IndexRunner(root).statusFile();
        }
        long statusTime;
        try {
            statusTime = java.nio.file.Files.getLastModifiedTime(statusFile).toMillis();
        } catch (IOException e) {
            statusTime = -1;
        }
        long now = System.nanoTime();
        if (cachedState == null
                || !Objects.equals(head, cachedHead)
                || statusTime != cachedStatusTime
                || now - cachedAt > STATE_TTL_NANOS) {
            cachedState = graph.state();
            cachedHead = head;
            cachedStatusTime = statusTime;
            cachedAt = now;
        }
        return cachedState;
    }

    /**
     * The working tree's signature: computed in the caller's thread the first time, then refreshed
     * in the background when older than a few seconds, so no call waits for a walk of a large tree.
     */
    private String tree() {
        long now = System.nanoTime();
        if (treeSignature == null) {
            treeSignature = TreeSignature.of(root);
            treeCheckedAt = now;
        } else if (now - treeCheckedAt > TREE_CHECK_NANOS && !refreshing) {
            refreshing = true;
            Thread t = new Thread(
                    () -> {
                        String s = TreeSignature.of(root);
                        synchronized (Staleness.this) {
                            treeSignature = s;
                            treeCheckedAt = System.nanoTime();
                            refreshing = false;
                        }
                    },
                    "gm-tree-signature");
            t.setDaemon(true);
            t.start();
        }
        return treeSignature;
    }

    private String head() {
        try {
            if (repository == null) {
                // Kept open: opening a repository reads its config, too slow for every answer.
                repository = new FileRepositoryBuilder()
                        .setWorkTree(root.toFile())
                        .findGitDir(root.toFile())
                        .build();
            }
            ObjectId id = repository.resolve("HEAD");
            return id == null ? null : id.name();
        } catch (IOException e) {
            return null;
        }
    }
}
