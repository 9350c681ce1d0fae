package dev.graphmemory.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.queries.schema.GraphSchema;
import dev.graphmemory.queries.testkit.TestNeo4j;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The default set-up as a user meets it: the launcher, the packaged jar, and the embedded store in
 * {@code <repo>/.graph-memory/} owned by the repository's store daemon, each command its own
 * process. Covers the owner pitfalls of the design: racing starts, a killed daemon, a stale or
 * foreign endpoint, a daemon of an older version, a client's process group being signalled, and the
 * idle stop.
 */
class EmbeddedStoreIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path tmp;

    private final Daemons daemons = new Daemons();

    @AfterEach
    void stopDaemons() {
        daemons.stopAll();
    }

    private Path repo(String name) throws Exception {
        return daemons.fixture(tmp.resolve(name));
    }

    @Test
    void indexesIntoAPrivateStoreThatGitNeverSees() throws Exception {
        Path repo = repo("repo");
        Launcher index = Launcher.run("--repo", repo.toString(), "index");
        assertThat(index.exitCode()).as(index.err()).isZero();
        assertThat(index.out()).startsWith("indexed 10 files").contains("3 commits");
        assertThat(index.err()).doesNotContain("INFO").doesNotContain("WARN");

        Path store = repo.resolve(".graph-memory");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.resolve("credentials"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store)))
                .isEqualTo("rwx------");
        assertThat(Files.readString(repo.resolve(".git/info/exclude"))).contains("/.graph-memory/");
        try (Git git = Git.open(repo.toFile())) {
            assertThat(git.status().call().getUntracked()).isEmpty();
        }

        JsonNode stats = stats(repo);
        assertThat(stats.get("nodes").get("architecture:module").asLong()).isEqualTo(12);
        assertThat(stats.get("store").asString()).startsWith("embedded Neo4j at " + store);
        assertThat(stats.get("store").asString()).contains("bolt://127.0.0.1:");

        // The daemon made the fresh store's schema through the core API: it must be, index for index,
        // the one GraphSchema's Cypher statements make (the shared test database's).
        GraphSchema.ensure(TestNeo4j.driver());
        int port = JSON.readTree(Files.readString(store.resolve("daemon.json")))
                .get("boltPort")
                .asInt();
        String password = Files.readString(store.resolve("credentials")).trim();
        try (Driver daemonStore = GraphDatabase.driver(
                "bolt://127.0.0.1:" + port,
                AuthTokens.basic("neo4j", password),
                Config.builder().withoutEncryption().build())) {
            assertThat(schemaRows(daemonStore))
                    .hasSize(GraphSchema.definitions().size() + 2);
            assertThat(schemaRows(daemonStore)).isEqualTo(schemaRows(TestNeo4j.driver()));
        }

        theDaemonAnswersReadCommandsItself(repo, store);
        theDaemonRunsMcpSessions(repo);

        Launcher stop = Launcher.run("--repo", repo.toString(), "daemon", "stop");
        assertThat(stop.out()).contains("stopped");
        assertThat(store.resolve("daemon.json")).doesNotExist();
        assertThat(store.resolve("cli.endpoint")).doesNotExist();
        assertThat(Launcher.run("--repo", repo.toString(), "daemon", "status").exitCode())
                .isEqualTo(3);
    }

    /**
     * The launcher has the running daemon answer {@code find} and the other read commands over a
     * loopback socket (no JVM start): the same output and exit codes as a JVM of their own; and the
     * socket runs nothing for a wrong token, another repository or a command that is not a read
     * (but {@code index}, whose run is the daemon's anyway).
     */
    private void theDaemonAnswersReadCommandsItself(Path repo, Path store) throws Exception {
        Path cli = store.resolve("cli.endpoint");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cli)))
                .isEqualTo("rw-------");
        String[] find = {
            "--repo", repo.toString(), "find", "--schema", "architecture", "--type", "module", "--limit", "3"
        };
        Launcher direct = Launcher.run(Map.of("GRAPH_MEMORY_DIRECT", "only"), find);
        Launcher ownJvm = Launcher.run(Map.of("GRAPH_MEMORY_DIRECT", "off"), find);
        assertThat(direct.exitCode()).as(direct.err()).isZero();
        assertThat(direct.out()).contains("rows 3 of 12").isEqualTo(ownJvm.out());
        Launcher mistake = Launcher.run(
                Map.of("GRAPH_MEMORY_DIRECT", "only"), "--repo", repo.toString(), "query", "CREATE (n) RETURN n");
        assertThat(mistake.exitCode()).isEqualTo(2);
        assertThat(mistake.err()).contains("refused: CREATE");
        // From a folder inside the repository, with no --repo.
        Launcher inside = Launcher.runIn(repo.resolve("src"), Map.of("GRAPH_MEMORY_DIRECT", "only"), "stats", "--json");
        assertThat(inside.exitCode()).as(inside.err()).isZero();
        assertThat(JSON.readTree(inside.out())
                        .get("nodes")
                        .get("architecture:module")
                        .asLong())
                .isEqualTo(12);

        String[] endpoint = Files.readString(cli).trim().split(" ");
        assertThat(endpoint).hasSize(4);
        int port = Integer.parseInt(endpoint[0]);
        String token = endpoint[1];
        String refused = "fallback\0";
        assertThat(ask(port, "0".repeat(token.length()), repo, "stats")).isEqualTo(refused);
        assertThat(ask(port, token, repo, "daemon", "stop")).isEqualTo(refused);
        assertThat(ask(port, token, repo, "init")).isEqualTo(refused);
        // gaps, but not with a path the caller's folder resolves
        assertThat(ask(port, token, repo, "gaps", "--explain", "src/a.py")).isEqualTo(refused);
        assertThat(ask(port, token, repo, "gaps", "--plan=docs/plan.md")).isEqualTo(refused);
        Launcher gapsDirect =
                Launcher.run(Map.of("GRAPH_MEMORY_DIRECT", "only"), "--repo", repo.toString(), "gaps", "--json");
        Launcher gapsOwnJvm =
                Launcher.run(Map.of("GRAPH_MEMORY_DIRECT", "off"), "--repo", repo.toString(), "gaps", "--json");
        assertThat(gapsDirect.exitCode()).as(gapsDirect.err()).isEqualTo(gapsOwnJvm.exitCode());
        assertThat(JSON.readTree(gapsDirect.out()).get("total"))
                .isEqualTo(JSON.readTree(gapsOwnJvm.out()).get("total"));
        assertThat(ask(port, token, repo, "stats", "--verbose")).isEqualTo(refused);
        assertThat(ask(port, token, tmp, "stats")).isEqualTo(refused);
        assertThat(ask(port, token, repo, "stats", "--json")).startsWith("0\0\0{");
        // Loopback only: no other address of this machine answers on the port.
        for (var nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            for (var address : java.util.Collections.list(nic.getInetAddresses())) {
                if (!address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                    try (java.net.Socket s = new java.net.Socket()) {
                        s.connect(new java.net.InetSocketAddress(address, port), 2000);
                        throw new AssertionError("the command-line port answers on " + address);
                    } catch (java.io.IOException expected) {
                        // refused, as it must be
                    }
                }
            }
        }
        // index, from a hook or a script (stderr no terminal): the daemon's own run, asked and awaited
        // on the socket; the summary is the one a JVM of its own prints.
        Launcher index = Launcher.run(Map.of("GRAPH_MEMORY_DIRECT", "only"), "--repo", repo.toString(), "index");
        assertThat(index.exitCode()).as(index.err()).isZero();
        assertThat(index.out()).contains("indexed ").contains(" unchanged,");
        // status asks whether a daemon runs (a probe of daemon.lock), which in the daemon itself must
        // not drop the daemon's own lock: it is still running, and still stoppable, after.
        Launcher status = Launcher.run(Map.of("GRAPH_MEMORY_DIRECT", "only"), "--repo", repo.toString(), "status");
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).contains("served by daemon pid");
        assertThat(Launcher.run("--repo", repo.toString(), "daemon", "status").exitCode())
                .isZero();
    }

    /**
     * {@code serve} with a daemon of this build running is an MCP session in the daemon, bridged by
     * the launcher ({@code GRAPH_MEMORY_DIRECT=only} fails instead of starting a JVM): it answers
     * like a JVM's server, two at once, a bad line included; a request sent just before stdin ends
     * is still answered; and a client's SIGTERM ends the launcher without touching the daemon.
     */
    private void theDaemonRunsMcpSessions(Path repo) throws Exception {
        Map<String, String> only = Map.of("GRAPH_MEMORY_DIRECT", "only");
        String init = "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}";
        String find = "{\"name\":\"graph_find\",\"arguments\":{\"schema\":\"architecture\","
                + "\"type\":\"module\",\"limit\":3}}";
        try (ServeProcess one = new ServeProcess(repo, List.of(), only);
                ServeProcess two = new ServeProcess(repo, List.of(), only)) {
            for (ServeProcess serve : List.of(one, two)) {
                JsonNode answer = serve.request(1, "initialize", init);
                assertThat(answer.get("result").get("serverInfo").get("name").asString())
                        .isEqualTo("graph-memory");
                serve.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            }
            one.send("{not json");
            JsonNode tools = two.request(2, "tools/list", "{}");
            assertThat(tools.get("result").get("tools").toString()).contains("\"graph_find\"");
            one.send("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":" + find + "}");
            assertThat(one.endInput()).isZero();
            JsonNode found = one.response(3);
            assertThat(found.get("result").path("isError").asBoolean(false)).isFalse();
            assertThat(found.get("result").toString()).contains("architecture:module:");
            assertThat(one.stdoutLines).allSatisfy(line -> assertThat(line).startsWith("{\"jsonrpc\":\"2.0\""));
            assertThat(one.stdoutLines.toString()).contains("-32700");
            two.process.destroy();
            assertThat(two.process.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(two.process.exitValue()).isEqualTo(143);
        }
        assertThat(Launcher.run("--repo", repo.toString(), "daemon", "status").exitCode())
                .isZero();
    }

    /** One request on the daemon's command-line socket, as the launcher sends it; the whole answer. */
    private static String ask(int port, String token, Path worktree, String... args) throws Exception {
        try (java.net.Socket s = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
            StringBuilder request = new StringBuilder(token + "\0" + worktree + "\0" + args.length + "\0");
            for (String a : args) {
                request.append(a).append('\0');
            }
            s.getOutputStream().write(request.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            return new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void tenClientsRacingToStartTheStoreEndWithOneDaemon() throws Exception {
        Path repo = repo("race");
        // A thread each: CompletableFuture's default pool has one thread on a 2-core machine, which
        // started the ten clients one after the other.
        List<Future<Launcher>> clients = new ArrayList<>();
        List<Long> pids = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(10)) {
            for (int i = 0; i < 10; i++) {
                clients.add(threads.submit(() -> Launcher.run("--repo", repo.toString(), "stats", "--json")));
            }
            for (Future<Launcher> c : clients) {
                Launcher l = c.get(300, TimeUnit.SECONDS);
                assertThat(l.exitCode()).as(l.err()).isZero();
                pids.add(daemonPid(JSON.readTree(l.out())));
            }
        }
        assertThat(pids).containsOnly(pids.getFirst());
        assertThat(ProcessHandle.of(pids.getFirst()).map(ProcessHandle::isAlive))
                .contains(true);
    }

    @Test
    void aKilledDaemonIsReplacedByTheNextClient() throws Exception {
        Path repo = repo("killed");
        long first = daemonPid(stats(repo));
        ProcessHandle daemon = ProcessHandle.of(first).orElseThrow();
        daemon.destroyForcibly(); // kill -9: no clean-up, the endpoint file stays behind
        assertThat(daemon.onExit().get(60, TimeUnit.SECONDS).isAlive()).isFalse();
        assertThat(repo.resolve(".graph-memory/daemon.json")).exists();

        long second = daemonPid(stats(repo));
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void anEndpointWhosePortDoesNotAnswerOrIsAnotherStoreIsNotTrusted() throws Exception {
        Path repo = repo("stale");
        Path other = repo("other");
        long otherDaemon = daemonPid(stats(other));
        int otherPort = JSON.readTree(Files.readString(other.resolve(".graph-memory/daemon.json")))
                .get("boltPort")
                .asInt();
        String version = JSON.readTree(Files.readString(other.resolve(".graph-memory/daemon.json")))
                .get("version")
                .asString();
        Files.createDirectories(repo.resolve(".graph-memory"));
        // A live process (this JVM) on a port that answers, but is another repository's store.
        Files.writeString(
                repo.resolve(".graph-memory/daemon.json"),
                "{\"pid\":" + ProcessHandle.current().pid() + ",\"boltPort\":" + otherPort + ",\"version\":\"" + version
                        + "\",\"storeId\":\"x\",\"started\":\"2026-11-21T00:00:00Z\"}");
        long own = daemonPid(stats(repo));
        assertThat(own)
                .isNotEqualTo(otherDaemon)
                .isNotEqualTo(ProcessHandle.current().pid());

        Daemons.stop(repo);
        Files.writeString(
                repo.resolve(".graph-memory/daemon.json"),
                "{\"pid\":" + ProcessHandle.current().pid() + ",\"boltPort\":1,\"version\":\"" + version
                        + "\",\"storeId\":\"x\",\"started\":\"2026-11-21T00:00:00Z\"}");
        assertThat(daemonPid(stats(repo))).isNotEqualTo(ProcessHandle.current().pid());
    }

    @Test
    void aDaemonOfAnotherVersionIsReplaced() throws Exception {
        Path repo = repo("old");
        // Added to the options the build gives every graph-memory JVM of the tests, not instead of them.
        String opts = System.getenv().getOrDefault("GRAPH_MEMORY_JAVA_OPTS", "");
        Launcher old = Launcher.run(
                Map.of("GRAPH_MEMORY_JAVA_OPTS", opts + " -Dgm.version.override=0.0.1-old"),
                "--repo",
                repo.toString(),
                "daemon",
                "start");
        assertThat(old.exitCode()).as(old.err()).isZero();
        long oldPid = JSON.readTree(Files.readString(repo.resolve(".graph-memory/daemon.json")))
                .get("pid")
                .asLong();
        JsonNode stats = stats(repo);
        assertThat(stats.get("store").asString()).doesNotContain("0.0.1-old");
        assertThat(daemonPid(stats)).isNotEqualTo(oldPid);
        assertThat(ProcessHandle.of(oldPid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
    }

    @Test
    void theDaemonOutlivesTheProcessGroupOfTheServerThatStartedIt() throws Exception {
        Path repo = repo("group");
        // An MCP client ends its server by signalling the server's process group.
        ChildJvmArchive.awaitReady();
        Process serve = new ProcessBuilder(
                        "setsid",
                        Launcher.projectRoot().resolve("graph-memory").toString(),
                        "--repo",
                        repo.toString(),
                        "daemon",
                        "start")
                .redirectErrorStream(true)
                .start();
        assertThat(serve.waitFor(180, TimeUnit.SECONDS)).isTrue();
        long daemon = JSON.readTree(Files.readString(repo.resolve(".graph-memory/daemon.json")))
                .get("pid")
                .asLong();
        long group = serve.pid();
        new ProcessBuilder("kill", "-TERM", "--", "-" + group).start().waitFor(10, TimeUnit.SECONDS);
        Thread.sleep(500);
        assertThat(ProcessHandle.of(daemon).map(ProcessHandle::isAlive)).contains(true);
        assertThat(daemonPid(stats(repo))).isEqualTo(daemon);
    }

    @Test
    void anIdleDaemonStopsItself() throws Exception {
        Path repo = repo("idle");
        Launcher stats =
                Launcher.run(Map.of("GRAPH_MEMORY_DAEMON_IDLE", "2s"), "--repo", repo.toString(), "stats", "--json");
        assertThat(stats.exitCode()).as(stats.err()).isZero();
        long pid = daemonPid(JSON.readTree(stats.out()));
        ProcessHandle daemon = ProcessHandle.of(pid).orElseThrow();
        assertThat(daemon.onExit().get(120, TimeUnit.SECONDS).isAlive()).isFalse();
        assertThat(repo.resolve(".graph-memory/daemon.json")).doesNotExist();
    }

    private static JsonNode stats(Path repo) {
        Launcher stats = Launcher.run("--repo", repo.toString(), "stats", "--json");
        assertThat(stats.exitCode()).as(stats.err()).isZero();
        return JSON.readTree(stats.out());
    }

    /** The daemon pid named in the store's description ("served by daemon pid N ..."). */
    private static long daemonPid(JsonNode stats) {
        String store = stats.get("store").asString();
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("daemon pid (\\d+)").matcher(store);
        assertThat(m.find()).as(store).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** Every graph-memory index and constraint, as SHOW INDEXES and SHOW CONSTRAINTS describe them. */
    private static List<Map<String, Object>> schemaRows(Driver driver) {
        try (Session session = driver.session()) {
            List<Map<String, Object>> rows = new ArrayList<>(session.run(
                            "SHOW INDEXES YIELD name, type, labelsOrTypes, properties, indexProvider, options, state"
                                    + " WHERE name STARTS WITH 'gm_' RETURN * ORDER BY name")
                    .list(r -> r.asMap()));
            rows.addAll(session.run("SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties, ownedIndex"
                            + " WHERE name STARTS WITH 'gm_' RETURN * ORDER BY name")
                    .list(r -> r.asMap()));
            return rows;
        }
    }
}
