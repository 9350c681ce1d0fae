package dev.graphmemory.server.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default store: an embedded Neo4j (Community) in {@code <repo>/.graph-memory/neo4j}, with Bolt
 * on 127.0.0.1 only (a free port) and a generated password. Embedded Neo4j locks its store to one
 * process: when another graph-memory process already owns it, this one connects to that owner over
 * Bolt instead of failing; when the owner cannot be reached, the error names it.
 */
public final class EmbeddedStore implements GraphStore {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStore.class);
    private static final String USER = "neo4j";

    private final DatabaseManagementService dbms; // null when another process owns the store
    private final Driver driver;
    private final String repoKey;
    private final String description;
    private final Path ownerFile;

    private EmbeddedStore(
            DatabaseManagementService dbms, Driver driver, String repoKey, String description, Path ownerFile) {
        this.dbms = dbms;
        this.driver = driver;
        this.repoKey = repoKey;
        this.description = description;
        this.ownerFile = ownerFile;
    }

    /**
     * Opens the repository's embedded store, or connects to the process that owns it.
     *
     * @param pageCacheBytes Neo4j's page cache size
     * @param command what this process is, recorded for other processes' error messages
     */
    public static EmbeddedStore open(Path repoRoot, String repoKey, long pageCacheBytes, String command) {
        StoreFiles files = new StoreFiles(repoRoot);
        files.prepare();
        String password = files.password();
        Optional<OwnerRecord> owner = OwnerRecord.read(files.ownerFile()).filter(OwnerRecord::alive);
        if (owner.isPresent() && owner.get().pid() != ProcessHandle.current().pid()) {
            return connectToOwner(owner.get(), password, repoKey, files);
        }
        long t0 = System.nanoTime();
        DatabaseManagementService dbms = start(files, pageCacheBytes, repoRoot);
        LOG.debug("embedded Neo4j started in {} ms", (System.nanoTime() - t0) / 1_000_000);
        try {
            GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            Path passwordSet = files.neo4jHome().resolve(".password-set");
            if (!Files.exists(passwordSet)) {
                // Querying the system database costs ~2 s of Cypher warm-up: do it once per store.
                setPasswordOnFirstStart(dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME), password);
                Files.writeString(passwordSet, "");
            }
            int port = db.getDependencyResolver()
                    .resolveDependency(ConnectorPortRegister.class)
                    .getLocalAddress(ConnectorType.BOLT)
                    .getPort();
            LOG.debug("password checked at {} ms", (System.nanoTime() - t0) / 1_000_000);
            Driver driver = driver(port, password);
            driver.verifyConnectivity();
            LOG.debug("driver connected at {} ms", (System.nanoTime() - t0) / 1_000_000);
            new OwnerRecord(
                            ProcessHandle.current().pid(),
                            port,
                            version(),
                            command,
                            Instant.now().toString())
                    .write(files.ownerFile());
            String description = "embedded Neo4j at " + files.dir() + " (bolt://127.0.0.1:" + port + ")";
            return new EmbeddedStore(dbms, driver, repoKey, description, files.ownerFile());
        } catch (RuntimeException | java.io.IOException e) {
            dbms.shutdown();
            throw e instanceof RuntimeException r ? r : new StoreException(e.getMessage(), e);
        }
    }

    private static DatabaseManagementService start(StoreFiles files, long pageCacheBytes, Path repoRoot) {
        try {
            return new DatabaseManagementServiceBuilder(files.neo4jHome())
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", 0))
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes)
                    .setConfig(GraphDatabaseSettings.keep_logical_logs, "1 files")
                    // Bolt waits ~10 s at shutdown by default; a CLI call should end at once.
                    .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ZERO)
                    .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ZERO)
                    .build();
        } catch (RuntimeException e) {
            if (isLockFailure(e)) {
                String holder = OwnerRecord.read(files.ownerFile())
                        .map(OwnerRecord::describe)
                        .orElse("another process (no owner record; check `ps` for java processes using " + repoRoot
                                + ")");
                throw new StoreException(
                        "the graph store " + files.neo4jHome() + " is locked by " + holder
                                + "; stop that process, or point graph-memory at a shared Neo4j with --uri",
                        e);
            }
            throw new StoreException(
                    "cannot start the embedded Neo4j in " + files.neo4jHome() + ": " + e.getMessage()
                            + " (its log is in " + files.neo4jHome().resolve("logs") + ")",
                    e);
        }
    }

    private static EmbeddedStore connectToOwner(OwnerRecord owner, String password, String repoKey, StoreFiles files) {
        Driver driver = driver(owner.boltPort(), password);
        try {
            driver.verifyConnectivity();
        } catch (RuntimeException e) {
            driver.close();
            throw new StoreException(
                    "the graph store in " + files.dir() + " is held by " + owner.describe()
                            + ", and its Bolt port " + owner.boltPort() + " does not answer (" + e.getMessage()
                            + "); stop that process or wait for it to finish",
                    e);
        }
        LOG.debug("connected to the store owned by {}", owner.describe());
        String description = "embedded Neo4j at " + files.dir() + ", owned by " + owner.describe()
                + " (bolt://127.0.0.1:" + owner.boltPort() + ")";
        return new EmbeddedStore(null, driver, repoKey, description, null);
    }

    private static void setPasswordOnFirstStart(GraphDatabaseService system, String password) {
        boolean changeRequired = system.executeTransactionally(
                "SHOW USERS YIELD user, passwordChangeRequired WHERE user = $user RETURN passwordChangeRequired",
                java.util.Map.of("user", USER),
                r -> r.hasNext() && Boolean.TRUE.equals(r.next().get("passwordChangeRequired")));
        if (changeRequired) {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", java.util.Map.of("pw", password));
        }
    }

    private static Driver driver(int port, String password) {
        return GraphDatabase.driver(
                "bolt://127.0.0.1:" + port,
                AuthTokens.basic(USER, password),
                Config.builder()
                        .withoutEncryption()
                        .withLogging(Logging.slf4j())
                        .build());
    }

    private static boolean isLockFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals("FileLockException")
                    || String.valueOf(t.getMessage()).contains("store_lock")) {
                return true;
            }
        }
        return false;
    }

    static String version() {
        String v = EmbeddedStore.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
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
    public void close() {
        driver.close();
        if (dbms != null) {
            try {
                Files.deleteIfExists(ownerFile);
            } catch (java.io.IOException e) {
                LOG.warn("could not remove {}: {}", ownerFile, e.getMessage());
            }
            dbms.shutdown();
        }
    }
}
