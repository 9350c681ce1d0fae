package dev.graphmemory.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.queries.workflow.DuplicateThresholds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code graph-memory duplicates} in this JVM against the workflow fixture (WU-281 "Fix
 * authentication timeout", done and named by a commit; WU-282 "Add retry logic to failed auth
 * attempts", in progress) indexed into a real Neo4j reached by {@code --uri}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DuplicatesCommandIT {
    private static final String HANDLER = "src/main/java/com/acme/auth/Handler.java";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path tmp;

    Path repo;

    @BeforeAll
    void indexFixture() {
        repo = FixtureRepo.workflowRepo(tmp.resolve("repo"));
        Cli index = cli("index");
        assertThat(index.exitCode()).as(index.err()).isZero();
    }

    private Cli cli(String... args) {
        return Cli.onTestStore(repo, args);
    }

    @Test
    void likelyDuplicateExitsThreeAndPrintsTheToolsStructure() {
        Cli run = cli("duplicates", "--title", "Improve auth timeout handling", "--files", HANDLER, "--json");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        JsonNode answer = JSON.readTree(run.out());
        assertThat(answer.get("verdict").asString()).isEqualTo("duplicate");
        assertThat(answer.get("duplicate_of").asString()).isEqualTo("workflow:work_unit:WU-281");
        JsonNode top = answer.get("candidates").get(0);
        assertThat(top.get("confidence").asDouble()).isGreaterThanOrEqualTo(DuplicateThresholds.DUPLICATE);
        assertThat(answer.get("thresholds").get("review").asDouble()).isEqualTo(DuplicateThresholds.REVIEW);
        assertThat(top.get("evidence").get("shared_files").get(0).asString()).isEqualTo(HANDLER);
        assertThat(top.get("evidence").get("completion").asString()).startsWith("already done in ");
    }

    @Test
    void differentWorkExitsZero() {
        Cli run = cli("duplicates", "--title", "Render the billing report as PDF", "--tier", "task");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain(" duplicate ");
    }

    @Test
    void readsProposalsFromMarkdownOneJsonLineEach() throws Exception {
        // Proposal files must lie inside the repository (InsideRepositoryIT).
        Path proposals = Files.createDirectories(repo.resolve("proposals"));
        Path dup = Files.writeString(proposals.resolve("new-wu.md"), """
                ---
                title: Improve auth timeout handling
                tier: story
                objective: Login still times out when the token cache is cold.
                files_changed: [%s]
                ---
                # Improve auth timeout handling
                """.formatted(HANDLER));
        Path other = Files.writeString(proposals.resolve("other.md"), """
                ---
                title: Render the billing report as PDF
                ---
                """);
        Cli run = cli("duplicates", "--file", dup.toString(), "--file", other.toString(), "--json", "--limit", "2");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        List<JsonNode> lines = run.out().lines().map(JSON::readTree).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("file").asString()).endsWith("new-wu.md");
        assertThat(lines.get(0).get("duplicate_of").asString()).isEqualTo("workflow:work_unit:WU-281");
        assertThat(lines.get(0).get("candidates").size()).isLessThanOrEqualTo(2);
        assertThat(lines.get(1).get("verdict").asString()).isNotEqualTo("duplicate");
    }

    @Test
    void comparesAnIndexedWorkUnitWithTheOthers() {
        Cli run = cli("duplicates", "--id", "WU-282", "--json");
        assertThat(run.exitCode()).as(run.err()).isIn(0, 3);
        JsonNode answer = JSON.readTree(run.out());
        assertThat(answer.get("query").get("id").asString()).isEqualTo("workflow:work_unit:WU-282");
        assertThat(answer.get("candidates").valueStream().map(c -> c.get("id").asString()))
                .doesNotContain("workflow:work_unit:WU-282");
    }

    @Test
    void humanOutputShowsVerdictAndEvidence() {
        Cli run = cli("duplicates", "--title", "Improve auth timeout handling", "--files", HANDLER);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(run.out()).contains("duplicate of workflow:work_unit:WU-281", "shares " + HANDLER);
    }

    @Test
    void mistakesExitOneAndUsageErrorsTwo() {
        Cli unknown = cli("duplicates", "--id", "WU-999");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("no work unit or bug with id 'WU-999'");
        Cli missing = cli("duplicates", "--file", tmp.resolve("nope.md").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("nope.md");
        assertThat(cli("duplicates").exitCode()).isEqualTo(2);
        assertThat(cli("duplicates", "--id", "WU-281", "--title", "x").exitCode())
                .isEqualTo(2);
        assertThat(cli("duplicates", "--title", "x", "--limit", "0").exitCode()).isEqualTo(2);
    }

    @Test
    void aWorktreeFindsWorkDoneOnMainAfterItBranched() throws Exception {
        Path main = FixtureRepo.workflowRepo(tmp.resolve("main")).toRealPath();
        Path worktree = tmp.resolve("topic");
        GitCli.ok(main, "worktree", "add", "-q", "-b", "topic", worktree.toString());
        worktree = worktree.toRealPath();
        Files.writeString(
                main.resolve(".claude/work-units/WU-295.md"),
                "---\nid: WU-295\ntitle: Export the monthly invoices as CSV\ntier: story\nstatus: done\n---\n"
                        + "Finance downloads every invoice of a month as one CSV file.\n");
        GitCli.ok(main, "add", ".");
        GitCli.ok(main, "commit", "-qm", "[WU-295] Export the monthly invoices as CSV");
        assertThat(Cli.onTestStore(main, "index").exitCode()).isZero();
        assertThat(Cli.onTestStore(worktree, "index").exitCode()).isZero();
        assertThat(worktree.resolve(".claude/work-units/WU-295.md")).doesNotExist();

        Cli run = Cli.onTestStore(worktree, "duplicates", "--title", "Export monthly invoices to CSV", "--json");
        assertThat(run.exitCode()).as(run.err()).isIn(0, 3);
        JsonNode top = JSON.readTree(run.out()).get("candidates").get(0);
        assertThat(top.get("id").asString()).isEqualTo("workflow:work_unit:WU-295");
        assertThat(top.get("evidence").get("completion").asString()).startsWith("already done in ");
    }

    @Test
    void aDatedProposalIsComparedOnlyWithWorkFiledBeforeIt() throws Exception {
        Path dated = tmp.resolve("dated");
        Files.createDirectories(dated.resolve("work-units"));
        Files.writeString(
                dated.resolve("work-units/WU-1.md"),
                "---\nid: WU-1\ntitle: Cache the login tokens\nstatus: done\ncreated: 2024-01-10 01:00:00+01:00\n---\n"
                        + "Every login fetches a fresh token; cache them for their lifetime.\n");
        Files.writeString(
                dated.resolve("work-units/WU-2.md"),
                "---\nid: WU-2\ntitle: Cache login tokens\nstatus: open\nreported: sometime\n"
                        + "source: {tracker: jira, created: \"1/Mar/24 09:30\"}\n---\n"
                        + "Logins fetch a new token each time; keep them in a cache until they expire.\n");
        GitCli.ok(dated, "init", "-q", "-b", "main");
        GitCli.ok(dated, "add", ".");
        GitCli.ok(dated, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qm", "Two reports");
        Cli index = Cli.onTestStore(dated, "index");
        assertThat(index.exitCode()).isZero();
        assertThat(index.out() + index.err())
                .contains("work-units/WU-2.md")
                .contains("reported: 'sometime' is not a date, kept as text");

        JsonNode later = JSON.readTree(
                Cli.onTestStore(dated, "duplicates", "--id", "WU-2", "--json").out());
        assertThat(later.get("query").get("filed").asString()).isEqualTo("2024-03-01T09:30:00Z");
        JsonNode top = later.get("candidates").get(0);
        assertThat(top.get("id").asString()).isEqualTo("workflow:work_unit:WU-1");
        assertThat(top.get("evidence").get("days_before").asDouble()).isEqualTo(51.4);
        assertThat(top.get("evidence").get("summary").asString()).contains("filed 51 days before");

        JsonNode earlier = JSON.readTree(
                Cli.onTestStore(dated, "duplicates", "--id", "WU-1", "--json").out());
        assertThat(earlier.get("candidates").size()).isZero();
        assertThat(earlier.get("verdict").asString()).isEqualTo("distinct");
        assertThat(earlier.get("filed_later").asInt()).isEqualTo(1);
        assertThat(later.get("filed_later").asInt()).isZero();
        assertThat(Cli.onTestStore(dated, "duplicates", "--id", "WU-1").out())
                .contains("(0 of 2 work items compared; 1 filed after it left out)");

        Cli between = Cli.onTestStore(
                dated,
                "duplicates",
                "--title",
                "Cache the login tokens",
                "--created",
                "2024-02-01 12:00:00+00:00",
                "--json");
        assertThat(JSON.readTree(between.out()).get("candidates").valueStream().map(c -> c.get("id")
                        .asString()))
                .containsExactly("workflow:work_unit:WU-1");
        Cli now = Cli.onTestStore(dated, "duplicates", "--title", "Cache the login tokens", "--json");
        assertThat(JSON.readTree(now.out()).get("candidates").size()).isEqualTo(2);

        Cli bad = Cli.onTestStore(dated, "duplicates", "--title", "Cache the login tokens", "--created", "soon");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--created 'soon' is not a date; accepted: ISO 8601");
    }

    @Test
    void aParaphraseWithNoWordInCommonIsFoundThroughTheVectorIndex() throws Exception {
        Path para = tmp.resolve("paraphrase");
        Files.createDirectories(para.resolve("work-units"));
        String[][] units = {
            {"WU-1", "Sign-in screen takes too long to appear", "Users wait several seconds before they can type."},
            {"WU-2", "Render the billing report as PDF", "Finance wants the monthly report as a PDF."},
            {"WU-3", "Translate the settings menu into German", "German customers see English labels."}
        };
        for (String[] u : units) {
            Files.writeString(
                    para.resolve("work-units/" + u[0] + ".md"),
                    "---\nid: " + u[0] + "\ntitle: " + u[1] + "\nstatus: open\n---\n" + u[2] + "\n");
        }
        GitCli.ok(para, "init", "-q", "-b", "main");
        GitCli.ok(para, "add", ".");
        GitCli.ok(para, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qm", "Three units");
        assertThat(Cli.onTestStore(para, "index").exitCode()).isZero();

        // No word of the proposal is in WU-1, so the full-text index cannot offer it; the vector index does.
        Cli run = Cli.onTestStore(para, "duplicates", "--title", "Speed up the slow login page", "--json");
        JsonNode top = JSON.readTree(run.out()).get("candidates").get(0);
        assertThat(top.get("id").asString()).isEqualTo("workflow:work_unit:WU-1");
        // No matched term: the evidence leaves the empty list out, as it does the absent shared files.
        assertThat(top.get("evidence").has("matched_terms")).isFalse();
        assertThat(top.get("evidence").has("shared_files")).isFalse();
        assertThat(top.has("type")).isFalse();
        assertThat(top.get("evidence").get("embedding_similarity").asDouble()).isGreaterThan(0.4);
        assertThat(top.get("evidence").get("summary").asString()).contains("meaning similarity");

        // The vector is stored for the index and the finder, and never shown in answers.
        Cli stored = Cli.onTestStore(
                para, "query", "MATCH (n:WorkUnit {repo: $repo}) RETURN n.key AS k, size(n.embedding) AS d ORDER BY k");
        assertThat(stored.out()).contains("WU-1").contains("384");
        Cli all = Cli.onTestStore(para, "find", "--schema", "workflow", "--type", "work_unit", "--fields", "*");
        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(all.out()).contains("Sign-in screen").doesNotContain("embedding");
        Cli node = Cli.onTestStore(para, "query", "MATCH (n:WorkUnit {repo: $repo, key: 'WU-1'}) RETURN n");
        assertThat(node.out()).contains("Sign-in screen").doesNotContain("embedding");
        Cli props = Cli.onTestStore(
                para, "query", "MATCH (n:WorkUnit {repo: $repo, key: 'WU-1'}) RETURN properties(n) AS p, n {.*} AS q");
        assertThat(props.exitCode()).as(props.err()).isZero();
        assertThat(props.out()).contains("Sign-in screen").doesNotContain("embedding");
    }
}
