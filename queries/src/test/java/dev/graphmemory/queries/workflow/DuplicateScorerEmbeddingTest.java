package dev.graphmemory.queries.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The classic cases of {@link DuplicateScorerTest} again, with the embedding feature on (the hybrid weights). */
class DuplicateScorerEmbeddingTest {
    private static final WorkItem WU_281 = new WorkItem(
            "workflow:work_unit:WU-281",
            "work_unit",
            "Fix authentication timeout",
            "Sessions time out after 30 s because the token cache is cold.",
            "done",
            "story",
            List.of("auth/handler", "auth/cache"),
            null);
    private static final WorkItem WU_300 = new WorkItem(
            "workflow:work_unit:WU-300",
            "work_unit",
            "Render the billing report as PDF",
            "Finance wants the monthly report as a PDF.",
            "open",
            "task",
            List.of("billing/report"),
            null);
    private static final WorkItem BUG_7 = new WorkItem(
            "issues:bug:BUG-7",
            "bug",
            "Search index misses renamed files",
            "Renames are not picked up by the indexer.",
            "open",
            null,
            List.of("search/indexer"),
            null);

    private final DuplicateScorer scorer = new DuplicateScorer(
            WorkCorpus.of(List.of(WU_281, WU_300, BUG_7)),
            Embeddings.configured("on").orElseThrow());
    private final List<String> all = List.of(WU_281.id(), WU_300.id(), BUG_7.id());

    @Test
    void paraphraseTouchingTheSameFileIsADuplicate() {
        List<DuplicateCandidate> ranked = scorer.rank(
                ProposedWork.of("Improve auth timeout handling", "", List.of("auth/handler"), "story"), all, null);
        DuplicateCandidate top = ranked.get(0);
        assertThat(top.id()).isEqualTo(WU_281.id());
        assertThat(top.confidence()).isGreaterThanOrEqualTo(0.7);
        assertThat(top.evidence().embeddingSimilarity()).isNotNull();
        assertThat(ranked.subList(1, ranked.size())).allMatch(c -> c.verdict() == Verdict.DISTINCT);
    }

    @Test
    void differentWorkOnTheSameSubjectIsNotADuplicate() {
        DuplicateCandidate top = scorer.rank(
                        ProposedWork.of("Add retry logic to failed auth attempts", "", List.of(), null), all, null)
                .get(0);
        assertThat(top.id()).isEqualTo(WU_281.id());
        assertThat(top.confidence()).isLessThan(0.7);
    }

    @Test
    void sharedFilesAloneMakeAnOverlapNotADuplicate() {
        DuplicateCandidate top = scorer.rank(
                        ProposedWork.of("Add retry logic to failed auth attempts", "", List.of("auth/handler"), null),
                        all,
                        null)
                .get(0);
        assertThat(top.id()).isEqualTo(WU_281.id());
        assertThat(top.verdict()).isNotEqualTo(Verdict.DUPLICATE);
    }

    @Test
    void hybridConfidenceRisesWithTheEmbeddingCosine() {
        assertThat(DuplicateThresholds.confidence(0.3, 0.5, 0.5, 0.1, 0.8, 0))
                .isGreaterThan(DuplicateThresholds.confidence(0.3, 0.5, 0.5, 0.1, 0.5, 0));
    }
}
