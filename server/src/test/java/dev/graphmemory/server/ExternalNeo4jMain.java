package dev.graphmemory.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * A Neo4j server in its own JVM, for tests of the external-URI mode: Bolt on 127.0.0.1 with
 * authentication, the same Neo4j as the embedded store. It prints {@code BOLT_PORT=<port>} on
 * stdout once it accepts connections and shuts down when its stdin closes (so it never outlives
 * the test JVM that started it).
 *
 * <p>{@code java -cp <test classpath> dev.graphmemory.server.ExternalNeo4jMain <home> <password>}
 *
 * <p>The port is chosen before start (rather than 0) because a routing driver ({@code neo4j://})
 * connects to the address the server advertises in its routing table, which must be the real one.
 */
public final class ExternalNeo4jMain {
    private ExternalNeo4jMain() {}

    public static void main(String[] args) throws Exception {
        Path home = Files.createDirectories(Path.of(args[0]));
        String password = args[1];
        int port = freePort();
        SocketAddress bolt = new SocketAddress("127.0.0.1", port);
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, bolt)
                .setConfig(BoltConnector.advertised_address, bolt)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 64L * 1024 * 1024)
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ZERO)
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ZERO)
                .build();
        try {
            dbms.database("system")
                    .executeTransactionally(
                            "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
            System.out.println("BOLT_PORT=" + port);
            System.out.flush();
            InputStream in = System.in;
            while (in.read() >= 0) {
                // wait for the parent to close our stdin (or to die)
            }
        } finally {
            dbms.shutdown();
        }
        System.exit(0);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
