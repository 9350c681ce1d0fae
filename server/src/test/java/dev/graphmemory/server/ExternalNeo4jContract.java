package dev.graphmemory.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The external-URI mode against a Neo4j server that graph-memory does not own, with
 * authentication: two repositories indexed through the CLI, one over {@code bolt://} and one over a
 * routing {@code neo4j://} URI, share the server, each scoped by its repository key. Subclasses
 * supply the server (a separate JVM, a container).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ExternalNeo4jContract {
    static final String USER = "neo4j";
    static final String PASSWORD = "external-test-pw";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    Path repoA;
    Path repoB;
    JsonNode statsABefore;
    JsonNode statsAAfter;
    JsonNode statsB;

    /** The server's {@code bolt://host:port} URI. */
    abstract String boltUri();

    /** The same server as a routing URI. */
    String routingUri() {
        return boltUri().replaceFirst("^bolt://", "neo4j://");
    }

    /** Starts the server when the subclass owns it (runs before anything else in this class). */
    void startServer() throws Exception {}

    @BeforeAll
    void indexTwoRepositories(@TempDir Path tmp) throws Exception {
        startServer();
        repoA = FixtureRepo.workflowRepo(tmp.resolve("a")).toRealPath();
        repoB = pythonRepo(tmp.resolve("b")).toRealPath();
        Cli index = cli(boltUri(), repoA, "index", "--json");
        assertThat(index.exitCode()).as(index.err()).isZero();
        statsABefore = json(cli(boltUri(), repoA, "stats", "--json"));
        Cli indexB = cli(routingUri(), repoB, "index", "--json");
        assertThat(indexB.exitCode()).as(indexB.err()).isZero();
        statsAAfter = json(cli(routingUri(), repoA, "stats", "--json"));
        statsB = json(cli(routingUri(), repoB, "stats", "--json"));
    }

    @Test
    void indexesAndQueriesThroughABoltUri() {
        assertThat(statsABefore.get("nodes").get("architecture:module").asLong())
                .isEqualTo(12);
        assertThat(statsABefore.get("indexed_commit").asString()).hasSize(40);
        JsonNode rows = json(cli(
                        boltUri(),
                        repoA,
                        "query",
                        "--json",
                        "MATCH (m:Module) WHERE m.repo = $repo AND m.path ENDS WITH 'auth/Handler.java' RETURN m.path AS p"))
                .get("rows");
        assertThat(rows).hasSize(1);
    }

    @Test
    void routingUriWritesAndReadsTheSameServer() {
        assertThat(statsB.get("nodes").get("architecture:module").asLong()).isEqualTo(2);
        assertThat(statsB.get("nodes").get("architecture:function").asLong()).isEqualTo(1);
        JsonNode rows = json(cli(
                        routingUri(),
                        repoB,
                        "query",
                        "--json",
                        "MATCH (a:Module)-[:IMPORTS]->(b:Module) WHERE a.repo = $repo AND b.path IS NOT NULL"
                                + " RETURN a.path AS a, b.path AS b"))
                .get("rows");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("a").asString()).isEqualTo("tool.py");
        assertThat(rows.get(0).get("b").asString()).isEqualTo("helpers.py");
    }

    @Test
    void repositoriesShareTheServerScopedByRepoKey() {
        assertThat(statsAAfter.get("nodes")).isEqualTo(statsABefore.get("nodes"));
        assertThat(statsAAfter.get("relationships")).isEqualTo(statsABefore.get("relationships"));
        Map<String, Long> perRepo = new HashMap<>();
        try (Driver driver = GraphDatabase.driver(boltUri(), AuthTokens.basic(USER, PASSWORD));
                Session session = driver.session()) {
            session.run("MATCH (m:Module) RETURN m.repo AS repo, count(*) AS n")
                    .forEachRemaining(r ->
                            perRepo.put(r.get("repo").asString(), r.get("n").asLong()));
        }
        assertThat(perRepo).containsEntry(repoA.toString(), 12L).containsEntry(repoB.toString(), 2L);
        JsonNode rows = json(cli(
                        routingUri(),
                        repoB,
                        "query",
                        "--json",
                        "MATCH (m:Module) WHERE m.repo = $repo RETURN m.path AS p"))
                .get("rows");
        assertThat(rows.findValuesAsString("p")).containsExactlyInAnyOrder("tool.py", "helpers.py");
    }

    @Test
    void aWrongPasswordNamesTheServerAndTheSettings() {
        Cli c = Cli.run("--repo", repoA.toString(), "--uri", boltUri(), "--user", USER, "--password", "wrong", "stats");
        assertThat(c.exitCode()).isNotZero();
        assertThat(c.err()).contains(boltUri()).contains("NEO4J_PASSWORD");
    }

    @Test
    void environmentVariablesSelectTheServer() {
        Launcher l = Launcher.run(
                Map.of("NEO4J_URI", routingUri(), "NEO4J_USERNAME", USER, "NEO4J_PASSWORD", PASSWORD),
                "--repo",
                repoB.toString(),
                "stats",
                "--json");
        assertThat(l.exitCode()).as(l.err()).isZero();
        assertThat(json(l.out()).get("nodes").get("architecture:module").asLong())
                .isEqualTo(2);
    }

    private static Cli cli(String uri, Path repo, String... args) {
        String[] all = new String[args.length + 8];
        System.arraycopy(
                new String[] {"--repo", repo.toString(), "--uri", uri, "--user", USER, "--password", PASSWORD},
                0,
                all,
                0,
                8);
        System.arraycopy(args, 0, all, 8, args.length);
        return Cli.run(all);
    }

    private static JsonNode json(Cli c) {
        assertThat(c.exitCode()).as(c.err()).isZero();
        return json(c.out());
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    /** A two-file Python repository: {@code tool.py} imports {@code helpers.py}. */
    private static Path pythonRepo(Path dir) throws IOException, org.eclipse.jgit.api.errors.GitAPIException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("helpers.py"), "def greet(name):\n    return 'hi ' + name\n");
        Files.writeString(dir.resolve("tool.py"), "import helpers\n\nprint(helpers.greet('x'))\n");
        try (Git git =
                Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            for (String f : List.of("helpers.py", "tool.py")) {
                git.add().addFilepattern(f).call();
            }
            git.commit()
                    .setMessage("Two modules")
                    .setAuthor("T", "t@example.com")
                    .setCommitter("T", "t@example.com")
                    .setSign(false)
                    .call();
        }
        return dir;
    }
}
