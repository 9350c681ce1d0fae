package dev.graphmemory.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;

/**
 * {@link ExternalNeo4jContract} against the {@code neo4j} Docker image (the version of the embedded
 * store). Skipped, not failed, where no Docker engine answers.
 *
 * <p>The host port is fixed before start and advertised by the server, because a routing driver
 * ({@code neo4j://}) connects to the address in the server's routing table, not to the one it was
 * given.
 */
@Testcontainers(disabledWithoutDocker = true)
class Neo4jContainerIT extends ExternalNeo4jContract {
    private static final int PORT = freePort();

    @Container
    @SuppressWarnings("resource") // closed by the Testcontainers extension
    static final Neo4jContainer NEO4J = configure(new Neo4jContainer("neo4j:2026.08.1"));

    private static Neo4jContainer configure(Neo4jContainer c) {
        c.withAdminPassword(PASSWORD)
                .withEnv("NEO4J_server_bolt_advertised__address", "localhost:" + PORT)
                .withEnv("NEO4J_dbms_usage__report_enabled", "false");
        c.setPortBindings(List.of(PORT + ":7687"));
        return c;
    }

    @Override
    String boltUri() {
        return "bolt://localhost:" + PORT;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
