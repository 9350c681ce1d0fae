package dev.graphmemory.queries.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphmemory.queries.find.ToolException;
import dev.graphmemory.queries.schema.GraphSchema;
import dev.graphmemory.queries.testkit.TestNeo4j;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * Duplicate detection on a real Neo4j, over work units, a bug, modules and a commit written in the
 * shape the indexer writes them, under a fresh repository key (and a second repository that must
 * never leak in).
 */
class DuplicateFinderIT {
    private static final String REPO = TestNeo4j.newRepoKey();
    private static final String OTHER_REPO = TestNeo4j.newRepoKey();
    private static final String SHA = "3f2a9c41d0b8e7f6a5c4b3a29180f7e6d5c4b3a2";
    private static final String WU_281 = "workflow:work_unit:WU-281";

    private static Driver driver;

    @BeforeAll
    static void createGraph() {
        driver = TestNeo4j.driver();
        GraphSchema.ensure(driver);
        try (Session session = driver.session()) {
            workUnit(
                    session,
                    REPO,
                    "WU-281",
                    "Fix authentication timeout",
                    "done",
                    "story",
                    List.of("auth/handler", "auth/cache"),
                    "Sessions expire after 30 s because the cache is cold.");
            workUnit(
                    session,
                    REPO,
                    "WU-282",
                    "Render the billing report as PDF",
                    "open",
                    "task",
                    List.of("billing/report"),
                    "Finance wants the monthly report as a PDF.");
            workUnit(
                    session,
                    REPO,
                    "WU-283",
                    "Paginate the audit log view",
                    "in_progress",
                    "task",
                    List.of("audit/view"),
                    "The audit log page loads every row at once.");
            session.run(
                            "CREATE (:Entity:Bug {repo: $repo, id: 'issues:bug:BUG-9', key: 'BUG-9', schema: 'issues',"
                                    + " type: 'bug', types: ['bug'], name: 'Search misses renamed files', title: 'Search misses"
                                    + " renamed files', status: 'open', root_cause: 'the indexer ignores renames'})",
                            Map.of("repo", REPO))
                    .consume();
            session.run(
                            "MATCH (w:Entity {repo: $repo, id: $wu})"
                                    + " UNWIND ['auth/handler', 'auth/cache'] AS p"
                                    + " CREATE (w)-[:TOUCHES]->(:Entity:Module {repo: $repo, id: 'architecture:module:' + p,"
                                    + " key: p, schema: 'architecture', type: 'module', types: ['module'], path: p, name: p})",
                            Map.of("repo", REPO, "wu", WU_281))
                    .consume();
            session.run(
                            "MATCH (w:Entity {repo: $repo, id: $wu})"
                                    + " CREATE (:Entity:Commit {repo: $repo, id: 'workflow:commit:' + $sha, key: $sha,"
                                    + " schema: 'workflow', type: 'commit', types: ['commit'], sha: $sha,"
                                    + " time: '2026-01-01T10:02:00Z', message: '[WU-281] Fix authentication timeout',"
                                    + " name: '[WU-281] Fix authentication timeout'})-[:MENTIONS]->(w)",
                            Map.of("repo", REPO, "wu", WU_281, "sha", SHA))
                    .consume();
            workUnit(
                    session,
                    OTHER_REPO,
                    "WU-900",
                    "Improve auth timeout handling",
                    "open",
                    "story",
                    List.of("auth/handler"),
                    "The same words, in another repository.");
        }
    }

    private static void workUnit(
            Session session,
            String repo,
            String key,
            String title,
            String status,
            String tier,
            List<String> files,
            String objective) {
        session.run(
                        "CREATE (:Entity:WorkUnit {repo: $repo, id: 'workflow:work_unit:' + $key, key: $key,"
                                + " schema: 'workflow', type: 'work_unit', types: ['work_unit'], name: $title, title: $title,"
                                + " objective: $objective, status: $status, tier: $tier, files_changed: $files,"
                                + " body: '# ' + $title + '\\n\\n' + $objective, path: 'work-units/' + $key + '.md'})",
                        Map.of(
                                "repo",
                                repo,
                                "key",
                                key,
                                "title",
                                title,
                                "objective",
                                objective,
                                "status",
                                status,
                                "tier",
                                tier,
                                "files",
                                files))
                .consume();
    }

    private final DuplicateFinder finder = new DuplicateFinder(TestNeo4j.driver(), REPO);

    @Test
    void paraphraseTouchingTheSameFileIsADuplicateOfTheDoneWorkUnit() {
        DuplicateReport report = finder.find(
                ProposedWork.of("Improve auth timeout handling", "", List.of("auth/handler"), "story"), null);
        DuplicateCandidate top = report.candidates().get(0);
        assertThat(top.id()).isEqualTo(WU_281);
        assertThat(top.confidence()).isGreaterThanOrEqualTo(0.7);
        assertThat(report.verdict()).isEqualTo(Verdict.DUPLICATE);
        assertThat(report.toMap()).containsEntry("duplicate_of", WU_281);
        assertThat(top.evidence().sharedFiles()).containsExactly("auth/handler");
        assertThat(top.evidence().completion()).isEqualTo("already done in 3f2a9c4, 2026-01-01");
        assertThat(top.evidence().summary()).contains("auth/handler", "timeout", "already done in 3f2a9c4");
    }

