package dev.graphmemory.queries.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
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
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * A real embedded Neo4j with Bolt on 127.0.0.1, started once per test JVM and shared by every test
 * class that uses this extension (Neo4j takes 5-10 s to start). Tests keep apart by using their own
 * repository key ({@link #newRepoKey()}), the same scoping several repositories use in one database.
 *
 * <p>Use as {@code @ExtendWith(TestNeo4j.class)} and take a {@link Driver} parameter, or call
 * {@link #driver()} directly.
 */
public final class TestNeo4j implements ParameterResolver {
    private static volatile Running running;

    private record Running(DatabaseManagementService dbms, Driver driver, String uri, Path home) {}

    /** The shared driver, starting Neo4j on first use. */
    public static Driver driver() {
        return start().driver();
    }

    /** The shared database itself, for tests of what the store daemon writes in its own process. */
    public static org.neo4j.graphdb.GraphDatabaseService database() {
        return start().dbms().database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    }

    /** The Bolt URI of the shared database, for tests that start another process against it. */
    public static String boltUri() {
        return start().uri();
    }

    /** A repository key no other test uses. */
    public static String newRepoKey() {
        return "test-" + UUID.randomUUID();
    }

    private static Running start() {
        Running r = running;
        if (r != null) {
            return r;
        }
        synchronized (TestNeo4j.class) {
            if (running == null) {
                running = boot();
                Runtime.getRuntime().addShutdownHook(new Thread(TestNeo4j::stop, "test-neo4j-stop"));
            }
            return running;
        }
    }

    private static Running boot() {
        try {
            // As the store daemon does (see EmbeddedNeo4j): Neo4j's background jobs on platform
            // threads, so index sampling cannot starve a writer on a 2-core machine.
            System.setProperty("org.neo4j.scheduler.Group.enableVirtualThreads", "false");
            Path home = Files.createTempDirectory("gm-test-neo4j");
            DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
                    .setConfig(GraphDatabaseSettings.auth_enabled, false)
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, 64L * 1024 * 1024)
                    .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ZERO)
                    .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ZERO)
                    .build();
            GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            HostnamePort address = db.getDependencyResolver()
                    .resolveDependency(ConnectorPortRegister.class)
                    .getLocalAddress(ConnectorType.BOLT);
            String uri = "bolt://127.0.0.1:" + address.getPort();
            Driver driver = GraphDatabase.driver(
                    uri, AuthTokens.none(), Config.builder().withoutEncryption().build());
            driver.verifyConnectivity();
            return new Running(dbms, driver, uri, home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stop() {
        Running r = running;
        if (r != null) {
            r.driver().close();
            r.dbms().shutdown();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == Driver.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return driver();
    }
}
