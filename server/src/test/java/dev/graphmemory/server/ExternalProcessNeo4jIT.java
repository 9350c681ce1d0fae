package dev.graphmemory.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/**
 * {@link ExternalNeo4jContract} against a Neo4j server in its own JVM ({@link ExternalNeo4jMain},
 * started with this test's classpath), so the driver speaks to a server it does not own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExternalProcessNeo4jIT extends ExternalNeo4jContract {
    private Process server;
    private Path serverErr;
    private String uri;

    @Override
    void startServer() throws IOException {
        Path home = Files.createTempDirectory("gm-external-neo4j");
        serverErr = home.resolve("stderr.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        server = new ProcessBuilder(List.of(
                        java,
                        "-Xmx512m",
                        // a short-lived server: quick start matters more than peak speed
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        ExternalNeo4jMain.class.getName(),
                        home.resolve("neo4j").toString(),
                        PASSWORD))
                .redirectError(serverErr.toFile())
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); ; line = out.readLine()) {
            if (line == null) {
                throw new IllegalStateException("the Neo4j server process ended before it listened: "
                        + Files.readString(serverErr, StandardCharsets.UTF_8));
            }
            if (line.startsWith("BOLT_PORT=")) {
                uri = "bolt://127.0.0.1:" + line.substring("BOLT_PORT=".length());
                break;
            }
        }
    }

    @Override
    String boltUri() {
        return uri;
    }

    @AfterAll
    void stopServer() throws Exception {
        if (server != null) {
            server.getOutputStream().close(); // its signal to shut down
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }
}
