package dev.graphmemory.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.server.reindex.IndexRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The git hooks under real {@code git}: they keep hooks already there, never fail a commit (store
 * down, no tools on PATH, mid-rebase), and the graph catches up with HEAD to the same fingerprint a
 * fresh full index gives.
 */
class HookIT {
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
    void installKeepsTheHooksAlreadyThereAndUninstallRestoresThem() throws Exception {
        Path repo = repo("keep");
        Path hooks = repo.resolve(".git/hooks");
        Files.createDirectories(hooks);
        String mine = "#!/bin/sh\necho \"mine $1\" >> \"$(git rev-parse --show-toplevel)/../mine.log\"\nexit 0\n";
        Files.writeString(hooks.resolve("post-commit"), mine);
        hooks.resolve("post-commit").toFile().setExecutable(true);
        // A hook in another language is chained, not edited.
        String other = "#!/usr/bin/env -S perl -w\nopen(my $f, '>>', '../other.log'); print $f \"other\\n\";\n";
        Files.writeString(hooks.resolve("post-merge"), other);

        Launcher install = Launcher.run("--repo", repo.toString(), "hook", "install");
        assertThat(install.exitCode()).as(install.err()).isZero();
        assertThat(Files.readString(hooks.resolve("post-commit")))
                .startsWith("#!/bin/sh\n# >>> graph-memory >>>")
                .endsWith("exit 0\n")
                .contains("echo \"mine $1\"");
        assertThat(hooks.resolve("post-merge.graph-memory-chained")).hasContent(other);
        assertThat(Launcher.run("--repo", repo.toString(), "hook", "install").exitCode())
                .isZero(); // again: refreshed, not doubled
        assertThat(Files.readString(hooks.resolve("post-commit")).split("# >>> graph-memory", -1))
                .hasSize(2);

        Files.writeString(repo.resolve("NOTES.txt"), "a note\n");
        GitCli.ok(repo, "add", "NOTES.txt");
        GitCli.ok(repo, "commit", "-qm", "notes");
        assertThat(Files.readString(repo.resolve("../mine.log"))).isEqualTo("mine \n");
        try (var requests = Files.list(repo.resolve(".graph-memory/requests"))) {
            assertThat(requests.map(p -> p.getFileName().toString()))
                    .isNotEmpty(); // owed (or already claimed by the run the hook started)
        }

        Launcher uninstall = Launcher.run("--repo", repo.toString(), "hook", "uninstall");
        assertThat(uninstall.exitCode()).as(uninstall.err()).isZero();
        assertThat(hooks.resolve("post-commit")).hasContent(mine);
        assertThat(hooks.resolve("post-merge")).hasContent(other);
        assertThat(hooks.resolve("post-checkout")).doesNotExist();
        assertThat(hooks.resolve("post-merge.graph-memory-chained")).doesNotExist();
    }

    @Test
    void aCommitSucceedsWithTheStoreDownAndNoToolsOnPathAndTheReindexStaysOwed() throws Exception {
        Path repo = repo("down");
        assertThat(Launcher.run("--repo", repo.toString(), "hook", "install").exitCode())
                .isZero();
        assertThat(Launcher.run("--repo", repo.toString(), "daemon", "status").exitCode())
                .isEqualTo(3); // no daemon runs
        Files.writeString(repo.resolve("NOTES.txt"), "a note\n");
        GitCli.ok(repo, "add", "NOTES.txt");
        // No java, no coreutils, no setsid: every step of the hook fails, the commit does not.
        GitCli commit = GitCli.run(repo, Map.of("PATH", "/nonexistent"), "commit", "-qm", "no tools");
        assertThat(commit.exitCode()).as(commit.output()).isZero();
        assertThat(GitCli.ok(repo, "log", "-1", "--format=%s").trim()).isEqualTo("no tools");

        // With the tools back, the next commit's hook starts the store and the graph catches up.
        Files.writeString(repo.resolve("NOTES.txt"), "a second note\n");
        GitCli.ok(repo, "commit", "-qam", "tools back");
        String head = GitCli.ok(repo, "rev-parse", "HEAD").trim();
        JsonNode status = awaitCurrent(repo);
        assertThat(status.get("indexed_commit").asString()).isEqualTo(head);
    }

    @Test
    void aRebaseRunsTheHooksAndTheGraphEndsEqualToAFullIndex() throws Exception {
        Path repo = repo("rebase");
        assertThat(Launcher.run("--repo", repo.toString(), "index").exitCode()).isZero();
        assertThat(Launcher.run("--repo", repo.toString(), "hook", "install").exitCode())
                .isZero();
        String main = GitCli.ok(repo, "rev-parse", "--abbrev-ref", "HEAD").trim();
        GitCli.ok(repo, "checkout", "-qb", "topic");
        for (int i = 0; i < 3; i++) {
            Path file = repo.resolve("src/main/java/com/acme/Topic" + i + ".java");
            Files.writeString(file, "package com.acme;\n\npublic class Topic" + i + " {\n    void run() {}\n}\n");
            GitCli.ok(repo, "add", ".");
            GitCli.ok(repo, "commit", "-qm", "topic " + i);
        }
        GitCli.ok(repo, "checkout", "-q", main);
        Files.writeString(repo.resolve("README.md"), "# fixture\n\nchanged on main\n");
        GitCli.ok(repo, "add", ".");
        GitCli.ok(repo, "commit", "-qm", "main moves");
        GitCli.ok(repo, "checkout", "-q", "topic");
        GitCli rebase = GitCli.run(repo, "rebase", main);
        assertThat(rebase.exitCode()).as(rebase.output()).isZero();

        String head = GitCli.ok(repo, "rev-parse", "HEAD").trim();
        JsonNode status = awaitCurrent(repo);
        assertThat(status.get("indexed_commit").asString()).isEqualTo(head);
        assertThat(fingerprint(repo)).isEqualTo(freshFingerprint(repo));
    }

