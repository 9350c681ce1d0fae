package dev.graphmemory.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Usage and input errors: exit codes 2 and 1, messages on stderr that name the input. */
class UsageIT {
    @TempDir
    Path tmp;

    @Test
    void unknownCommandIsAUsageError() {
        Cli cli = Cli.run("frobnicate");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("frobnicate");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void aFolderOutsideGitIsRefusedByName() {
        Cli cli = Cli.run("--repo", tmp.toString(), "stats");
        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).contains(tmp.toString()).contains("not inside a git repository");
    }

    @Test
    void aBadSettingNamesItself() throws Exception {
        Path repo = FixtureRepo.workflowRepo(tmp.resolve("r"));
        Files.writeString(repo.resolve(".graph-memory.yml"), "history:\n  max_comits: 10\n");
        Cli cli = Cli.run("--repo", repo.toString(), "stats");
        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).contains("history.max_comits").contains("max_commits");
        Files.writeString(repo.resolve(".graph-memory.yml"), "store:\n  page_cache: lots\n");
        cli = Cli.run("--repo", repo.toString(), "stats");
        assertThat(cli.err()).contains("store.page_cache").contains("lots");
    }

    @Test
    void anUnreachableUriNamesIt() throws Exception {
        Path repo = FixtureRepo.workflowRepo(tmp.resolve("r2"));
        Cli cli = Cli.run("--repo", repo.toString(), "--uri", "bolt://127.0.0.1:1", "stats");
        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).contains("bolt://127.0.0.1:1");
    }
}
