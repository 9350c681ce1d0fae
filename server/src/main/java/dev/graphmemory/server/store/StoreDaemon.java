package dev.graphmemory.server.store;

import dev.graphmemory.indexer.write.DirectWrites;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store daemon ({@code graph-memory daemon run}): one detached process per repository that owns
 * the embedded Neo4j, publishes its endpoint, runs the reindexes the git hook and the tools ask
 * for, and stops itself after an idle time.
 *
 * <p>Design notes: the daemon holds {@code daemon.lock} for its whole life, so "is a daemon
 * running?" is answered by the operating system (a killed daemon's lock is released at once),
 * never by a pid file alone. Reindex requests are files in {@code requests/}, one per worktree:
 * the daemon claims one by renaming it before the run, so a commit made during a run leaves a new
 * request and gets exactly one more run, however many commits arrive (bursts coalesce). Idle means
 * no client Bolt connection, no run and no request for the whole idle time.
 */
public final class StoreDaemon {
    /** The user agent of the daemon's own driver, whose connections do not count as clients. */
    static final String OWN_AGENT = "graph-memory-daemon";

    private static final Logger LOG = LoggerFactory.getLogger(StoreDaemon.class);
    private static final long POLL_MILLIS = 100;
    private static final long REST_POLL_MILLIS = 1000;
    private static final Duration DEFER = Duration.ofSeconds(1);
    private static final Duration COMPACT_AFTER = Duration.ofSeconds(20);
    /**
     * Quiet after the last request (a command line, an MCP message: {@link DaemonActivity}, not a
     * session merely open) before the daemon compacts again: requests grow the heap and read the
     * start-up cache back too (jsoup's daemon, 354 to 486 MB RSS over 1,600 MCP calls), and an
     * agent's session can stay open for hours without a run.
     */
    private static final Duration COMPACT_AFTER_READS = Duration.ofSeconds(60);
    /** Quiet time after which the service warms up: short, but after the run a starting `index` asks for. */
    private static final Duration WARM_AFTER = Duration.ofSeconds(2);

    private static final int MAX_RETRIES = 3;

    /** What the daemon does with a reindex request: run it, or say it must wait (a rebase). */
    public interface Reindexer {
        /** What a run did. */
        enum Outcome {
            /** The run must wait (the request is kept and retried a little later). */
            WAIT,
            /** The graph was already up to date. */
            UNCHANGED,
            /** The graph was brought up to date by a refresh. */
            REFRESHED,
            /** The graph was rebuilt in full. */
            REBUILT
        }

        Outcome reindex(Driver driver, DirectWrites.Factory direct, Path worktree, boolean full);

        /**
         * Rehearses a refresh of {@code worktree} without writing (see {@code Indexer.rehearse}), so
         * that the next refresh finds what it needs loaded and compiled.
         */
        default void rehearse(Driver driver, Path worktree) {}
    }

    private final StoreFiles files;
    private final long pageCacheBytes;
    private final Duration idle;
    private final Reindexer reindexer;
    private final Service service;
    /** When a {@link Service} last answered (System.nanoTime), so that its callers keep the daemon up. */
    private volatile long lastServed = System.nanoTime();
    /** Whether the last compaction gave the start-up cache's pages back (a request reads them again). */
    private volatile boolean pagedOut;

    private final Map<Path, Instant> deferredUntil = new ConcurrentHashMap<>();
    /**
     * The worktree whose refresh is rehearsed when the daemon is next quiet (see {@link
     * Reindexer#rehearse}): the store's own at start, then any that was rebuilt in full.
     */
    private volatile Path toRehearse;

    private final Map<Path, Integer> failures = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    /**
     * Something more the daemon serves while it is up (the command line's read commands, see
     * {@code DaemonCli}): started once the store is up and its endpoint published, closed before
     * Neo4j stops.
     */
    public interface Service {
        /**
         * Starts serving with the daemon's own driver; {@code served} is called at each answer, which
         * keeps the daemon from its idle stop as a client connection does.
         */
        AutoCloseable start(Driver driver, String description, Runnable served) throws IOException;