    @Test
    void initLeavesAWorkingHookAndMcpJsonAndAnIndexThatIsCurrent() throws Exception {
        Path repo = repo("init");
        Path mcpJson = repo.resolve(".mcp.json");
        Files.writeString(mcpJson, "{\"mcpServers\": {\"other\": {\"command\": \"other-server\"}}}\n");
        GitCli.ok(repo, "add", ".mcp.json");
        GitCli.ok(repo, "commit", "-qm", "another MCP server");

        Launcher init = Launcher.run("--repo", repo.toString(), "init");
        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(init.out()).contains("claude mcp add graph-memory -- ");
        JsonNode servers = JSON.readTree(Files.readString(mcpJson)).get("mcpServers");
        assertThat(servers.get("other").get("command").asString()).isEqualTo("other-server");
        assertThat(servers.get("graph-memory").get("args").toString()).isEqualTo("[\"--repo\",\".\",\"serve\"]");
        assertThat(Files.readString(repo.resolve(".git/hooks/post-commit"))).contains("graph-memory");
        assertThat(Files.readString(repo.resolve(".claude/settings.json"))).contains("graph-memory session-end");
        // .mcp.json changed after the commit: the index saw it, so the graph is current at once.
        Launcher status = Launcher.run("--repo", repo.toString(), "status", "--json");
        assertThat(status.exitCode()).as(status.out() + status.err()).isZero();
        assertThat(JSON.readTree(status.out()).get("current").asBoolean()).isTrue();

        Files.writeString(repo.resolve("src/main/java/com/acme/Added.java"), "package com.acme;\n\nclass Added {}\n");
        GitCli.ok(repo, "add", ".");
        GitCli.ok(repo, "commit", "-qm", "added after init");
        String head = GitCli.ok(repo, "rev-parse", "HEAD").trim();
        assertThat(awaitCurrent(repo).get("indexed_commit").asString()).isEqualTo(head);
    }

    @Test
    void initLeavesEverythingAsItWasWhenMcpJsonIsBroken() throws Exception {
        Path repo = repo("broken-init");
        Files.writeString(repo.resolve(".mcp.json"), "{\"mcpServers\": [");
        Launcher init = Launcher.run("--repo", repo.toString(), "init");
        assertThat(init.exitCode()).isNotZero();
        assertThat(init.err()).contains(".mcp.json").contains("not valid JSON");
        assertThat(Files.readString(repo.resolve(".mcp.json"))).isEqualTo("{\"mcpServers\": [");
        assertThat(repo.resolve(".git/hooks/post-commit")).doesNotExist();
    }

    /**
     * Polls {@code status --json} until the graph reflects HEAD with nothing owed (bounded). While
     * a request waits or a run is under way (the files {@code status} reads too), it looks again
     * in this JVM rather than start a CLI process for an answer known to be "not yet".
     */
    static JsonNode awaitCurrent(Path repo) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(240);
        IndexRunner runner = new IndexRunner(repo.toRealPath());
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            if (runner.requestPending() || runner.status().running()) {
                Thread.sleep(100);
                continue;
            }
            Launcher status = Launcher.run("--repo", repo.toString(), "status", "--json");
            if (!status.out().isBlank()) {
                last = JSON.readTree(status.out());
                if (status.exitCode() == 0
                        && !last.get("run_under_way").asBoolean()
                        && !last.get("reindex_owed").asBoolean()) {
                    return last;
                }
            }
            Thread.sleep(200);
        }
        if (last == null) {
            last = JSON.readTree(
                    Launcher.run("--repo", repo.toString(), "status", "--json").out());
        }
        throw new AssertionError("the graph did not catch up with HEAD: " + last);
    }

    static String fingerprint(Path repo) {
        Launcher f = Launcher.run("--repo", repo.toString(), "stats", "--fingerprint");
        assertThat(f.exitCode()).as(f.err()).isZero();
        return f.out().trim();
    }

    /** The fingerprint of a fresh full index of the same commit, in a clone on the shared test Neo4j. */
    static String freshFingerprint(Path repo) throws Exception {
        Path clone = Files.createTempDirectory("gm-fresh");
        GitCli.ok(clone.getParent(), "clone", "-q", repo.toString(), clone.toString());
        Cli index = Cli.onTestStore(clone, "index", "--full");
        assertThat(index.exitCode()).as(index.err()).isZero();
        Cli f = Cli.onTestStore(clone, "stats", "--fingerprint");
        assertThat(f.exitCode()).as(f.err()).isZero();
        return f.out().trim();
    }
}
