package dev.graphmemory.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Many processes on one repository, as an orchestrator runs them: eight MCP servers and the CLI
 * querying while twenty commits land, and the store owner killed in the middle of indexing. Zero
 * errors, every answer valid, and the graph ends equal (by fingerprint) to a fresh full index.
 */
class ReliabilityIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path tmp;

    private final Daemons daemons = new Daemons();

    @AfterEach
    void stopDaemons() {
        daemons.stopAll();
    }

    @Test
    void eightServersAndTheCliQueryWhileTwentyCommitsLand() throws Exception {
        Path repo = daemons.fixture(tmp.resolve("busy"));
        Launcher first = Launcher.run("--repo", repo.toString(), "index");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(Launcher.run("--repo", repo.toString(), "hook", "install").exitCode())
                .isZero();

        List<ServeProcess> servers = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger answers = new AtomicInteger();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        List<Future<?>> clients = new ArrayList<>();
        // A thread per client: CompletableFuture's default pool has one thread on a 2-core machine,
        // where it ran the first server's query loop alone until the commits were done.
        ExecutorService threads = Executors.newFixedThreadPool(9);
        try {
            for (int i = 0; i < 8; i++) {
                servers.add(new ServeProcess(repo)); // all eight JVMs start at once
            }
            for (ServeProcess serve : servers) {
                JsonNode init = serve.request(
                        1,
                        "initialize",
                        "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                                + "\"clientInfo\":{\"name\":\"reliability\",\"version\":\"1\"}}");
                assertThat(init.has("result")).as(init.toString()).isTrue();
                serve.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            }
            for (ServeProcess serve : servers) {
                clients.add(threads.submit(() -> query(serve, stop, answers, errors)));
            }
            clients.add(threads.submit(() -> {
                while (!stop.get()) {
                    Launcher find = Launcher.run(
                            "--repo",
                            repo.toString(),
                            "find",
                            "--schema",
                            "architecture",
                            "--type",
                            "module",
                            "--limit",
                            "5",
                            "--json");
                    if (find.exitCode() != 0) {
                        errors.add("cli find: " + find.err());
                    } else {
                        JsonNode rows = JSON.readTree(find.out()).get("rows");
                        if (rows == null || rows.isEmpty()) {
                            errors.add("cli find answered no modules: " + find.out());
                        }
                        answers.incrementAndGet();
                    }
                }
            }));

            for (int i = 0; i < 20; i++) {
                Path file = repo.resolve("src/main/java/com/acme/Burst" + (i % 7) + ".java");
                Files.writeString(
                        file,
                        "package com.acme;\n\npublic class Burst" + (i % 7) + " {\n    int v() { return " + i
                                + "; }\n}\n");
                GitCli.ok(repo, "add", ".");
                GitCli.ok(repo, "commit", "-qm", "burst " + i);
            }
            HookIT.awaitCurrent(repo);
        } finally {
            stop.set(true);
            threads.shutdown();
            for (Future<?> c : clients) {
                c.get(300, TimeUnit.SECONDS);
            }
            for (ServeProcess serve : servers) {
                assertThat(serve.endInput()).isZero();
                assertThat(serve.stdoutLines)
                        .allSatisfy(
                                l -> assertThat(JSON.readTree(l).has("jsonrpc")).isTrue());
            }
        }
        assertThat(errors).isEmpty();
        assertThat(answers.get()).isGreaterThan(8);
        assertThat(HookIT.fingerprint(repo)).isEqualTo(HookIT.freshFingerprint(repo));
    }

    private static void query(
            ServeProcess serve, AtomicBoolean stop, AtomicInteger answers, ConcurrentLinkedQueue<String> errors) {
        int id = 10;
        String[] calls = {
            "{\"name\":\"graph_find\",\"arguments\":{\"schema\":\"architecture\",\"type\":\"module\",\"limit\":5}}",
            "{\"name\":\"graph_neighbors\",\"arguments\":{\"node_id\":"
                    + "\"architecture:module:src/main/java/com/acme/auth/Handler.java\",\"direction\":\"in\"}}",
            "{\"name\":\"index_status\",\"arguments\":{}}",
            "{\"name\":\"graph_stats\",\"arguments\":{}}"
        };
        try {
            while (!stop.get()) {
                String call = calls[id % calls.length];
                JsonNode r = serve.request(id++, "tools/call", call);
                JsonNode result = r.get("result");
                if (result == null || result.get("isError").asBoolean() || !result.has("structuredContent")) {
                    errors.add(call + " -> " + r);
                } else if (!result.get("structuredContent").has("stale")) {
                    errors.add(call + " answered without a stamp: " + r);
                } else {
                    answers.incrementAndGet();
                }
            }
        } catch (Exception e) {
            errors.add("server " + serve.process.pid() + ": " + e);
        }
    }

    @Test
    void killingTheStoreOwnerInTheMiddleOfIndexingIsRecoveredWithNoManualStep() throws Exception {
        Path repo = daemons.track(ownSourcesRepo(tmp.resolve("killed")));
        Launcher first = Launcher.run("--repo", repo.toString(), "index");
        assertThat(first.exitCode()).as(first.err()).isZero();
        for (int round = 0; round < 3; round++) {
            CompletableFuture<Launcher> index =
                    CompletableFuture.supplyAsync(() -> Launcher.run("--repo", repo.toString(), "index", "--full"));
            long daemon = awaitRunUnderWay(repo);
            ProcessHandle.of(daemon).orElseThrow().destroyForcibly();
            Launcher interrupted = index.get(300, TimeUnit.SECONDS);
            // The run lost its store: it fails with a message (or had just finished).
            assertThat(interrupted.exitCode() == 0 || !interrupted.err().isBlank())
                    .isTrue();

            Launcher again = Launcher.run("--repo", repo.toString(), "index");
            assertThat(again.exitCode()).as(again.err()).isZero();
        }
        assertThat(HookIT.fingerprint(repo)).isEqualTo(HookIT.freshFingerprint(repo));
    }

    /** Waits until an index run is under way, and returns the daemon's pid. */
    private static long awaitRunUnderWay(Path repo) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            Path runs = repo.resolve(".git/graph-memory/runs");
            Path endpoint = repo.resolve(".graph-memory/daemon.json");
            if (Files.isDirectory(runs) && Files.exists(endpoint)) {
                try (Stream<Path> s = Files.list(runs)) {
                    for (Path p : s.filter(p -> p.toString().endsWith(".json")).toList()) {
                        String text = Files.readString(p);
                        if (text.contains("\"state\":\"running\"")) {
                            return JSON.readTree(Files.readString(endpoint))
                                    .get("pid")
                                    .asLong();
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // a file being replaced: look again
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no index run started");
    }

    /** A repository of real code: this project's main sources, committed. */
    private static Path ownSourcesRepo(Path dir) throws Exception {
        Path project = Launcher.projectRoot();
        for (String module : List.of("queries", "indexer", "server")) {
            Path from = project.resolve(module).resolve("src/main/java");
            try (Stream<Path> files = Files.walk(from)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Path to = dir.resolve(module).resolve(from.relativize(f));
                    Files.createDirectories(to.getParent());
                    Files.copy(f, to);
                }
            }
        }
        GitCli.ok(dir, "init", "-q");
        GitCli.ok(dir, "add", ".");
        GitCli.ok(dir, "commit", "-qm", "own sources");
        return dir.toRealPath();
    }
}
