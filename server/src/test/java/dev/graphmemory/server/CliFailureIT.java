package dev.graphmemory.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.queries.testkit.TestNeo4j;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An unexpected failure through the real launcher: a repository whose git index file is damaged
 * (as a crash or a full disk leaves it) makes {@code index} fail deep inside JGit. The user gets a
 * line that names the file and a line that says where the stack trace went; the trace itself only
 * with {@code --verbose}, before or after the command. The exit code stays 1.
 */
class CliFailureIT {
    @TempDir
    Path tmp;

    @Test
    void aDamagedGitIndexIsOneLineNamingTheFileAndTheTraceWaitsForVerbose() throws Exception {
        Path repo = tmp.resolve("repo");
        Files.createDirectories(repo.resolve("src"));
        Files.writeString(repo.resolve("src/App.java"), "class App {}\n");
        GitCli.ok(repo, "init", "-q", "-b", "main");
        GitCli.ok(repo, "add", "-A");
        GitCli.ok(repo, "commit", "-qm", "Import");
        Path index = repo.resolve(".git/index");
        Files.writeString(index, "not git's index\n");

        Launcher quiet = index(repo, "index");
        assertThat(quiet.exitCode()).isEqualTo(1);
        assertThat(quiet.out()).isEmpty();
        assertThat(ourLines(quiet.err()))
                .as(quiet.err())
                .hasSizeLessThanOrEqualTo(3)
                .first()
                .asString()
                .startsWith("graph-memory: index failed: cannot read git's index file " + index.toRealPath());
        assertThat(quiet.err()).doesNotContain("\tat ").contains("--verbose");
        Path log = repo.resolve(".graph-memory/logs/cli.log");
        assertThat(quiet.err()).contains(log.toString());
        assertThat(Files.readString(log))
                .contains("index failed", "\tat ", "Caused by: org.eclipse.jgit.errors.CorruptObjectException");

        for (Launcher verbose : new Launcher[] {index(repo, "index", "--verbose"), index(repo, "--verbose", "index")}) {
            assertThat(verbose.exitCode()).isEqualTo(1);
            assertThat(verbose.err()) // after graph-memory's debug lines, which --verbose turns on too
                    .contains("\ngraph-memory: index failed: cannot read git's index file")
                    .contains(
                            "\tat dev.graphmemory.indexer.walk.RepositoryWalker",
                            "Caused by: org.eclipse.jgit.errors.CorruptObjectException");
            assertThat(verbose.out()).isEmpty();
        }
    }

    /**
     * stderr without the JVM's own log lines ({@code [0.063s][warning][aot] ...}): the failsafe
     * configuration sends them to stderr for the tests' AOT cache; users' JVMs do not print them.
     */
    private static java.util.List<String> ourLines(String stderr) {
        return stderr.lines().filter(l -> !l.matches("^\\[[0-9.]+s\\]\\[.*")).toList();
    }

    private static Launcher index(Path repo, String... command) {
        String[] args = new String[command.length + 4];
        args[0] = "--repo";
        args[1] = repo.toString();
        args[2] = "--uri";
        args[3] = TestNeo4j.boltUri();
        System.arraycopy(command, 0, args, 4, command.length);
        return Launcher.run(args);
    }
}
