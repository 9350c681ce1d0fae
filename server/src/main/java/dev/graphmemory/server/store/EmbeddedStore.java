package dev.graphmemory.server.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default store: an embedded Neo4j (Community) in {@code <repo>/.graph-memory/neo4j}, owned by
 * the repository's store daemon and reached over Bolt on 127.0.0.1 with the generated password.
 * Opening it finds the running daemon, or starts one (see {@link StoreDaemon}).
 *
 * <p>Design notes: the endpoint file is never trusted blindly. A client uses it only when its
 * process is alive, its version is this one, and its port answers with this store's credentials and
 * store id. Otherwise, under {@code daemon-start.lock} (so ten racing clients start one daemon), it
 * asks the OS whether a daemon holds {@code daemon.lock}: none → start one; one of another version
 * → stop it and start ours; one still starting → wait for its endpoint.
 */
public final class EmbeddedStore implements GraphStore {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStore.class);
    private static final long START_TIMEOUT_MILLIS = 180_000;
    private static final long STOP_TIMEOUT_MILLIS = 30_000;

    private final Driver driver;
    private final String repoKey;
    private final String description;
    private final long daemonPid;
    private volatile boolean closed;

    private EmbeddedStore(Driver driver, String repoKey, String description, long daemonPid) {
        this.driver = driver;
        this.repoKey = repoKey;
        this.description = description;
        this.daemonPid = daemonPid;
        watchDaemon();
    }

    /**
     * Closes the driver when the daemon's process ends, so that work under way fails at once
     * instead of retrying a store that is gone for the driver's 30 s (the next command, or the MCP
     * server's next call, starts a new daemon).
     */
    private void watchDaemon() {
        if (daemonPid == ProcessHandle.current().pid()) {
            return;
        }
        ProcessHandle.of(daemonPid).ifPresent(daemon -> daemon.onExit().thenRun(() -> {
            if (!closed) {
                LOG.warn("the graph-memory daemon (pid {}) ended; work under way on its store fails", daemonPid);
                driver.close();
            }
        }));
    }

    /** Connects to the daemon that owns the store of {@code worktree}'s repository, starting it if needed. */
    public static EmbeddedStore open(Path worktree, String repoKey) {
        StoreFiles files = StoreFiles.forWorktree(worktree);
        files.prepare();
        String password = files.password();
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (true) {
            Optional<EmbeddedStore> store = tryEndpoint(files, password, repoKey);
            if (store.isPresent()) {
                return store.get();
            }
            try (FileChannel channel =
                            FileChannel.open(files.startLock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = lock(channel, deadline, files)) {
                store = tryEndpoint(files, password, repoKey);
                if (store.isPresent()) {
                    return store.get();
                }
                startOrReplace(files, deadline);
            } catch (IOException e) {
                throw new StoreException("cannot use " + files.startLock() + ": " + e.getMessage(), e);
            }
            if (System.currentTimeMillis() > deadline) {
                throw new StoreException("the graph-memory daemon for " + files.storeRoot() + " did not come up within "
                        + START_TIMEOUT_MILLIS / 1000 + " s; see "
                        + files.logsDir().resolve("daemon.log"));
            }
        }
    }

    /**
     * Starts the daemon of {@code worktree}'s repository unless one of this version runs (one of
     * another version is replaced), without connecting to it: for a caller that only hands it work.
     */
    public static void startDaemon(Path worktree) {
        StoreFiles files = StoreFiles.forWorktree(worktree);
        files.prepare();
        if (ownDaemonRuns(worktree)) {
            return;
        }
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        try (FileChannel channel =
                        FileChannel.open(files.startLock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = lock(channel, deadline, files)) {
            while (!ownDaemonRuns(worktree)) {
                if (System.currentTimeMillis() > deadline) {
                    throw new StoreException("the graph-memory daemon for " + files.storeRoot()
                            + " did not come up within " + START_TIMEOUT_MILLIS / 1000 + " s; see "
                            + files.logsDir().resolve("daemon.log"));
                }
                startOrReplace(files, deadline);
            }
        } catch (IOException e) {
            throw new StoreException("cannot use " + files.startLock() + ": " + e.getMessage(), e);
        }
    }

    private static boolean ownDaemonRuns(Path worktree) {
        return runningDaemon(worktree)
                .filter(e -> e.version().equals(version()))
                .isPresent();
    }

    /** The daemon's endpoint as published, when its process is alive. */
    public static Optional<DaemonEndpoint> runningDaemon(Path worktree) {
        StoreFiles files = StoreFiles.forWorktree(worktree);
        if (!daemonHoldsLifeLock(files)) {
            return Optional.empty();
        }
        return DaemonEndpoint.read(files.endpointFile()).filter(DaemonEndpoint::alive);
    }

    /** Stops the repository's daemon (SIGTERM, then SIGKILL after 30 s); false when none ran. */
    public static boolean stopDaemon(Path worktree) {
        StoreFiles files = StoreFiles.forWorktree(worktree);
        Optional<DaemonEndpoint> endpoint = DaemonEndpoint.read(files.endpointFile());
        if (!daemonHoldsLifeLock(files)) {
            deleteQuietly(files.endpointFile());
            deleteQuietly(files.pidFile());
            return false;
        }
        if (endpoint.isEmpty()) {
            throw new StoreException("a graph-memory daemon holds " + files.lifeLock() + " but published no endpoint"
                    + " (still starting?); retry in a few seconds");
        }
        stop(files, endpoint.get());
        return true;
    }

    private static Optional<EmbeddedStore> tryEndpoint(StoreFiles files, String password, String repoKey) {
        Optional<DaemonEndpoint> endpoint = DaemonEndpoint.read(files.endpointFile());
        if (endpoint.isEmpty()
                || !endpoint.get().alive()
                || !endpoint.get().version().equals(version())) {
            return Optional.empty();
        }
        DaemonEndpoint e = endpoint.get();
        Driver driver = EmbeddedNeo4j.boltDriver(e.boltPort(), password, "graph-memory");
        try {
            // Fails at once when nothing listens on the port; the query alone would retry for 30 s.
            driver.verifyConnectivity();
            String storeId = driver.executableQuery("CALL db.info() YIELD id RETURN id")
                    .execute()
                    .records()
                    .getFirst()
                    .get("id")
                    .asString();
            if (!storeId.equals(e.storeId())) {
                LOG.info("port {} answers for another store ({}), not {}", e.boltPort(), storeId, e.storeId());
                driver.close();
                return Optional.empty();
            }
        } catch (RuntimeException ex) {
            LOG.debug("the daemon endpoint {} does not answer: {}", e, ex.toString());
            driver.close();
            return Optional.empty();
        }
        return Optional.of(new EmbeddedStore(driver, repoKey, describe(files, e), e.pid()));
    }

    /** How a store served by the daemon {@code e} describes itself ({@link #describe()}). */
    static String describe(StoreFiles files, DaemonEndpoint e) {
        return "embedded Neo4j at " + files.dir() + ", served by " + e.describe() + " (bolt://127.0.0.1:" + e.boltPort()
                + ")";
    }

    /**
     * Starts the repository's daemon when none of this build runs ({@link #startDaemon}) and
     * describes it as {@link #describe()} would, without a Bolt connection: {@code daemon start}
     * then ends when the daemon is up instead of also paying its first query.
     */
    public static String startAndDescribe(Path worktree) {
        startDaemon(worktree);
        StoreFiles files = StoreFiles.forWorktree(worktree);
        return runningDaemon(worktree)
                .map(e -> describe(files, e))
                .orElseThrow(() -> new StoreException("the graph-memory daemon for " + files.storeRoot()
                        + " ended right after its start; see " + files.logsDir().resolve("daemon.log")));
    }

    /** Under the start lock: start a daemon, replace one of another version, or wait for one starting. */
    private static void startOrReplace(StoreFiles files, long deadline) {
        Optional<DaemonEndpoint> endpoint = DaemonEndpoint.read(files.endpointFile());
        if (daemonHoldsLifeLock(files)) {
            if (endpoint.isPresent()
                    && endpoint.get().alive()
                    && !endpoint.get().version().equals(version())) {
                LOG.info(
                        "replacing the graph-memory daemon of version {} with version {}",
                        endpoint.get().version(),
                        version());
                stop(files, endpoint.get());
            } else {
                waitForEndpoint(files, null, deadline); // starting, or its endpoint was just unusable
                return;
            }
        }
        deleteQuietly(files.endpointFile());
        deleteQuietly(files.pidFile());
        long t0 = System.nanoTime();
        Process process = DaemonSpawner.spawn(files);
        waitForEndpoint(files, process, deadline);
        LOG.debug("graph-memory daemon started in {} ms", (System.nanoTime() - t0) / 1_000_000);
    }

    private static void waitForEndpoint(StoreFiles files, Process spawned, long deadline) {
        while (System.currentTimeMillis() < deadline) {
            Optional<DaemonEndpoint> e = DaemonEndpoint.read(files.endpointFile());
            if (e.isPresent() && e.get().alive() && e.get().version().equals(version())) {
                return;
            }
            if (spawned != null && !spawned.isAlive() && spawned.exitValue() != 0) {
                throw new StoreException("the graph-memory daemon for " + files.storeRoot() + " failed to start (exit "
                        + spawned.exitValue() + "): " + logTail(files));
            }
            if (spawned == null && !daemonHoldsLifeLock(files)) {
                return; // the daemon we waited for is gone: the caller starts afresh
            }
            sleep(50);
        }
    }

    private static void stop(StoreFiles files, DaemonEndpoint endpoint) {
        Optional<ProcessHandle> process = ProcessHandle.of(endpoint.pid());
        process.ifPresent(ProcessHandle::destroy);
        long until = System.currentTimeMillis() + STOP_TIMEOUT_MILLIS;
        while (daemonHoldsLifeLock(files) && System.currentTimeMillis() < until) {
            sleep(50);
        }
        if (daemonHoldsLifeLock(files)) {
            process.ifPresent(ProcessHandle::destroyForcibly);
            long kill = System.currentTimeMillis() + STOP_TIMEOUT_MILLIS;
            while (daemonHoldsLifeLock(files) && System.currentTimeMillis() < kill) {
                sleep(50);
            }
        }
    }

    /** Whether a live process holds {@code daemon.lock} (the OS releases it when the daemon dies). */
    static boolean daemonHoldsLifeLock(StoreFiles files) {
        return FileLocks.held(files.lifeLock());
    }

    private static FileLock lock(FileChannel channel, long deadline, StoreFiles files) throws IOException {
        while (true) {
            // null also when another thread of this JVM is starting the daemon: wait for it like for a process
            FileLock lock = FileLocks.tryLock(channel);
            if (lock != null) {
                return lock;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new StoreException("timed out waiting for " + files.startLock() + " (another client is starting"
                        + " the graph-memory daemon)");
            }
            sleep(50);
        }
    }

    private static String logTail(StoreFiles files) {
        Path log = files.logsDir().resolve("daemon.log");
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())) + "\n(full log: "
                    + log + ")";
        } catch (IOException e) {
            return "see " + log;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("cannot remove {}: {}", file, e.toString());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the graph-memory daemon", e);
        }
    }

    /**
     * graph-memory's version and build time, from the jar's manifest ({@code dev} when run from
     * classes): a daemon of another version or build is replaced.
     */
    public static String version() {
        return VERSION;
    }

    private static final String VERSION = readVersion();

    private static String readVersion() {
        String override = System.getProperty("gm.version.override"); // lets a test play an older build
        if (override != null) {
            return override;
        }
        String v = EmbeddedStore.class.getPackage().getImplementationVersion();
        if (v == null) {
            return "dev";
        }
        try (var jar = new java.util.jar.JarFile(Path.of(EmbeddedStore.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toFile())) {
            String build = jar.getManifest() == null
                    ? null
                    : jar.getManifest().getMainAttributes().getValue("Implementation-Build");
            return build == null ? v : v + "+" + build;
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            return v;
        }
    }

    @Override
    public Driver driver() {
        return driver;
    }

    @Override
    public String repoKey() {
        return repoKey;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public boolean alive() {
        return ProcessHandle.of(daemonPid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Override
    public void close() {
        closed = true;
        driver.close();
    }
}
