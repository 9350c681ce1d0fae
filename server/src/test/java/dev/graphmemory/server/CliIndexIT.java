package dev.graphmemory.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.queries.testkit.TestNeo4j;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Indexes the workflow fixture (Java code, work units, a bug, decisions, three commits) through
 * the CLI into a real Neo4j reached by {@code --uri}, and checks the graph with Cypher.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliIndexIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    Path tmp;

    Path repo;
    String repoKey;
    JsonNode stats;
    JsonNode summary;
    Driver driver;

    @BeforeAll
    void indexFixture(@TempDir Path tmp) throws Exception {
        this.tmp = tmp;
        repo = FixtureRepo.workflowRepo(tmp.resolve("repo"));
        repoKey = repo.toRealPath().toString();
        driver = TestNeo4j.driver();
        Cli index = cli("index", "--json");
        assertThat(index.exitCode()).as(index.err()).isZero();
        summary = JsonMapper.builder().build().readTree(index.out());
        Cli s = cli("stats", "--json");
        assertThat(s.exitCode()).as(s.err()).isZero();
        stats = JsonMapper.builder().build().readTree(s.out());
    }

    private Cli cli(String... args) {
        return Cli.onTestStore(repo, args);
    }

    private List<Record> cypher(String query) {
        try (Session session = driver.session()) {
            return session.run(query, Map.of("repo", repoKey)).list();
        }
    }

    private List<String> column(String query) {
        return cypher(query).stream().map(r -> r.get(0).asString()).sorted().toList();
    }

    @Test
    void statsCountEveryNodeKind() {
        JsonNode nodes = stats.get("nodes");
        assertThat(stats.get("indexed_commit").asString()).hasSize(40);
        assertThat(nodes.get("architecture:module").asLong())
                .isEqualTo(12); // 10 Java files + pom.xml stub + missing file
        assertThat(nodes.get("architecture:cli_entry").asLong()).isEqualTo(3);
        assertThat(nodes.get("architecture:class").asLong()).isEqualTo(10);
        assertThat(nodes.get("architecture:function").asLong()).isEqualTo(11);
        assertThat(nodes.get("workflow:work_unit").asLong()).isEqualTo(3);
        assertThat(nodes.get("workflow:commit").asLong()).isEqualTo(3);
        assertThat(nodes.get("issues:bug").asLong()).isEqualTo(1);
        assertThat(nodes.get("decisions:adr").asLong()).isEqualTo(1);
        assertThat(nodes.get("decisions:anti_pattern").asLong()).isEqualTo(1);
        assertThat(nodes.get("architecture:build_module").asLong()).isEqualTo(1);
    }

    @Test
    void statsCountEveryRelationshipKind() {
        JsonNode rels = stats.get("relationships");
        assertThat(rels.get("IMPORTS").asLong()).isEqualTo(6);
        assertThat(rels.get("EXTENDS").asLong()).isEqualTo(1);
        assertThat(rels.get("IMPLEMENTS").asLong()).isEqualTo(2);
        assertThat(rels.get("CALLS").asLong()).isEqualTo(4);
        assertThat(rels.get("TESTS").asLong()).isEqualTo(1);
        // 9 top-level + 1 nested class + 11 functions, and the pom.xml's build module → its 10 files
        assertThat(rels.get("DECLARES").asLong()).isEqualTo(31);
        assertThat(rels.get("TOUCHES").asLong()).isEqualTo(5);
        assertThat(rels.get("DEPENDS_ON").asLong()).isEqualTo(1);
        assertThat(rels.get("AFFECTS").asLong()).isEqualTo(2);
        assertThat(rels.get("CAUSED_BY").asLong()).isEqualTo(2);
        assertThat(rels.get("MENTIONS").asLong()).isEqualTo(4);
        assertThat(rels.get("MODIFIES").asLong()).isEqualTo(12);
    }

    @Test
    void idsFollowTheDesignFormat() {
        assertThat(column("MATCH (n:Function {repo: $repo}) WHERE n.name = 'login' RETURN n.id"))
                .containsExactly(
                        "architecture:function:com.acme.auth.Authenticator#login(String,char[])",
                        "architecture:function:com.acme.auth.Handler#login(String,char[])");
        assertThat(column("MATCH (n:Class {repo: $repo}) WHERE n.name = 'Session' RETURN n.id"))
                .containsExactly("architecture:class:com.acme.auth.Handler.Session");
        assertThat(column("MATCH (n:WorkUnit {repo: $repo}) RETURN n.id"))
                .containsExactly("workflow:work_unit:WU-281", "workflow:work_unit:WU-282", "workflow:work_unit:WU-290");
        assertThat(column("MATCH (n:Commit {repo: $repo}) RETURN n.id"))
                .allSatisfy(id -> assertThat(id).matches("workflow:commit:[0-9a-f]{40}"));
    }

    @Test
    void entryPointsAreModulesWithTheirKind() {
        List<Record> rows =
                cypher("MATCH (n:CliEntry:Module {repo: $repo}) RETURN n.path AS p, n.entry_kinds AS k ORDER BY p");
        assertThat(rows)
                .extracting(r -> r.get("p").asString() + " " + r.get("k").asList())
                .containsExactly(
                        "src/main/java/com/acme/App.java [main]",
                        "src/main/java/com/acme/cli/Tool.java [main, picocli]",
                        "src/main/java/com/acme/spi/impl/FastPlugin.java [service_loader]");
    }

    @Test
    void workUnitLinksAndTheCommitThatCompletedIt() {
        assertThat(column("MATCH (:WorkUnit {repo: $repo, key: 'WU-281'})-[:TOUCHES]->(m) RETURN m.path"))
                .containsExactly(
                        "src/main/java/com/acme/auth/Handler.java",
                        "src/main/java/com/acme/auth/TokenCache.java",
                        "src/old/Gone.java");
        assertThat(column("MATCH (m:Module {repo: $repo}) WHERE m.missing = true RETURN m.path"))
                .containsExactly("src/old/Gone.java");
        List<Record> done = cypher("MATCH (c:Commit {repo: $repo})-[:MENTIONS]->(:WorkUnit {key: 'WU-281'})"
                + " RETURN c.message AS m, c.time AS t");
        assertThat(done).singleElement().satisfies(r -> {
            assertThat(r.get("m").asString()).isEqualTo(FixtureRepo.FIX_MESSAGE);
            assertThat(r.get("t").asString()).isEqualTo("2026-01-01T10:02:00Z");
        });
        assertThat(column("MATCH (:WorkUnit {repo: $repo, key: 'WU-282'})-[:DEPENDS_ON]->(w) RETURN w.id"))
                .containsExactly("workflow:work_unit:WU-281");
        assertThat(column("MATCH (:Bug {repo: $repo})-[:CAUSED_BY]->(d) RETURN d.id"))
                .containsExactly("decisions:adr:ADR-002", "decisions:anti_pattern:ANTI-PATTERN-001");
        assertThat(column("MATCH (:Bug {repo: $repo})-[:AFFECTS]->(x) RETURN x.id"))
                .containsExactly(
                        "architecture:class:com.acme.auth.Handler",
                        "architecture:module:src/main/java/com/acme/auth/TokenCache.java");
    }

    @Test
    void unparsableFilesAndDocumentsAreRecordedNotFatal() {
        List<Record> broken = cypher("MATCH (m:Module {repo: $repo, path: 'src/main/java/com/acme/Broken.java'})"
                + " RETURN m.parse_ok AS ok, m.parse_error AS e");
        assertThat(broken).singleElement().satisfies(r -> {
            assertThat(r.get("ok").asBoolean()).isFalse();
            assertThat(r.get("e").asString()).isNotBlank();
        });
        assertThat(summary.get("unparsed").asInt()).isEqualTo(1);
        List<Record> doc = cypher("MATCH (w:WorkUnit {repo: $repo, key: 'WU-290'}) RETURN w.parse_ok AS ok,"
                + " w.parse_error AS e, w.body AS b");
        assertThat(doc).singleElement().satisfies(r -> {
            assertThat(r.get("ok").asBoolean()).isFalse();
            assertThat(r.get("e").asString()).containsIgnoringCase("line");
            assertThat(r.get("b").asString()).contains("This body is still indexed.");
        });
        assertThat(summary.get("documentErrors").asInt()).isEqualTo(1);
    }

    @Test
    void secondRunChangesNothingAndKeepsTheFingerprint() {
        Cli before = cli("stats", "--fingerprint");
        Cli again = cli("index", "--json");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("\"indexed\" : 0");
        Cli after = cli("stats", "--fingerprint");
        assertThat(before.out()).matches("[0-9a-f]{64}\\s*").isEqualTo(after.out());
        Cli full = cli("index", "--full");
        assertThat(full.exitCode()).as(full.err()).isZero();
        assertThat(cli("stats", "--fingerprint").out()).isEqualTo(before.out());
    }

    @Test
    void theStoreFolderIsNeverIndexed() throws Exception {
        assertThat(Files.exists(repo.resolve(".graph-memory"))).isFalse(); // external store: nothing written
        assertThat(column("MATCH (m:Module {repo: $repo}) WHERE m.path STARTS WITH '.graph-memory' RETURN m.path"))
                .isEmpty();
    }

    @Test
    void statusSaysWhyTheGraphIsBehindAndIsCurrentInARepositoryWithoutCommits() throws Exception {
        Path fresh = tmp.resolve("no-commits");
        Files.createDirectories(fresh.resolve("src"));
        Files.writeString(fresh.resolve("src/App.java"), "class App {\n    void run() {}\n}\n");
        GitCli.ok(fresh, "init", "-q", "-b", "main");
        assertThat(Cli.onTestStore(fresh, "index").exitCode()).isZero();

        // No commit yet: HEAD and the indexed commit are both null, and the tree is as indexed.
        Cli status = Cli.onTestStore(fresh, "status", "--json");
        JsonNode s = JSON.readTree(status.out());
        assertThat(status.exitCode()).as(status.out() + status.err()).isZero();
        assertThat(s.get("current").asBoolean()).isTrue();
        assertThat(s.has("behind")).isFalse();

        Files.writeString(fresh.resolve("src/App.java"), "class App {\n    void run() {}\n    void stop() {}\n}\n");
        Cli edited = Cli.onTestStore(fresh, "status");
        assertThat(edited.exitCode()).isEqualTo(3);
        assertThat(edited.out()).contains("current:        no (files changed in the working tree since the index)");

        GitCli.ok(fresh, "add", ".");
        GitCli.ok(fresh, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qm", "first");
        JsonNode committed =
                JSON.readTree(Cli.onTestStore(fresh, "status", "--json").out());
        assertThat(committed.get("current").asBoolean()).isFalse();
        assertThat(committed.get("behind").asString()).startsWith("HEAD moved to ");
    }
}
