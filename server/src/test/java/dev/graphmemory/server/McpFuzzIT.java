package dev.graphmemory.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Thousands of generated lines through one real {@code serve} process ({@link FuzzLines}: where-filters
 * for {@code graph_find}, Cypher for {@code graph_query}, JSON-RPC lines of every shape). Every line
 * that names a request is answered with its id, every line that cannot be named gets one error with
 * id null, the process lives through all of it, nothing is written (the repository's fingerprint and
 * the database's counts are unchanged), no answer carries the content of a planted file outside the
 * repository or the store's password, and no LOAD CSV reaches a listening socket. The seed is fixed
 * (override with {@code -Dfuzz.seed=N}) so a failure reproduces.
 */
class McpFuzzIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int LINES = 5_100;
    private static final int BATCH = 100;

    @TempDir
    Path tmp;

    @AfterEach
    void stopDaemon() {
        Daemons.stop(tmp.resolve("repo"));
    }

    @Test
    void everyLineIsAnsweredNothingIsWrittenAndNothingOutsideTheGraphIsRead() throws Exception {
        long seed = Long.getLong("fuzz.seed", 20_261_205L);
        Path repo = FixtureRepo.workflowRepo(tmp.resolve("repo"));
        String secret = "planted-secret-" + UUID.randomUUID();
        Path secretFile = Files.createDirectories(tmp.resolve("outside")).resolve("secret.csv");
        Files.writeString(secretFile, secret + "\n" + secret + "," + secret + "\n");

        try (ServeProcess serve = new ServeProcess(repo);
                ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            serve.request(
                    1,
                    "initialize",
                    "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                            + "\"clientInfo\":{\"name\":\"fuzz\",\"version\":\"1\"}}");
            serve.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            String countsBefore = counts(serve, 2);
            String fingerprintBefore = fingerprint(repo);
            String password =
                    Files.readString(repo.resolve(".graph-memory/credentials")).strip();
            List<String> urls = List.of(
                    secretFile.toUri().toString(),
                    repo.resolve(".graph-memory/credentials").toUri().toString(),
                    "file:///etc/passwd",
                    "http://127.0.0.1:" + listener.getLocalPort() + "/x.csv");

            FuzzLines lines = new FuzzLines(seed, urls);
            Answers answers = new Answers(serve);
            long start = System.nanoTime();
            int expectedNullIdErrors = 0;
            for (int sent = 0; sent < LINES; sent += BATCH) {
                Set<Long> pending = new HashSet<>();
                List<String> batch = new ArrayList<>();
                for (int i = 0; i < BATCH; i++) {
                    FuzzLines.Line line = lines.next();
                    batch.add(line.json());
                    switch (line.expect()) {
                        case OWN_ID -> pending.add(line.id());
                        case NULL_ID_ERROR -> expectedNullIdErrors++;
                        case NOTHING -> {}
                    }
                }
                for (String line : batch) {
                    serve.send(line);
                }
                answers.awaitIds(pending, seed, batch);
                assertThat(serve.process.isAlive())
                        .as("seed %d: serve ended", seed)
                        .isTrue();
            }
            // Errors for nameless lines are written before anything sent after them is answered.
            serve.request(3, "ping", "{}");
            answers.awaitIds(Set.of(3L), seed, List.of("ping"));
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);

            assertThat(answers.nullIdErrors)
                    .as("seed %d: errors with id null, one per line that names no request", seed)
                    .isEqualTo(expectedNullIdErrors);
            assertThat(answers.all)
                    .as("seed %d: no answer carries outside content", seed)
                    .noneMatch(a -> a.contains(secret))
                    .noneMatch(a -> a.contains(password))
                    .noneMatch(a -> a.contains("root:x:0:0"));
            assertThat(answers.succeededQueries)
                    .as("seed %d: some queries read the graph", seed)
                    .isGreaterThan(50);
            assertThat(counts(serve, 4)).as("seed %d: database counts", seed).isEqualTo(countsBefore);
            assertThat(fingerprint(repo)).as("seed %d: graph fingerprint", seed).isEqualTo(fingerprintBefore);
            listener.setSoTimeout(200);
            assertThatThrownBy(listener::accept)
                    .as("seed %d: a LOAD CSV reached the network", seed)
                    .isInstanceOf(SocketTimeoutException.class);
            assertThat(serve.endInput()).isZero();
            System.out.printf("McpFuzzIT: %d lines in %d s (seed %d)%n", LINES, seconds, seed);
        }
    }

    /** Node and relationship counts of the whole database, through graph_query. */
    private static String counts(ServeProcess serve, int id) throws Exception {
        JsonNode r = serve.request(
                id,
                "tools/call",
                "{\"name\":\"graph_query\",\"arguments\":{\"cypher\":\"MATCH (n) WITH count(n) AS nodes"
                        + " OPTIONAL MATCH ()-[r]->() RETURN nodes, count(r) AS relationships\"}}");
        assertThat(r.get("result").get("isError").asBoolean()).as(r.toString()).isFalse();
        return r.get("result").get("structuredContent").get("rows").toString();
    }

    private static String fingerprint(Path repo) {
        Launcher l = Launcher.run("--repo", repo.toString(), "stats", "--fingerprint");
        assertThat(l.exitCode()).as(l.err()).isZero();
        return l.out().strip();
    }

    /** Reads what serve wrote, keeping the ids answered and counting errors with id null. */
    private static final class Answers {
        private final ServeProcess serve;
        private final Set<Long> answered = new HashSet<>();
        private final List<String> all = new ArrayList<>();
        private int read;
        private int nullIdErrors;
        private int succeededQueries;

        Answers(ServeProcess serve) {
            this.serve = serve;
        }

        void awaitIds(Set<Long> ids, long seed, List<String> batch) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!answered.containsAll(ids)) {
                if (System.nanoTime() > deadline || !serve.process.isAlive()) {
                    Set<Long> missing = new HashSet<>(ids);
                    missing.removeAll(answered);
                    throw new AssertionError("seed " + seed + ": no answer to ids " + missing + " of the batch " + batch
                            + "; stderr: " + tail(Files.readString(serve.stderr)));
                }
                if (!drain()) {
                    Thread.sleep(5);
                }
            }
        }

        private boolean drain() {
            boolean any = false;
            while (read < serve.stdoutLines.size()) {
                String line = serve.stdoutLines.get(read++);
                any = true;
                all.add(line);
                JsonNode m = JSON.readTree(line);
                assertThat(m.get("jsonrpc").asString()).as(line).isEqualTo("2.0");
                JsonNode id = m.get("id");
                if (id == null) {
                    continue;
                }
                if (id.isNull()) {
                    assertThat(m.has("error")).as(line).isTrue();
                    nullIdErrors++;
                } else if (id.isIntegralNumber()) {
                    answered.add(id.asLong());
                    JsonNode content = m.path("result").path("structuredContent");
                    if (content.has("columns")
                            && !m.path("result").path("isError").asBoolean()) {
                        succeededQueries++;
                    }
                }
            }
            return any;
        }

        private static String tail(String s) {
            return s.length() > 4_000 ? s.substring(s.length() - 4_000) : s;
        }
    }
}
