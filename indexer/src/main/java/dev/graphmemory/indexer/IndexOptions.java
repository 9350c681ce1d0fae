package dev.graphmemory.indexer;

import dev.graphmemory.indexer.sessions.SessionSources;
import java.nio.file.Path;
import java.util.List;

/**
 * Settings of an index run.
 *
 * @param full reindex even when nothing changed
 * @param maxFileBytes files larger than this are skipped with the reason {@code oversized}
 * @param maxCommits how many commits of history to walk back from HEAD
 * @param knowledgeGlobs globs (repository-relative) of the knowledge documents
 * @param threads parser threads
 * @param batchSize rows per write transaction
 * @param cacheDir where runs keep what they parsed so the next run can be incremental (see {@code
 *     FileCache}); {@code null} for none, and then every run that finds a change rebuilds in full
 * @param sessions where agent session transcripts are found ({@link SessionSources#NONE}: nowhere)
 */
public record IndexOptions(
        boolean full,
        long maxFileBytes,
        int maxCommits,
        List<String> knowledgeGlobs,
        int threads,
        int batchSize,
        Path cacheDir,
        SessionSources sessions) {
    public static final long DEFAULT_MAX_FILE_BYTES = 1024 * 1024;
    public static final int DEFAULT_MAX_COMMITS = 5000;
    public static final int DEFAULT_BATCH_SIZE = 10_000;

    public IndexOptions {
        knowledgeGlobs = List.copyOf(knowledgeGlobs);
        sessions = sessions == null ? SessionSources.NONE : sessions;
        if (maxFileBytes <= 0) {
            throw new IllegalArgumentException("maxFileBytes must be positive, was " + maxFileBytes);
        }
        if (maxCommits < 0) {
            throw new IllegalArgumentException("maxCommits must be zero or more, was " + maxCommits);
        }
        if (threads < 1 || batchSize < 1) {
            throw new IllegalArgumentException("threads and batchSize must be at least 1");
        }
    }

    /** Settings that read no agent sessions. */
    public IndexOptions(
            boolean full,
            long maxFileBytes,
            int maxCommits,
            List<String> knowledgeGlobs,
            int threads,
            int batchSize,
            Path cacheDir) {
        this(full, maxFileBytes, maxCommits, knowledgeGlobs, threads, batchSize, cacheDir, SessionSources.NONE);
    }

    /** Settings without a cache directory: no incremental runs. */
    public IndexOptions(
            boolean full, long maxFileBytes, int maxCommits, List<String> knowledgeGlobs, int threads, int batchSize) {
        this(full, maxFileBytes, maxCommits, knowledgeGlobs, threads, batchSize, null, SessionSources.NONE);
    }

    /** The defaults, with {@code knowledgeGlobs} as given. */
    public static IndexOptions defaults(List<String> knowledgeGlobs) {
        return new IndexOptions(
                false,
                DEFAULT_MAX_FILE_BYTES,
                DEFAULT_MAX_COMMITS,
                knowledgeGlobs,
                Math.max(1, Runtime.getRuntime().availableProcessors()),
                DEFAULT_BATCH_SIZE);
    }

    /** A copy that forces a full reindex or not. */
    public IndexOptions withFull(boolean full) {
        return new IndexOptions(full, maxFileBytes, maxCommits, knowledgeGlobs, threads, batchSize, cacheDir, sessions);
    }

    /** A copy that keeps its cache in this directory (or none for {@code null}). */
    public IndexOptions withCacheDir(Path dir) {
        return new IndexOptions(full, maxFileBytes, maxCommits, knowledgeGlobs, threads, batchSize, dir, sessions);
    }

    /** A copy that reads agent sessions from {@code sources}. */
    public IndexOptions withSessions(SessionSources sources) {
        return new IndexOptions(full, maxFileBytes, maxCommits, knowledgeGlobs, threads, batchSize, cacheDir, sources);
    }
}
