package dev.graphmemory.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.server.store.EmbeddedStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The default set-up as a user meets it: the launcher, the packaged jar, and the embedded store in
 * {@code <repo>/.graph-memory/}, each command its own process.
 */
class EmbeddedStoreIT {
    @TempDir
    Path tmp;

    @Test
    void indexesIntoAPrivateStoreThatGitNeverSees() throws Exception {
        Path repo = FixtureRepo.workflowRepo(tmp.resolve("repo"));
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
        assertThat(store.resolve("owner.json")).doesNotExist(); // removed at shutdown

        Launcher stats = Launcher.run("--repo", repo.toString(), "stats", "--json");
        assertThat(stats.exitCode()).as(stats.err()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(stats.out());
        assertThat(json.get("nodes").get("architecture:module").asLong()).isEqualTo(12);
        assertThat(json.get("store").asString()).startsWith("embedded Neo4j at " + store);
        assertThat(json.get("store").asString()).contains("bolt://127.0.0.1:");
    }

    @Test
    void aSecondProcessUsesTheOwnersStoreOverBolt() throws Exception {
        Path repo = FixtureRepo.workflowRepo(tmp.resolve("shared")).toRealPath();
        try (EmbeddedStore owner = EmbeddedStore.open(repo, repo.toString(), 32L << 20, "EmbeddedStoreIT")) {
            Launcher stats = Launcher.run("--repo", repo.toString(), "stats", "--json");
            assertThat(stats.exitCode()).as(stats.err()).isZero();
            assertThat(JsonMapper.builder()
                            .build()
                            .readTree(stats.out())
                            .get("store")
                            .asString())
                    .contains("owned by process " + ProcessHandle.current().pid());
        }
    }

    @Test
    void anOwnerThatDoesNotAnswerIsNamedInTheError() throws Exception {
        Path repo = FixtureRepo.workflowRepo(tmp.resolve("held"));
        Files.createDirectories(repo.resolve(".graph-memory"));
        long pid = ProcessHandle.current().pid(); // alive, but listens on no Bolt port
        Files.writeString(
                repo.resolve(".graph-memory/owner.json"),
                "{\"pid\":" + pid + ",\"boltPort\":1,\"version\":\"x\",\"command\":\"graph-memory serve\","
                        + "\"started\":\"2026-11-21T00:00:00Z\"}");
        Launcher stats = Launcher.run(Map.of(), "--repo", repo.toString(), "stats");
        assertThat(stats.exitCode()).isEqualTo(1);
        assertThat(stats.err())
                .contains("process " + pid)
                .contains("graph-memory serve")
                .contains("does not answer");
    }
}
