package dev.graphmemory.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.queries.testkit.TestNeo4j;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;
import tools.jackson.databind.JsonNode;

/**
 * Everything the tools read or write on a caller's behalf stays inside the repository (issue 14):
 * {@code record} / {@code record_knowledge} never writes through a symbolic link (a linked knowledge
 * folder, a link planted at the temporary or the target name), {@code duplicates --file} /
 * {@code find_duplicate_work(file)} and {@code gaps --plan} / {@code detect_integration_gaps(plan)}
 * never read through a link that leads out, and {@code record} refuses bad input (YAML, over-long ids
 * and titles, ids differing only in case) before it writes anything. Real git repositories, real
 * links, a real Neo4j; the MCP cases through {@code graph-memory serve} as a separate process.
 */
class InsideRepositoryIT {
    private static final String SECRET_TITLE = "Outside secret title";

    @TempDir
    Path tmp;

    private static Cli cli(Path repo, String... args) {
        return Cli.onTestStore(repo, args);
    }

    @Test
    void aSymlinkedKnowledgeFolderIsRefusedWhereverItPointsAndNothingIsWritten() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("outside/adr"));
        Files.writeString(outside.resolve("ADR-007.md"), "---\nid: ADR-007\ntitle: Kept outside\n---\n");
        Path repo = repo("linked-folder", Map.of("notes/README.md", "notes\n"));
        Files.createDirectories(repo.resolve("docs"));
        Files.createSymbolicLink(repo.resolve("docs/adr"), outside);
        // A link that stays inside the repository is refused too: the indexer does not follow it either.
        Files.createSymbolicLink(repo.resolve("docs/anti-patterns"), Path.of("../notes"));
        assertThat(cli(repo, "index").exitCode()).isZero();

        Cli adr = cli(repo, "record", "--kind", "adr", "--title", "Use a queue for indexing");
        assertThat(adr.exitCode()).as(adr.out() + adr.err()).isEqualTo(2);
        assertThat(adr.err()).contains("docs/adr/ADR-001.md", "docs/adr is a symbolic link");
        try (Stream<Path> files = Files.list(outside)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("ADR-007.md");
        }
        Cli anti = cli(repo, "record", "--kind", "anti_pattern", "--title", "Global caches");
        assertThat(anti.exitCode()).as(anti.out() + anti.err()).isEqualTo(2);
        assertThat(anti.err()).contains("docs/anti-patterns is a symbolic link");
        try (Stream<Path> files = Files.list(repo.resolve("notes"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("README.md");
        }

        assertThat(countNodes(repo, "Adr")).isZero();
        assertThat(countNodes(repo, "AntiPattern")).isZero();
        assertThat(cli(repo, "index").exitCode()).isZero();
        String incremental = fingerprint(repo);
        assertThat(cli(repo, "index", "--full").exitCode()).isZero();
        assertThat(fingerprint(repo)).isEqualTo(incremental);
    }

    @Test
    void incrementalAndFullIndexAgreeWithLinkedFoldersAndFilesPresent() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("outside/adr"));
        Files.writeString(outside.resolve("ADR-007.md"), "---\nid: ADR-007\ntitle: Kept outside\n---\n");
        Files.writeString(tmp.resolve("outside/BUG-050.md"), "---\nid: BUG-050\ntitle: Outside bug\n---\n");
        Path repo = repo("linked-index", Map.of());
        assertThat(cli(repo, "index").exitCode()).isZero();

        Files.createDirectories(repo.resolve("docs"));
        Files.createSymbolicLink(repo.resolve("docs/adr"), outside);
        Files.createSymbolicLink(repo.resolve("bugs/BUG-050.md"), tmp.resolve("outside/BUG-050.md"));
        Files.createSymbolicLink(repo.resolve("bugs/BUG-051.md"), Path.of("BUG-001.md"));
        Files.writeString(repo.resolve("bugs/BUG-002.md"), "---\nid: BUG-002\ntitle: A real new bug\n---\n");
        Cli incremental = cli(repo, "index", "--json");
        assertThat(incremental.exitCode()).as(incremental.err()).isZero();
        String afterIncremental = fingerprint(repo);
        assertThat(cli(repo, "index", "--full").exitCode()).isZero();
        assertThat(fingerprint(repo)).isEqualTo(afterIncremental);
        assertThat(keys(repo, "Bug")).containsExactly("BUG-001", "BUG-002");
        assertThat(countNodes(repo, "Adr")).isZero();
    }

    @Test
    void aLinkPlantedAtTheTemporaryNameIsNeverFollowed() throws Exception {
        Path victim = Files.writeString(tmp.resolve("victim.txt"), "precious\n");
        Path repo = repo("planted-tmp", Map.of());
        // Ids are predictable: a cloned repository can plant this before anyone records BUG-030.
        Files.createSymbolicLink(repo.resolve("bugs/BUG-030.md.tmp"), victim);
        assertThat(cli(repo, "index").exitCode()).isZero();

        Cli recorded = cli(repo, "record", "--kind", "bug", "--id", "BUG-030", "--title", "Cache leaks", "--json");
        assertThat(recorded.exitCode()).as(recorded.err()).isZero();
        assertThat(Files.readString(victim)).isEqualTo("precious\n");
        Path file = repo.resolve("bugs/BUG-030.md");
        assertThat(Files.isSymbolicLink(file)).isFalse();
        assertThat(Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(Files.readString(file)).startsWith("---\nid: BUG-030\n");
        try (Stream<Path> files = Files.list(repo.resolve("bugs"))) {
            assertThat(files.filter(Files::isSymbolicLink)
                            .map(p -> p.getFileName().toString()))
                    .containsExactly("BUG-030.md.tmp"); // the planted one, untouched; no link of ours
        }
        String afterRecord = fingerprint(repo);
        assertThat(cli(repo, "index", "--full").exitCode()).isZero();
        assertThat(fingerprint(repo)).isEqualTo(afterRecord);
    }

    @Test
    void aLinkPlantedAtTheTargetNameIsRefusedEvenWithUpdate() throws Exception {
        Path victim = Files.writeString(tmp.resolve("victim.txt"), "precious\n");
        Path repo = repo("planted-target", Map.of());
        Path link = Files.createSymbolicLink(repo.resolve("bugs/BUG-031.md"), victim);
        Path dangling = Files.createSymbolicLink(repo.resolve("bugs/BUG-032.md"), tmp.resolve("nothing-yet.txt"));
        assertThat(cli(repo, "index").exitCode()).isZero();

        for (String id : List.of("BUG-031", "BUG-032")) {
            for (boolean update : List.of(false, true)) {
                Cli run = update
                        ? cli(repo, "record", "--kind", "bug", "--id", id, "--title", "Planted", "--update")
                        : cli(repo, "record", "--kind", "bug", "--id", id, "--title", "Planted");
                assertThat(run.exitCode())
                        .as(id + " update=" + update + ": " + run.err())
                        .isEqualTo(2);
                assertThat(run.err()).contains("bugs/" + id + ".md is a symbolic link");
            }
        }
        assertThat(Files.readString(victim)).isEqualTo("precious\n");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.isSymbolicLink(dangling)).isTrue();
        assertThat(tmp.resolve("nothing-yet.txt")).doesNotExist();
        assertThat(keys(repo, "Bug")).containsExactly("BUG-001");
    }

    @Test
    void fileAndPlanArgumentsOnTheCommandLineNeverReadThroughALinkThatLeadsOut() throws Exception {
        Path secret = Files.writeString(tmp.resolve("secret.md"), """
                ---
                title: %s
                files_changed: [src/main/java/com/acme/Hidden.java]
                ---
                """.formatted(SECRET_TITLE));
        Path outsideDir = Files.createDirectories(tmp.resolve("outside-plans"));
        Files.copy(secret, outsideDir.resolve("WU-900.md"));
        Path repo = linkedPlans("cli-links", secret, outsideDir);

        for (String file : List.of("plan-link.md", "via-folder/secret.md", secret.toString())) {
            Path given = Path.of(file).isAbsolute() ? Path.of(file) : repo.resolve(file);
            Cli run = cli(repo, "duplicates", "--file", given.toString(), "--json");
            assertThat(run.exitCode()).as(file + ": " + run.out()).isEqualTo(1);
            assertThat(run.err()).contains(given.toString(), "outside the repository");
            assertThat(run.out() + run.err()).doesNotContain(SECRET_TITLE);
        }
        for (String plan : List.of("plan-link.md", "plans", "via-folder", secret.toString())) {
            Path given = Path.of(plan).isAbsolute() ? Path.of(plan) : repo.resolve(plan);
            Cli run = cli(repo, "gaps", "--plan", given.toString(), "--json");
            assertThat(run.exitCode()).as(plan + ": " + run.out()).isEqualTo(2);
            assertThat(run.err()).contains("outside the repository");
            assertThat(run.out() + run.err()).doesNotContain("Hidden.java");
        }
        Cli planFolder = cli(repo, "gaps", "--plan", repo.resolve("plans").toString());
        assertThat(planFolder.err()).contains("plans/WU-901.md");

        // A link that stays inside the repository is read like the file it points to.
        Cli inside =
                cli(repo, "duplicates", "--file", repo.resolve("inside-link.md").toString(), "--json");
        assertThat(inside.exitCode()).as(inside.err()).isIn(0, 3);
        assertThat(inside.out()).contains("Improve auth timeout handling");
        Cli insidePlan =
                cli(repo, "gaps", "--plan", repo.resolve("inside-link.md").toString(), "--json");
        assertThat(insidePlan.exitCode()).as(insidePlan.err()).isIn(0, 3);
    }

    @Test
    void fileAndPlanArgumentsOverMcpNeverReadThroughALinkThatLeadsOutAndBadIdsAreToolErrors() throws Exception {
        Path secret = Files.writeString(tmp.resolve("secret.md"), """
                ---
                title: %s
                files_changed: [src/main/java/com/acme/Hidden.java]
                ---
                """.formatted(SECRET_TITLE));
        Path outsideDir = Files.createDirectories(tmp.resolve("outside-plans"));
        Files.copy(secret, outsideDir.resolve("WU-900.md"));
        Path repo = linkedPlans("mcp-links", secret, outsideDir);

        try (ServeProcess serve = new ServeProcess(repo, List.of("--uri", TestNeo4j.boltUri()))) {
            serve.request(
                    1,
                    "initialize",
                    "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                            + "\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}");
            serve.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            int id = 10;
            for (String file : List.of("plan-link.md", "via-folder/secret.md", "../secret.md", secret.toString())) {
                String text = toolError(
                        serve.request(id++, "tools/call", call("find_duplicate_work", "{\"file\": \"" + file + "\"}")));
                assertThat(text).contains(file, "outside the repository").doesNotContain(SECRET_TITLE);
            }
            for (String plan : List.of("\"plan-link.md\"", "[\"plans\"]", "\"via-folder\"", "\"../outside-plans\"")) {
                String text = toolError(
                        serve.request(id++, "tools/call", call("detect_integration_gaps", "{\"plan\": " + plan + "}")));
                assertThat(text).contains("outside the repository").doesNotContain("Hidden.java");
            }
            JsonNode inside =
                    serve.request(id++, "tools/call", call("find_duplicate_work", "{\"file\": \"inside-link.md\"}"));
            assertThat(inside.get("result").get("isError").asBoolean())
                    .as(inside.toString())
                    .isFalse();

            String longId = "BUG-" + "7".repeat(300);
            String text = toolError(serve.request(
                    id++,
                    "tools/call",
                    call("record_knowledge", "{\"kind\": \"bug\", \"id\": \"" + longId + "\", \"title\": \"x\"}")));
            assertThat(text).contains("at most 100");
            text = toolError(serve.request(
                    id++,
                    "tools/call",
                    call("record_knowledge", "{\"kind\": \"adr\", \"title\": \"Through the linked folder\"}")));
            assertThat(text).contains("docs/adr is a symbolic link");
            assertThat(serve.endInput()).isZero();
        }
        assertThat(bugFiles(repo)).containsExactly("BUG-ARCH-014.md");
        try (Stream<Path> files = Files.list(outsideDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("WU-900.md");
        }
    }

    @Test
    void aConfigurationFileLinkedOutIsRefusedWithoutQuotingIt() throws Exception {
        // Parse errors quote the text: a planted link must not turn them into a way to read a file.
        Path secret = Files.writeString(tmp.resolve("credentials"), "SECRETVALUE42: [\n");
        Path repo = repo("linked-config", Map.of());
        Files.createSymbolicLink(repo.resolve(".graph-memory.yml"), secret);
        for (String[] args : List.of(new String[] {"stats"}, new String[] {"gaps"})) {
            Cli run = cli(repo, args);
            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
            assertThat(run.err()).contains(".graph-memory.yml", "outside the repository");
            assertThat(run.out() + run.err()).doesNotContain("SECRETVALUE42");
        }
    }

    @Test
    void aFieldThatIsNotYamlIsAUsageErrorNamingTheField() throws Exception {
        Path repo = repo("bad-yaml", Map.of());
        Cli run = cli(repo, "record", "--kind", "bug", "--title", "x", "--field", "affects=[a, b");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--field affects", "not valid YAML").doesNotContain("\tat ", "Exception");
        assertThat(repo.resolve("bugs/BUG-002.md")).doesNotExist();
    }

    @Test
    void anOverLongIdIsACallersMistakeAndNothingIsWritten() throws Exception {
        Path repo = repo("long-id", Map.of());
        assertThat(cli(repo, "index").exitCode()).isZero();
        Cli run = cli(repo, "record", "--kind", "bug", "--id", "BUG-" + "7".repeat(300), "--title", "x");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("id is 304 characters", "at most 100").doesNotContain("File name too long");
        assertThat(bugFiles(repo)).containsExactly("BUG-001.md");
    }

    @Test
    void anOverLongTitleIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path repo = repo("long-title", Map.of());
        assertThat(cli(repo, "index").exitCode()).isZero();
        for (int length : List.of(1001, 9000)) {
            Cli run = cli(repo, "record", "--kind", "bug", "--title", "t".repeat(length));
            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.err()).contains("title is " + length + " characters", "at most 1000");
            assertThat(bugFiles(repo)).containsExactly("BUG-001.md");
            assertThat(keys(repo, "Bug")).containsExactly("BUG-001");
        }
        Cli limit = cli(repo, "record", "--kind", "bug", "--title", "t".repeat(1000), "--json");
        assertThat(limit.exitCode()).as(limit.err()).isZero();
        assertThat(bugFiles(repo)).containsExactly("BUG-001.md", "BUG-002.md");
    }

    @Test
    void anIdThatDiffersOnlyInCaseFromAnExistingOneIsRefused() throws Exception {
        Path repo = repo("case", Map.of());
        assertThat(cli(repo, "index").exitCode()).isZero();

        for (String update : List.of("", "--update")) {
            Cli run = update.isEmpty()
                    ? cli(repo, "record", "--kind", "bug", "--id", "bug-001", "--title", "Same, other case")
                    : cli(repo, "record", "--kind", "bug", "--id", "bug-001", "--title", "Same", update);
            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.err()).contains("'bug-001' differs only in case", "BUG-001");
        }
        // A file not indexed yet counts too.
        Files.writeString(repo.resolve("bugs/bug-007.md"), "---\nid: bug-007\ntitle: Lower case\n---\n");
        Cli file = cli(repo, "record", "--kind", "bug", "--id", "BUG-007", "--title", "Upper case");
        assertThat(file.exitCode()).as(file.err()).isEqualTo(2);
        assertThat(file.err()).contains("bugs/bug-007.md", "differs only in case");
        assertThat(bugFiles(repo)).containsExactly("BUG-001.md", "bug-007.md");
        assertThat(Files.readString(repo.resolve("bugs/BUG-001.md"))).contains("title: The first bug");
    }

    /**
     * A repository with {@code bugs/BUG-001.md}, a Java class and {@code extra}, committed; its real
     * path (the repository key).
     */
    private Path repo(String name, Map<String, String> extra) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name)).toRealPath();
        Map<String, String> files = new LinkedHashMap<>();
        files.put("src/main/java/com/acme/App.java", """
                package com.acme;
                public class App { public static void main(String[] args) {} }
                """);
        files.put("bugs/BUG-001.md", "---\nid: BUG-001\ntitle: The first bug\nseverity: low\n---\nBody.\n");
        files.putAll(extra);
        try (Git git =
                Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            files.forEach((path, text) -> write(dir.resolve(path), text));
            git.add().addFilepattern(".").call();
            PersonIdent who =
                    new PersonIdent("Test", "test@example.com", Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC);
            git.commit()
                    .setMessage("Import")
                    .setAuthor(who)
                    .setCommitter(who)
                    .setSign(false)
                    .call();
        }
        return dir;
    }

    /**
     * The workflow fixture, indexed, with links that lead out ({@code plan-link.md} to
     * {@code secret}, {@code via-folder/} to {@code outsideDir}, {@code plans/WU-901.md} to
     * {@code secret} beside a real plan, {@code docs/adr} to {@code outsideDir}) and one that stays
     * inside ({@code inside-link.md} to {@code proposals/auth.md}).
     */
    private Path linkedPlans(String name, Path secret, Path outsideDir) throws Exception {
        Path repo = FixtureRepo.workflowRepo(tmp.resolve(name)).toRealPath();
        assertThat(cli(repo, "index").exitCode()).isZero();
        Files.createSymbolicLink(repo.resolve("plan-link.md"), secret);
        Files.createSymbolicLink(repo.resolve("via-folder"), secret.getParent());
        Files.createDirectories(repo.resolve("plans"));
        Files.writeString(repo.resolve("plans/WU-100.md"), """
                ---
                id: WU-100
                title: Export reports as PDF
                files_changed: [src/main/java/com/acme/report/PdfExport.java]
                ---
                """);
        Files.createSymbolicLink(repo.resolve("plans/WU-901.md"), secret);
        Files.createDirectories(repo.resolve("proposals"));
        Files.writeString(repo.resolve("proposals/auth.md"), """
                ---
                title: Improve auth timeout handling
                files_changed: [src/main/java/com/acme/auth/Handler.java]
                ---
                """);
        Files.createSymbolicLink(repo.resolve("inside-link.md"), Path.of("proposals/auth.md"));
        // docs/adr holds ADR-002 in the fixture: replace it with a link out.
        Path adr = repo.resolve("docs/adr");
        try (Stream<Path> files = Files.list(adr)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(adr);
        Files.createSymbolicLink(adr, outsideDir);
        return repo;
    }

    private static String call(String tool, String arguments) {
        return "{\"name\": \"" + tool + "\", \"arguments\": " + arguments + "}";
    }

    private static String toolError(JsonNode response) {
        assertThat(response.get("result").get("isError").asBoolean())
                .as(response.toString())
                .isTrue();
        return response.get("result").get("content").get(0).get("text").asString();
    }

    private static String fingerprint(Path repo) {
        Cli run = cli(repo, "stats", "--fingerprint");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out();
    }

    private static List<String> bugFiles(Path repo) throws IOException {
        try (Stream<Path> files = Files.list(repo.resolve("bugs"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static long countNodes(Path repo, String label) {
        return keys(repo, label).size();
    }

    private static List<String> keys(Path repo, String label) {
        try (Session session = TestNeo4j.driver().session()) {
            return session.run(
                            "MATCH (n:" + label + " {repo: $repo}) RETURN n.key AS k ORDER BY k",
                            Map.of("repo", repo.toString()))
                    .list(r -> r.get("k").asString());
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