        /**
         * Once the daemon has been quiet for a moment after its start (no run, no request), runs what
         * the first command line and the first MCP session would otherwise pay for: loading their
         * classes and planning their first Cypher. Called once, on a thread of its own.
         */
        default void warmUp() {}
    }

    public StoreDaemon(StoreFiles files, long pageCacheBytes, Duration idle, Reindexer reindexer) {
        this(files, pageCacheBytes, idle, reindexer, null);
    }

    public StoreDaemon(StoreFiles files, long pageCacheBytes, Duration idle, Reindexer reindexer, Service service) {
        this.files = files;
        this.pageCacheBytes = pageCacheBytes;
        this.idle = idle;
        this.reindexer = reindexer;
        this.service = service;
    }

    /** Runs until idle, stopped or killed; returns the exit code (0 also when another daemon runs). */
    public int run() throws IOException {
        files.prepare();
        try (FileChannel channel =
                        FileChannel.open(files.lifeLock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock life = channel.tryLock()) {
            if (life == null) {
                LOG.info("another graph-memory daemon already runs for {}", files.storeRoot());
                return 0;
            }
            FileLocks.heldHere(files.lifeLock());
            try {
                return runHoldingLifeLock();
            } finally {
                FileLocks.releasedHere(files.lifeLock());
            }
        }
    }

    /** The daemon's life, once it holds {@code daemon.lock}. */
    private int runHoldingLifeLock() throws IOException {
        long t0 = System.nanoTime();
        restoreClaimedRequests();
        EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(files, pageCacheBytes);
        LOG.debug("Neo4j started at {} ms", (System.nanoTime() - t0) / 1_000_000);
        DaemonEndpoint endpoint = new DaemonEndpoint(
                ProcessHandle.current().pid(),
                neo4j.port(),
                EmbeddedStore.version(),
                neo4j.storeId(),
                Instant.now().toString());
        Driver driver = EmbeddedNeo4j.boltDriver(neo4j.port(), files.password(), OWN_AGENT);
        // The schema exists before any client connects: clients of the daemon need not create it.
        // Read through the core API first: on every start but the first it is all there.
        if (neo4j.schemaComplete()) {
            LOG.debug("schema found complete at {} ms", (System.nanoTime() - t0) / 1_000_000);
        } else if (neo4j.createMissingSchema()) {
            LOG.debug("schema created at {} ms", (System.nanoTime() - t0) / 1_000_000);
        } else {
            dev.graphmemory.queries.schema.GraphSchema.ensure(driver);
            LOG.debug("schema ensured at {} ms", (System.nanoTime() - t0) / 1_000_000);
        }
        ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "gm-reindex");
            t.setDaemon(true);
            return t;
        });
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        // SIGTERM (`daemon stop`): end the loop, then let the cleanup below shut Neo4j down
        // cleanly before the JVM halts.
        Thread hook = new Thread(
                () -> {
                    stopping = true;
                    try {
                        stopped.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "gm-daemon-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        endpoint.write(files.endpointFile(), files.pidFile());
        LOG.info(
                "graph-memory daemon up for {} on bolt://127.0.0.1:{} in {} ms (idle stop after {})",
                files.storeRoot(),
                neo4j.port(),
                (System.nanoTime() - t0) / 1_000_000,
                idle);
        AutoCloseable served = startService(driver, endpoint);
        try {
            loop(neo4j, driver, runner, endpoint);
        } finally {
            if (served != null) {
                try {
                    served.close();
                } catch (Exception e) {
                    LOG.debug("closing the daemon's service: {}", e.toString());
                }
            }
            removeEndpoint(endpoint);
            runner.shutdownNow();
            try {
                runner.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            driver.close();
            neo4j.close();
            LOG.info("graph-memory daemon for {} stopped", files.storeRoot());
            stopped.countDown();
        }
        return 0;
    }

    private void loop(EmbeddedNeo4j neo4j, Driver driver, ExecutorService runner, DaemonEndpoint endpoint)
            throws IOException {
        toRehearse = files.storeRoot();
        DaemonActivity.onRequest(this::wake);
        Future<?> current = null;
        long idleSince = System.nanoTime();
        long quietSince = System.nanoTime();
        boolean compacted = false;
        long compactedAt = System.nanoTime();
        boolean warmed = service == null;
        Thread warm = null;
        // A request wakes the loop at once where the file system tells (inotify); the poll stays
        // as the fallback and for the idle and liveness checks.
        java.nio.file.WatchService watcher = requestWatcher();
        while (!stopping) {
            try {
                if (watcher == null) {
                    Thread.sleep(POLL_MILLIS);
                } else {
                    // At rest (runs over, heap compacted) the loop wakes once a second: a request
                    // still wakes it at once through the watcher, and the checks can wait.
                    long wait = compacted ? REST_POLL_MILLIS : POLL_MILLIS;
                    java.nio.file.WatchKey key = watcher.poll(wait, java.util.concurrent.TimeUnit.MILLISECONDS);
                    if (key != null) {
                        key.pollEvents();
                        key.reset();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.nio.file.ClosedWatchServiceException e) {
                watcher = null;
            }
            if (!Files.isDirectory(files.dir())) {
                LOG.info("{} was removed; stopping", files.dir());
                return;
            }
            republishIfMissing(endpoint);
            boolean busy = current != null && !current.isDone();
            List<Path> pending = pendingRequests();
            if (!busy && !pending.isEmpty()) {
                Path request = pending.getFirst();
                Path claimed = claim(request);
                if (claimed != null) {
                    wake();
                    current = runner.submit(() -> handle(driver, neo4j.directWrites(), claimed));
                    busy = true;
                }
            }
            long now = System.nanoTime();
            if (busy || !pending.isEmpty()) {
                quietSince = now;
                compacted = false;
            } else if (toRehearse != null && now - quietSince > WARM_AFTER.toNanos()) {
                // On the runner, so that no run overlaps it; a request waits for it (it takes
                // about what the request's own run would have spent loading and compiling).
                Path worktree = toRehearse;
                toRehearse = null;
                current = runner.submit(() -> rehearse(driver, worktree));
            } else if (!warmed && now - quietSince > WARM_AFTER.toNanos()) {
                warmed = true;
                warm = new Thread(this::warmUp, "gm-warm-up");
                warm.setDaemon(true);
                warm.start();
            } else if (!compacted && now - quietSince > COMPACT_AFTER.toNanos() && (warm == null || !warm.isAlive())) {
                // A run leaves its garbage in a heap grown to hold it; collecting when the runs
                // have stopped gives the memory back (the collector shrinks the heap to what is
                // live), so a daemon at rest holds what it uses, not what its last run needed. After
                // the warm-up: its calls would read back what the compaction gives back.
                compactHeap();
                compacted = true;
                compactedAt = System.nanoTime();
            } else if (compacted
                    && DaemonActivity.lastRequest() - compactedAt > 0
                    && now - DaemonActivity.lastRequest() > COMPACT_AFTER_READS.toNanos()) {
                compactHeap();
                compactedAt = System.nanoTime();
            }
            if (busy || !pending.isEmpty() || neo4j.clientConnections(OWN_AGENT) > 0) {
                idleSince = now;
            } else if (lastServed - idleSince > 0) {
                idleSince = lastServed;
            } else if (now - idleSince > idle.toNanos()) {
                LOG.info("idle for {}; stopping", idle);
                return;
            }
        }
    }

    /**
     * Two full collections with the heap's free-space bounds lowered for them (they are manageable
     * flags), then raised again, the C library's free memory given back and the start-up cache's
     * read-only pages too ({@link StartupCachePages}): at rest the heap keeps about a twentieth free
     * instead of the 40% the launcher allows while runs grow it (jsoup's daemon at rest: 100 MB old generation for 60 MB
     * live before), and the next run grows it as before. Without the flags (another JVM) it is a
     * plain collection.
     */
    private void compactHeap() {
        var vm = java.lang.management.ManagementFactory.getPlatformMXBean(
                com.sun.management.HotSpotDiagnosticMXBean.class);
        String min = null;
        String max = null;
        try {
            min = vm.getVMOption("MinHeapFreeRatio").getValue();
            max = vm.getVMOption("MaxHeapFreeRatio").getValue();
            vm.setVMOption("MinHeapFreeRatio", "0");
            vm.setVMOption("MaxHeapFreeRatio", "5");
        } catch (RuntimeException e) {
            LOG.debug("heap free ratios not settable: {}", e.toString());
        }
        System.gc();
        // A second collection, in the heap the first one shrank: the collector clears a soft
        // reference left unused for a while per MB that was free after the last collection (a
        // second by default, 10 ms with the launcher's -XX:SoftRefLRUPolicyMSPerMB=10), so this one
        // clears the caches nothing read lately (jsoup's daemon at rest, two `jcmd GC.run` a second
        // apart with the default: old generation 60 to 48 MB live). What the
        // warm-up read just before stays until the next compaction. The pause lets the reference
        // handler and the cleaners run in between.
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.gc();
        trimNativeHeap();
        pagedOut = StartupCachePages.pageOut() > 0;
        try {
            if (max != null) {
                vm.setVMOption("MaxHeapFreeRatio", max);
                vm.setVMOption("MinHeapFreeRatio", min);
            }
        } catch (RuntimeException e) {
            LOG.debug("heap free ratios not restored: {}", e.toString());
        }
    }

    /**
     * Gives the C library's free memory back to the system (`jcmd PID System.trim_native_heap`):
     * what the compilers, Neo4j and the parsers freed during the runs stays in glibc's arenas
     * otherwise. On jsoup's daemon at rest that is about 50 MB of its RSS (508 to 458 MB). Where
     * the JVM has no such command (another C library, another JVM) nothing happens.
     */
    private static void trimNativeHeap() {
        try {
            var server = java.lang.management.ManagementFactory.getPlatformMBeanServer();
            Object answer = server.invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "systemTrimNativeHeap",
                    new Object[] {new String[0]},
                    new String[] {String[].class.getName()});
            LOG.debug("native heap trimmed: {}", String.valueOf(answer).strip());
        } catch (javax.management.JMException | RuntimeException e) {
            LOG.debug("native heap not trimmed: {}", e.toString());
        }
    }

    /** After a compaction that gave the start-up cache back, reads it back in one go. */
    private void wake() {
        if (pagedOut) {
            pagedOut = false;
            StartupCachePages.willNeed();
        }
    }

    /** A watch on the requests folder, or null where the file system offers none. */
    private java.nio.file.WatchService requestWatcher() {
        try {
            Files.createDirectories(files.requestsDir());
            java.nio.file.WatchService w = files.requestsDir().getFileSystem().newWatchService();
            files.requestsDir()
                    .register(
                            w,
                            java.nio.file.StandardWatchEventKinds.ENTRY_CREATE,
                            java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY);
            return w;
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("no watch on {}: {}; polling every {} ms", files.requestsDir(), e.toString(), POLL_MILLIS);
            return null;
        }
    }

    private void handle(Driver driver, DirectWrites.Factory direct, Path claimed) {
        Path worktree = null;
        try {
            List<String> lines = Files.readAllLines(claimed, StandardCharsets.UTF_8);
            worktree = Path.of(lines.isEmpty() ? "" : lines.getFirst().trim());
            if (lines.isEmpty() || !Files.isDirectory(worktree)) {
                LOG.info("dropping a reindex request for {}: the folder is gone", worktree);
                return;
            }
            boolean full = lines.stream().skip(1).anyMatch(l -> l.trim().equals("full"));
            Reindexer.Outcome outcome = reindexer.reindex(driver, direct, worktree, full);
            if (outcome == Reindexer.Outcome.REBUILT) {
                toRehearse = worktree;
            } else if (outcome == Reindexer.Outcome.REFRESHED && worktree.equals(toRehearse)) {
                toRehearse = null; // a real refresh loaded and compiled what the rehearsal would
            }
            if (outcome == Reindexer.Outcome.WAIT) {
                deferredUntil.put(worktree, Instant.now().plus(DEFER));
                unclaim(claimed);
                return;
            }
            deferredUntil.remove(worktree);
            failures.remove(worktree);
        } catch (RuntimeException | IOException e) {
            LOG.warn("reindex of {} failed: {}", worktree, e.toString(), e);
            if (worktree != null && failures.merge(worktree, 1, Integer::sum) <= MAX_RETRIES) {
                // A transient failure (a lock conflict, a client's schema call) is retried shortly;
                // a persistent one is dropped after a few tries and shows in index_status.
                deferredUntil.put(worktree, Instant.now().plus(DEFER));
                try {
                    unclaim(claimed);
                } catch (IOException ignored) {
                    // the request is lost; the next commit's hook asks again
                }
                return;
            }
        } finally {
            try {
                Files.deleteIfExists(claimed);
            } catch (IOException e) {
                LOG.debug("cannot remove {}: {}", claimed, e.toString());
            }
        }
    }

    /** Requests waiting to run: plain files in {@code requests/}, skipping deferred worktrees. */
    private List<Path> pendingRequests() throws IOException {
        try (Stream<Path> s = Files.list(files.requestsDir())) {
            return s.filter(p -> {
                        String n = p.getFileName().toString();
                        return !n.contains(".") && !deferred(p);
                    })
                    .sorted()
                    .toList();
        } catch (java.nio.file.NoSuchFileException e) {
            Files.createDirectories(files.requestsDir());
            return List.of();
        }
    }

    private boolean deferred(Path request) {
        try {
            Path worktree = Path.of(Files.readAllLines(request, StandardCharsets.UTF_8)
                    .getFirst()
                    .trim());
            Instant until = deferredUntil.get(worktree);
            return until != null && Instant.now().isBefore(until);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Path claim(Path request) {
        Path claimed = request.resolveSibling(request.getFileName() + ".claimed");
        try {
            return Files.move(request, claimed, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            return null; // claimed by another runner, or gone
        }
    }

    /** Puts a claimed request back unless a newer one arrived meanwhile. */
    private static void unclaim(Path claimed) throws IOException {
        String name = claimed.getFileName().toString();
        Path request = claimed.resolveSibling(name.substring(0, name.length() - ".claimed".length()));
        if (!Files.exists(request)) {
            Files.move(claimed, request, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Requests a killed daemon had claimed but not finished are owed again. */
    private void restoreClaimedRequests() throws IOException {
        try (Stream<Path> s = Files.list(files.requestsDir())) {
            for (Path p : s.filter(p -> p.toString().endsWith(".claimed")).toList()) {
                unclaim(p);
                Files.deleteIfExists(p);
            }
        }
    }

    private void rehearse(Driver driver, Path worktree) {
        long t0 = System.nanoTime();
        try {
            reindexer.rehearse(driver, worktree);
            LOG.debug("rehearsed a refresh of {} in {} ms", worktree, (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.debug("rehearsal of {} failed: {}", worktree, e.toString());
        }
    }

    private void warmUp() {
        long t0 = System.nanoTime();
        try {
            service.warmUp();
            LOG.debug("warmed up in {} ms", (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.debug("warm-up failed: {}", e.toString());
        }
    }

    /** Starts the {@link Service}, if any; a service that cannot start is logged, not fatal. */
    private AutoCloseable startService(Driver driver, DaemonEndpoint endpoint) {
        if (service == null) {
            return null;
        }
        try {
            return service.start(driver, EmbeddedStore.describe(files, endpoint), () -> lastServed = System.nanoTime());
        } catch (IOException | RuntimeException e) {
            LOG.warn("the daemon answers no command lines itself ({}); they connect over Bolt", e.toString());
            return null;
        }
    }

    private void republishIfMissing(DaemonEndpoint endpoint) {
        DaemonEndpoint published = DaemonEndpoint.read(files.endpointFile()).orElse(null);
        if (!endpoint.equals(published)) {
            LOG.info("endpoint file {} was removed or changed; writing it again", files.endpointFile());
            endpoint.write(files.endpointFile(), files.pidFile());
        }
    }

    private void removeEndpoint(DaemonEndpoint endpoint) {
        try {
            if (endpoint.equals(DaemonEndpoint.read(files.endpointFile()).orElse(null))) {
                Files.deleteIfExists(files.endpointFile());
                Files.deleteIfExists(files.pidFile());
            }
        } catch (IOException e) {
            LOG.debug("cannot remove the endpoint: {}", e.toString());
        }
    }
}