    @Test
    void retryLogicForAuthIsNotADuplicate() {
        DuplicateReport report =
                finder.find(ProposedWork.of("Add retry logic to failed auth attempts", "", List.of(), null), null);
        assertThat(report.candidates())
                .allSatisfy(c -> assertThat(c.confidence()).isLessThan(0.7));
        assertThat(report.hasDuplicate()).isFalse();
    }

    @Test
    void findsBugsAndOpenWorkAndSaysWhatIsInProgress() {
        DuplicateReport bug = finder.find(ProposedWork.of("Search index ignores renamed files", "", null, null), 3);
        assertThat(bug.candidates().get(0).id()).isEqualTo("issues:bug:BUG-9");
        assertThat(bug.candidates().get(0).type()).isEqualTo("bug");
        DuplicateReport audit = finder.find(ProposedWork.of("Paginate audit log", "", List.of(), "task"), 3);
        assertThat(audit.candidates().get(0).evidence().completion()).isEqualTo("in progress");
    }

    @Test
    void anIndexedWorkUnitIsComparedWithOthersNeverWithItself() {
        DuplicateReport report = finder.findFor("WU-281", 10);
        assertThat(report.queryId()).isEqualTo(WU_281);
        assertThat(report.candidates()).extracting(DuplicateCandidate::id).doesNotContain(WU_281);
        assertThat(finder.findFor(WU_281, 10).queryId()).isEqualTo(WU_281);
    }

    @Test
    void otherRepositoriesNeverLeakIn() {
        DuplicateReport report = finder.find(ProposedWork.of("Improve auth timeout handling", "", List.of(), null), 50);
        assertThat(report.candidates()).allSatisfy(c -> assertThat(c.id()).doesNotContain("WU-900"));
        assertThat(report.corpusSize()).isEqualTo(4);
    }

    @Test
    void luceneSyntaxInTheProposalIsTakenAsText() {
        DuplicateReport report =
                finder.find(ProposedWork.of("auth) OR \"timeout* title:[a TO z] && ~ \\", "", List.of(), null), null);
        assertThat(report.candidates()).extracting(DuplicateCandidate::id).contains(WU_281);
    }

    @Test
    void unknownIdIsACallerMistakeThatSuggestsIds() {
        assertThatThrownBy(() -> finder.findFor("WU-28", null))
                .isInstanceOf(ToolException.class)
                .hasMessageContaining("no work unit or bug with id 'WU-28'")
                .hasMessageContaining("WU-281");
        assertThatThrownBy(() -> finder.find(ProposedWork.of("x", "", null, null), 0))
                .isInstanceOf(ToolException.class)
                .hasMessageContaining("limit");
    }

    @Test
    void theVectorIndexOffersAParaphraseWithNoWordInCommonAndItsLossOnlyNarrowsTheCandidates() {
        String repo = TestNeo4j.newRepoKey();
        Embeddings embeddings = Embeddings.configured("on").orElseThrow();
        try (Session session = driver.session()) {
            for (String[] u : new String[][] {
                {"WU-1", "Sign-in screen takes too long to appear", "Users wait several seconds before they can type."},
                {"WU-2", "Render the billing report as PDF", "Finance wants the monthly report as a PDF."}
            }) {
                Map<String, Object> props = Map.of("title", u[1], "name", u[1], "body", u[2]);
                List<Double> vector = Embeddings.values(embeddings.vector(Embeddings.text(props, u[0])));
                session.run(
                                "CREATE (:Entity:WorkUnit {repo: $repo, id: 'workflow:work_unit:' + $key, key: $key,"
                                        + " schema: 'workflow', type: 'work_unit', types: ['work_unit'], name: $title,"
                                        + " title: $title, body: $body, status: 'open', embedding: $vector,"
                                        + " embedding_model: $model})",
                                Map.of(
                                        "repo",
                                        repo,
                                        "key",
                                        u[0],
                                        "title",
                                        u[1],
                                        "body",
                                        u[2],
                                        "vector",
                                        vector,
                                        "model",
                                        Embeddings.MODEL))
                        .consume();
            }
        }
        ProposedWork proposal = ProposedWork.of("Speed up the slow login page", "", List.of(), null);
        DuplicateReport report = new DuplicateFinder(driver, repo, embeddings).find(proposal, null);
        assertThat(report.candidates()).extracting(DuplicateCandidate::id).contains("workflow:work_unit:WU-1");
        DuplicateCandidate signIn = report.candidates().get(0);
        assertThat(signIn.id()).isEqualTo("workflow:work_unit:WU-1");
        assertThat(signIn.evidence().matchedTerms()).isEmpty();
        assertThat(signIn.evidence().embeddingSimilarity()).isGreaterThan(0.4);

        try (Session session = driver.session()) {
            session.run("DROP INDEX " + GraphSchema.VECTOR_INDEX).consume();
        }
        try {
            // Without the index the full-text candidates remain: the paraphrase is no longer offered.
            DuplicateReport without = new DuplicateFinder(driver, repo, embeddings).find(proposal, null);
            assertThat(without.candidates())
                    .extracting(DuplicateCandidate::id)
                    .doesNotContain("workflow:work_unit:WU-1");
            DuplicateReport lexical = new DuplicateFinder(driver, repo, embeddings)
                    .find(ProposedWork.of("Render the billing report", "", List.of(), null), null);
            assertThat(lexical.candidates().get(0).id()).isEqualTo("workflow:work_unit:WU-2");
        } finally {
            GraphSchema.ensure(driver);
        }
    }
}
