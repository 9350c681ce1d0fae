package dev.graphmemory.server.reindex;

import dev.graphmemory.indexer.IndexOptions;
import dev.graphmemory.indexer.IndexSummary;
import dev.graphmemory.indexer.Indexer;
import dev.graphmemory.indexer.LanguagePlugins;
import dev.graphmemory.indexer.ProgressListener;
import dev.graphmemory.indexer.write.DirectWrites;
import dev.graphmemory.server.store.FileLocks;
import dev.graphmemory.server.store.StoreFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs index passes for one worktree, one at a time across every process of the machine, and
 * drains the reindex requests the git hook and the {@code reindex} tool leave.
 *
 * <p>Design notes: {@code runs/<key>.lock} (an OS file lock, released when a process dies) makes
 * runs of one worktree exclusive; {@code runs/<key>.json} says whether one is under way and what
 * the last one did. A request is a file {@code requests/<key>} holding the worktree's path; a run
 * claims it (renames it away) before reading the tree, so whatever is committed during the run
 * leaves a fresh request and gets one more run: twenty commits in a burst make a few runs, never a
 * queue of twenty. Whoever finishes a run looks for a request once more after letting go of the
 * lock, so a request left by a runner that found the lock taken is never stranded.
 */
public final class IndexRunner {
    private static final Logger LOG = LoggerFactory.getLogger(IndexRunner.class);
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();

    private final StoreFiles files;
    private final Path worktree;
    private final String key;
    private final ProgressListener progress;
    private final DirectWrites.Factory direct;

    public IndexRunner(Path worktree) {
        this(worktree, ProgressListener.NONE);
    }

    public IndexRunner(Path worktree, ProgressListener progress) {
        this(worktree, progress, null);
    }

    private IndexRunner(Path worktree, ProgressListener progress, DirectWrites.Factory direct) {
        this.direct = direct;
        this.worktree = worktree;
        this.files = StoreFiles.forWorktree(worktree);
        this.key = key(worktree);
        this.progress = progress != null ? progress : new ProgressFile(progressFile());
    }

    /**
     * The store daemon's runner: full runs create nodes and relationships through {@code direct}
     * (see {@link DirectWrites}), and progress goes to a file an {@code index} command waiting for
     * the run reads ({@link #progress()}).
     */
    public static IndexRunner inDaemon(Path worktree, DirectWrites.Factory direct) {
        return new IndexRunner(worktree, null, direct);
    }

    /** How far the run under way in the store daemon has come, when it says. */
    public Optional<ProgressFile.Progress> progress() {
        return ProgressFile.read(progressFile());
    }

    private Path progressFile() {
        return files.runsDir().resolve(key + ".progress");
    }

