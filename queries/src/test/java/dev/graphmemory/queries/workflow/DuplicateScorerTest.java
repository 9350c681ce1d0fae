package dev.graphmemory.queries.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DuplicateScorerTest {
    private static final WorkItem WU_281 = new WorkItem(
            "workflow:work_unit:WU-281",
            "work_unit",
            "Fix authentication timeout",
            "Sessions time out after 30 s because the token cache is cold.",
            "done",
            "story",
            List.of("auth/handler", "auth/cache"),
            new WorkItem.CommitRef("0123456789abcdef0123456789abcdef01234567", "2026-01-01T10:02:00Z"));
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

    private final WorkCorpus corpus = WorkCorpus.of(List.of(WU_281, WU_300, BUG_7));
    private final DuplicateScorer scorer = new DuplicateScorer(corpus);
    private final List<String> all = List.of(WU_281.id(), WU_300.id(), BUG_7.id());

    @Test
    void paraphraseTouchingTheSameFileIsADuplicate() {
        List<DuplicateCandidate> ranked = scorer.rank(
                ProposedWork.of("Improve auth timeout handling", "", List.of("auth/handler"), "story"), all, null);
        DuplicateCandidate top = ranked.get(0);
        assertThat(top.id()).isEqualTo(WU_281.id());
        assertThat(top.confidence()).isGreaterThanOrEqualTo(0.7);
        assertThat(top.verdict()).isEqualTo(Verdict.DUPLICATE);
        assertThat(top.evidence().sharedFiles()).containsExactly("auth/handler");
        assertThat(top.evidence().matchedTerms()).contains("auth", "timeout");
        assertThat(top.evidence().sameTier()).isTrue();
        assertThat(top.evidence().completion()).isEqualTo("already done in 0123456, 2026-01-01");
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
        assertThat(top.evidence().sharedFiles()).containsExactly("auth/handler");
    }

    @Test
    void coverageIsCheckedBothWays() {
        DuplicateCandidate restates = scorer.rank(
                        ProposedWork.of("Authentication timeout", "The fix for it is missing.", List.of(), null),
                        all,
                        null)
                .get(0);
        DuplicateCandidate mentions = scorer.rank(
                        ProposedWork.of(
                                "Timeout",
                                "Billing report PDF export times out after authentication.",
                                List.of(),
                                null),
                        List.of(WU_281.id()),
                        null)
                .get(0);
        assertThat(restates.id()).isEqualTo(WU_281.id());
        assertThat(restates.evidence().candidateTitleCoverage()).isEqualTo(1.0);
        assertThat(mentions.evidence().candidateTitleCoverage())
                .isGreaterThan(0)
                .isLessThan(restates.evidence().candidateTitleCoverage());
        assertThat(restates.confidence()).isGreaterThan(mentions.confidence());
    }

    @Test
    void leavesOutTheExcludedItemAndUnknownIds() {
        List<DuplicateCandidate> ranked = scorer.rank(
                ProposedWork.of("Fix authentication timeout", "", List.of(), null),
                List.of(WU_281.id(), BUG_7.id(), "workflow:work_unit:NOPE"),
                WU_281.id());
        assertThat(ranked).extracting(DuplicateCandidate::id).containsExactly(BUG_7.id());
    }

    @Test
    void openWorkReadsInProgress() {
        DuplicateCandidate top = scorer.rank(
                        ProposedWork.of("Render billing report to PDF", "", List.of(), null), all, null)
                .get(0);
        assertThat(top.id()).isEqualTo(WU_300.id());
        assertThat(top.evidence().completion()).isEqualTo("in progress");
    }

    @Test
    void confidenceRisesWithEachKindOfEvidence() {
        double base = DuplicateThresholds.confidence(0.3, 0.5, 0.5, 0.1, 0);
        assertThat(DuplicateThresholds.confidence(0.6, 0.5, 0.5, 0.1, 0)).isGreaterThan(base);
        assertThat(DuplicateThresholds.confidence(0.3, 0.9, 0.5, 0.1, 0)).isGreaterThan(base);
        assertThat(DuplicateThresholds.confidence(0.3, 0.5, 0.9, 0.1, 0)).isGreaterThan(base);
        assertThat(DuplicateThresholds.confidence(0.3, 0.5, 0.5, 0.3, 0)).isGreaterThan(base);
        assertThat(DuplicateThresholds.confidence(0.3, 0.5, 0.5, 0.1, 1)).isGreaterThan(base);
        assertThat(DuplicateThresholds.verdict(DuplicateThresholds.confidence(0, 0, 0, 0, 1)))
                .isEqualTo(Verdict.OVERLAP);
        assertThat(DuplicateThresholds.verdict(0.7)).isEqualTo(Verdict.DUPLICATE);
        assertThat(DuplicateThresholds.verdict(0.5)).isEqualTo(Verdict.OVERLAP);
        assertThat(DuplicateThresholds.verdict(0.1)).isEqualTo(Verdict.DISTINCT);
    }
}
