package dev.graphmemory.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.queries.testkit.TestNeo4j;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code record}: the file is written, indexed at once, and a full reindex gives the same graph. */
class RecordKnowledgeIT {
    @TempDir
    Path tmp;

    private Cli cli(Path repo, String... args) {
        return Cli.onTestStore(repo, args);
    }

    @Test
    void aRecordedBugIsAFileThatReindexesToTheSameGraph() throws Exception {
        Path repo = FixtureRepo.workflowRepo(tmp.resolve("repo"));
        assertThat(cli(repo, "index").exitCode()).isZero();

        Cli recorded = cli(
                repo,
                "record",
                "--kind",
                "bug",
                "--title",
                "Token cache leaks across tenants",
                "--field",
                "severity=high",
                "--field",
                "affects=[src/main/java/com/acme/auth/TokenCache.java]",
                "--field",
                "caused_by=[ADR-002]",
                "--body",
                "Found while fixing WU-281.",
                "--json");
        assertThat(recorded.exitCode()).as(recorded.err()).isZero();
        JsonNode answer = JsonMapper.builder().build().readTree(recorded.out());
        assertThat(answer.get("id").asString()).isEqualTo("BUG-001");
        assertThat(answer.get("path").asString()).isEqualTo("bugs/BUG-001.md");
        assertThat(answer.get("stale").asBoolean()).isFalse();
        String file = Files.readString(repo.resolve("bugs/BUG-001.md"));
        assertThat(file).startsWith("---\nid: BUG-001\ntype: bug\ntitle: Token cache leaks across tenants\n");

        try (Session session = TestNeo4j.driver().session()) {
            List<String> links = session.run(
                            "MATCH (:Bug {repo: $repo, key: 'BUG-001'})-[r]->(x) RETURN type(r) + ' ' + x.id AS l"
                                    + " ORDER BY l",
                            Map.of("repo", repo.toRealPath().toString()))
                    .list(r -> r.get("l").asString());
            assertThat(links)
                    .containsExactly(
                            "AFFECTS architecture:module:src/main/java/com/acme/auth/TokenCache.java",
                            "CAUSED_BY decisions:adr:ADR-002",
                            "MENTIONS workflow:work_unit:WU-281");
        }
        String afterRecord = cli(repo, "stats", "--fingerprint").out();
        assertThat(cli(repo, "index", "--full").exitCode()).isZero();
        assertThat(cli(repo, "stats", "--fingerprint").out()).isEqualTo(afterRecord);
    }

    @Test
    void anExistingIdIsRefusedWithoutUpdateAndReplacedInPlaceWithIt() throws Exception {
        Path repo = FixtureRepo.workflowRepo(tmp.resolve("clash"));
        assertThat(cli(repo, "index").exitCode()).isZero();
        Cli clash = cli(repo, "record", "--kind", "bug", "--id", "BUG-ARCH-014", "--title", "Other");
        assertThat(clash.exitCode()).isEqualTo(2);
        assertThat(clash.err()).contains("BUG-ARCH-014 already exists").contains("update");
        String before = Files.readString(repo.resolve("bugs/BUG-ARCH-014.md"));
        assertThat(before).contains("Login times out on a cold cache");

        Cli update = cli(
                repo,
                "record",
                "--kind",
                "bug",
                "--id",
                "BUG-ARCH-014",
                "--title",
                "Login times out",
                "--field",
                "status=fixed",
                "--update",
                "--json");
        assertThat(update.exitCode()).as(update.err()).isZero();
        assertThat(Files.readString(repo.resolve("bugs/BUG-ARCH-014.md"))).contains("title: Login times out\n");
        Cli wrongPrefix = cli(repo, "record", "--kind", "adr", "--id", "BUG-9", "--title", "x");
        assertThat(wrongPrefix.exitCode()).isEqualTo(2);
        assertThat(wrongPrefix.err()).contains("ADR-123");
    }
}