    /** The file-name key of a worktree: the first 16 hex digits of the SHA-256 of its real path. */
    public static String key(Path worktree) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(worktree.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Leaves a reindex request for this worktree (what the git hook does in shell). */
    public void request() {
        request(false);
    }

    /** Leaves a reindex request; {@code full} asks for a full rebuild. */
    public void request(boolean full) {
        try {
            Files.createDirectories(files.requestsDir());
            StoreFiles.writeAtomically(requestFile(), worktree + "\n" + (full ? "full\n" : ""));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reindex request " + requestFile(), e);
        }
    }

    /** Whether a reindex is owed: a request not yet taken up by a run. */
    public boolean requestPending() {
        return Files.exists(requestFile());
    }

    /** What the last or current run of this worktree says. */
    public RunStatus status() {
        RunStatus status = RunStatus.read(statusFile());
        if (status.running() && !lockHeld()) {
            // The run may have ended between the read and the lock check: a run writes its outcome
            // before it lets go of the lock, so a second read tells a finished run from a dead one.
            RunStatus again = RunStatus.read(statusFile());
            return again.running() ? again.interrupted() : again; // still "running": its process died
        }
        return status;
    }

    /**
     * Runs now, waiting up to {@code maxWait} for a run under way elsewhere to finish first; then
     * keeps running while requests arrive. Empty when the wait ran out.
     */
    public Optional<IndexSummary> run(Driver driver, String repoKey, IndexOptions options, Duration maxWait) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            Optional<IndexSummary> summary = runIfFree(driver, repoKey, options);
            if (summary.isPresent()) {
                return summary;
            }
            if (System.nanoTime() > deadline) {
                return Optional.empty();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /**
     * Runs when no other run of this worktree is under way, then drains requests; empty when one is
     * (that run drains the requests instead).
     */
    public Optional<IndexSummary> runIfFree(Driver driver, String repoKey, IndexOptions options) {
        IndexSummary last = null;
        boolean first = true;
        while (first || requestPending()) {
            ReentrantLock local = IN_JVM.computeIfAbsent(lockFile(), p -> new ReentrantLock());
            if (!local.tryLock()) {
                return Optional.ofNullable(last);
            }
            try (FileChannel channel = openLock();
                    FileLock lock = FileLocks.tryLock(channel)) {
                if (lock == null) {
                    return Optional.ofNullable(last);
                }
                do {
                    boolean fullAsked = claimRequest();
                    IndexOptions o = first ? options : options.withFull(false);
                    last = runOnce(driver, repoKey, fullAsked ? o.withFull(true) : o);
                    first = false;
                } while (requestPending());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot use the run lock " + lockFile(), e);
            } finally {
                local.unlock();
            }
        }
        return Optional.ofNullable(last);
    }

    /**
     * Rehearses a refresh ({@link Indexer#rehearse}: nothing is written) when no run of this
     * worktree is under way or asked for; returns whether it did. The store daemon does it when idle
     * after it starts and after a full rebuild, so that the next commit's refresh finds everything
     * loaded and compiled.
     */
    public boolean rehearse(Driver driver, String repoKey, IndexOptions options) {
        ReentrantLock local = IN_JVM.computeIfAbsent(lockFile(), p -> new ReentrantLock());
        if (requestPending() || !local.tryLock()) {
            return false;
        }
        try (FileChannel channel = openLock();
                FileLock lock = FileLocks.tryLock(channel)) {
            if (lock == null || requestPending()) {
                return false;
            }
            IndexOptions withCache = options.cacheDir() == null
                    ? options.withCacheDir(files.cacheDir().resolve(key))
                    : options;
            new Indexer(driver, repoKey, worktree, withCache, LanguagePlugins.all(), ProgressListener.NONE, direct)
                    .rehearse();
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the run lock " + lockFile(), e);
        } finally {
            local.unlock();
        }
    }

    /** Whether git is in the middle of a rebase, merge or cherry-pick in this worktree. */
    public boolean gitBusy() {
        try (var repo = new org.eclipse.jgit.storage.file.FileRepositoryBuilder()
                .findGitDir(worktree.toFile())
                .build()) {
            return !repo.getRepositoryState().canCommit()
                    || Files.exists(repo.getDirectory().toPath().resolve("rebase-merge"))
                    || Files.exists(repo.getDirectory().toPath().resolve("rebase-apply"));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private IndexSummary runOnce(Driver driver, String repoKey, IndexOptions options) {
        Instant started = Instant.now();
        RunStatus.running(worktree, started).write(statusFile());
        try {
            // Every run of this worktree shares one cache, so whoever runs next is incremental.
            IndexOptions withCache = options.cacheDir() == null
                    ? options.withCacheDir(files.cacheDir().resolve(key))
                    : options;
            IndexSummary summary =
                    new Indexer(driver, repoKey, worktree, withCache, LanguagePlugins.all(), progress, direct).run();
            RunStatus.finished(worktree, started, summary).write(statusFile());
            endProgress();
            LOG.info("reindexed {}: {}", worktree, summary.oneLine());
            return summary;
        } catch (RuntimeException e) {
            RunStatus.failed(worktree, started, e).write(statusFile());
            endProgress();
            throw e;
        }
    }

    private void endProgress() {
        if (progress instanceof ProgressFile file) {
            file.remove();
        }
    }

    /** Takes this worktree's request, if any; returns whether it asked for a full rebuild. */
    private boolean claimRequest() throws IOException {
        Path claimed = files.requestsDir()
                .resolve(key + ".running." + ProcessHandle.current().pid());
        try {
            Files.move(requestFile(), claimed, StandardCopyOption.ATOMIC_MOVE);
            boolean full = asksFull(claimed);
            Files.deleteIfExists(claimed);
            return full;
        } catch (java.nio.file.NoSuchFileException e) {
            return false; // no request: a direct run
        }
    }

    /** Whether a request file asks for a full rebuild (a second line {@code full}). */
    public static boolean asksFull(Path request) throws IOException {
        return Files.readAllLines(request, StandardCharsets.UTF_8).stream()
                .skip(1)
                .anyMatch(l -> l.trim().equals("full"));
    }

    private boolean lockHeld() {
        // Closing a channel drops every lock this process holds on the file, so look only while
        // holding the in-JVM lock: no run of this process holds the file lock meanwhile.
        ReentrantLock local = IN_JVM.computeIfAbsent(lockFile(), p -> new ReentrantLock());
        if (!local.tryLock()) {
            return true;
        }
        try {
            return FileLocks.held(lockFile());
        } finally {
            local.unlock();
        }
    }

    private FileChannel openLock() throws IOException {
        Files.createDirectories(files.runsDir());
        return FileChannel.open(lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }

    private Path requestFile() {
        return files.requestsDir().resolve(key);
    }

    private Path lockFile() {
        return files.runsDir().resolve(key + ".lock");
    }

    /** {@code runs/<key>.json}: written when a run starts and when it ends. */
    public Path statusFile() {
        return files.runsDir().resolve(key + ".json");
    }

    public StoreFiles files() {
        return files;
    }
}
