package dev.graphmemory.server.store;

import inet.ipaddr.IPAddressString;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.kernel.api.net.NetworkConnectionTracker;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * The embedded Neo4j itself, as the store daemon runs it: Bolt on 127.0.0.1 only (a free port),
 * authentication on with the generated password, logs in the store's folder.
 *
 * <p>Design notes. Queries a client sends must not reach beyond the graph, even one that got past
 * {@code graph_query}'s own checks: {@code LOAD CSV} may not read files
 * ({@code dbms.security.allow_csv_import_from_file_urls=false}, and {@code server.directories.import}
 * points at a folder that is never created) nor URLs ({@code internal.dbms.cypher_ip_blocklist}
 * blocks every IPv4 and IPv6 address; an internal setting, the only one Neo4j has for this), and no
 * plugin procedure is loaded ({@code dbms.security.procedures.allowlist} is empty; it does not
 * govern Neo4j's built-in procedures, which graph-memory itself uses).
 */
final class EmbeddedNeo4j implements AutoCloseable {
    static final String USER = "neo4j";

    /** The import folder LOAD CSV would read from: never created, and file URLs are off anyway. */
    static final String NO_IMPORT = "no-import";

    private static final List<IPAddressString> EVERY_ADDRESS =
            List.of(new IPAddressString("0.0.0.0/0"), new IPAddressString("::/0"));

    private final DatabaseManagementService dbms;
    private final GraphDatabaseAPI db;
    private final int port;
    private final String storeId;

    private EmbeddedNeo4j(DatabaseManagementService dbms, GraphDatabaseAPI db, int port, String storeId) {
        this.dbms = dbms;
        this.db = db;
        this.port = port;
        this.storeId = storeId;
    }

    static EmbeddedNeo4j start(StoreFiles files, long pageCacheBytes) {
        DatabaseManagementService dbms = build(files, pageCacheBytes);
        try {
            GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            Path passwordSet = files.neo4jHome().resolve(".password-set");
            if (!Files.exists(passwordSet)) {
                // Querying the system database costs ~2 s of Cypher warm-up: do it once per store.
                setPasswordOnFirstStart(dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME), files.password());
                Files.writeString(passwordSet, "");
            }
            int port = db.getDependencyResolver()
                    .resolveDependency(ConnectorPortRegister.class)
                    .getLocalAddress(ConnectorType.BOLT)
                    .getPort();
            String storeId = db.executeTransactionally(
                    "CALL db.info() YIELD id RETURN id",
                    Map.of(),
                    r -> String.valueOf(r.next().get("id")));
            return new EmbeddedNeo4j(dbms, db, port, storeId);
        } catch (RuntimeException | IOException e) {
            dbms.shutdown();
            throw e instanceof RuntimeException r ? r : new StoreException(e.getMessage(), e);
        }
    }

    /**
     * A driver for the store on {@code port} (loopback, the generated password). The user agent
     * names the client: the daemon counts only connections that are not its own as activity.
     */
    static org.neo4j.driver.Driver boltDriver(int port, String password, String agent) {
        return org.neo4j.driver.GraphDatabase.driver(
                "bolt://127.0.0.1:" + port,
                org.neo4j.driver.AuthTokens.basic(USER, password),
                org.neo4j.driver.Config.builder()
                        .withoutEncryption()
                        .withUserAgent(agent + "/" + EmbeddedStore.version())
                        .withLogging(org.neo4j.driver.Logging.slf4j())
                        .build());
    }

    int port() {
        return port;
    }

    /** Writes through this process's database, for the full runs the daemon makes (see {@link EmbeddedWrites}). */
    dev.graphmemory.indexer.write.DirectWrites.Factory directWrites() {
        return repo -> new EmbeddedWrites(db, repo);
    }

    /** The database's own id ({@code db.info()}), which tells this store from any other on a port. */
    String storeId() {
        return storeId;
    }

    /** Bolt connections open now whose client does not call itself {@code excludedAgent}. */
    long clientConnections(String excludedAgent) {
        return db.getDependencyResolver().resolveDependency(NetworkConnectionTracker.class).activeConnections().stream()
                .filter(c -> c.userAgent() == null || !c.userAgent().startsWith(excludedAgent))
                .count();
    }

    @Override
    public void close() {
        dbms.shutdown();
    }

    private static DatabaseManagementService build(StoreFiles files, long pageCacheBytes) {
        try {
            return new DatabaseManagementServiceBuilder(files.neo4jHome())
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", 0))
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes)
                    .setConfig(GraphDatabaseSettings.keep_logical_logs, "1 files")
                    .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                    .setConfig(
                            GraphDatabaseSettings.load_csv_file_url_root,
                            files.neo4jHome().resolve(NO_IMPORT))
                    .setConfig(GraphDatabaseInternalSettings.cypher_ip_blocklist, EVERY_ADDRESS)
                    .setConfig(GraphDatabaseSettings.procedure_allowlist, List.of())
                    // Bolt waits ~10 s at shutdown by default; stopping the daemon should be quick.
                    .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ZERO)
                    .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ZERO)
                    .build();
        } catch (RuntimeException e) {
            if (isLockFailure(e)) {
                throw new StoreException(
                        "the graph store " + files.neo4jHome() + " is locked by another process (a graph-memory"
                                + " daemon of another version, or a program using the folder); `graph-memory daemon"
                                + " stop` ends graph-memory's daemon",
                        e);
            }
            throw new StoreException(
                    "cannot start the embedded Neo4j in " + files.neo4jHome() + ": " + e.getMessage()
                            + " (its log is in " + files.neo4jHome().resolve("logs") + ")",
                    e);
        }
    }

    private static void setPasswordOnFirstStart(GraphDatabaseService system, String password) {
        boolean changeRequired = system.executeTransactionally(
                "SHOW USERS YIELD user, passwordChangeRequired WHERE user = $user RETURN passwordChangeRequired",
                Map.of("user", USER),
                r -> r.hasNext() && Boolean.TRUE.equals(r.next().get("passwordChangeRequired")));
        if (changeRequired) {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
        }
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
}
