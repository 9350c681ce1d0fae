package dev.graphmemory.queries.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.graphmemory.queries.workflow.DuplicateThresholds.Features;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The classic cases, with the lexical weights and again with the embedding feature on. */
class DuplicateScorerTest {
    private static final Instant JAN_1 = Instant.parse("2026-01-01T09:00:00Z");
    private static final WorkItem WU_281 = new WorkItem(
            "workflow:work_unit:WU-281",
            "work_unit",
            "Fix authentication timeout",
            "Sessions time out after 30 s because the token cache is cold.",
            "done",
            "story",
            List.of("auth/handler", "auth/cache"),
            new WorkItem.CommitRef("0123456789abcdef0123456789abcdef01234567", "2026-01-01T10:02:00Z"),
            null,
            null);
    private static final WorkItem WU_300 = new WorkItem(
            "workflow:work_unit:WU-300",
            "work_unit",
            "Render the billing report as PDF",
            "Finance wants the monthly report as a PDF.",
            "open",
            "task",
            List.of("billing/report"),
            null,
            null,
            null);
    private static final WorkItem BUG_7 = new WorkItem(
            "issues:bug:BUG-7",
            "bug",
            "Search index misses renamed files",
            "Renames are not picked up by the indexer.",
            "open",
            null,
            List.of("search/indexer"),
            null,
            JAN_1,
            null);
    private static final List<String> ALL = List.of(WU_281.id(), WU_300.id(), BUG_7.id());

    enum Mode {
        LEXICAL,
        EMBEDDINGS;

        DuplicateScorer scorer() {
            WorkCorpus corpus = WorkCorpus.of(List.of(WU_281, WU_300, BUG_7));
            return this == LEXICAL
                    ? new DuplicateScorer(corpus)
                    : new DuplicateScorer(corpus, Embeddings.configured("on").orElseThrow());
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void paraphraseTouchingTheSameFileIsADuplicate(Mode mode) {
        List<DuplicateCandidate> ranked = mode.scorer()
                .rank(
                        ProposedWork.of("Improve auth timeout handling", "", List.of("auth/handler"), "story"),
                        ALL,
                        null);
        DuplicateCandidate top = ranked.get(0);
        assertThat(top.id()).isEqualTo(WU_281.id());
        assertThat(top.confidence()).isGreaterThanOrEqualTo(DuplicateThresholds.DUPLICATE);
        assertThat(top.verdict()).isEqualTo(Verdict.DUPLICATE);
        assertThat(top.evidence().sharedFiles()).containsExactly("auth/handler");
        assertThat(top.evidence().matchedTerms()).contains("auth", "timeout");
        assertThat(top.evidence().sameTier()).isTrue();
        assertThat(top.evidence().completion()).isEqualTo("already done in 0123456, 2026-01-01");
        assertThat(top.evidence().embeddingSimilarity() != null).isEqualTo(mode == Mode.EMBEDDINGS);
        assertThat(ranked.subList(1, ranked.size())).allMatch(c -> c.verdict() == Verdict.DISTINCT);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void differentWorkOnTheSameSubjectIsNotADuplicate(Mode mode) {
        DuplicateCandidate top = mode.scorer()
                .rank(ProposedWork.of("Add retry logic to failed auth attempts", "", List.of(), null), ALL, null)
                .get(0);
        assertThat(top.id()).isEqualTo(WU_281.id());
        assertThat(top.confidence()).isLessThan(DuplicateThresholds.DUPLICATE);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void sharedFilesAloneMakeAnOverlapNotADuplicate(Mode mode) {
        DuplicateCandidate top = mode.scorer()
                .rank(
                        ProposedWork.of("Add retry logic to failed auth attempts", "", List.of("auth/handler"), null),
                        ALL,
                        null)
                .get(0);
        assertThat(top.id()).isEqualTo(WU_281.id());
        assertThat(top.verdict()).isNotEqualTo(Verdict.DUPLICATE);
        assertThat(top.evidence().sharedFiles()).containsExactly("auth/handler");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void coverageIsCheckedBothWays(Mode mode) {
        DuplicateScorer scorer = mode.scorer();
        DuplicateCandidate restates = scorer.rank(
                        ProposedWork.of("Authentication timeout", "The fix for it is missing.", List.of(), null),
                        ALL,
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

    @ParameterizedTest
    @EnumSource(Mode.class)
    void leavesOutTheExcludedItemAndUnknownIds(Mode mode) {
        List<DuplicateCandidate> ranked = mode.scorer()
                .rank(
                        ProposedWork.of("Fix authentication timeout", "", List.of(), null),
                        List.of(WU_281.id(), BUG_7.id(), "workflow:work_unit:NOPE"),
                        WU_281.id());
        assertThat(ranked).extracting(DuplicateCandidate::id).containsExactly(BUG_7.id());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void openWorkReadsInProgress(Mode mode) {
        DuplicateCandidate top = mode.scorer()
                .rank(ProposedWork.of("Render billing report to PDF", "", List.of(), null), ALL, null)
                .get(0);
        assertThat(top.id()).isEqualTo(WU_300.id());
        assertThat(top.evidence().completion()).isEqualTo("in progress");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void workFiledAfterADatedProposalIsNotACandidate(Mode mode) {
        String title = "Search index misses renamed files";
        String text = "Renamed files never show up in search.";
        List<DuplicateCandidate> before =
                mode.scorer().rank(dated(title, text, Instant.parse("2025-12-31T23:00:00Z")), ALL, null);
        List<DuplicateCandidate> after =
                mode.scorer().rank(dated(title, text, Instant.parse("2026-01-29T09:00:00Z")), ALL, null);
        List<DuplicateCandidate> undated = mode.scorer().rank(ProposedWork.of(title, text, List.of(), null), ALL, null);

        assertThat(before).extracting(DuplicateCandidate::id).doesNotContain(BUG_7.id());
        assertThat(after.get(0).id()).isEqualTo(BUG_7.id());
        assertThat(after.get(0).evidence().daysBefore()).isEqualTo(28.0);
        assertThat(after.get(0).evidence().filed()).isEqualTo(JAN_1);
        assertThat(after.get(0).evidence().summary()).contains("filed 28 days before");
        assertThat(undated.get(0).id()).isEqualTo(BUG_7.id());
        assertThat(undated.get(0).evidence().daysBefore()).isNull();
        // Undated items (WU-281, WU-300) are compared with a dated proposal as before, without the date evidence.
        assertThat(before).extracting(DuplicateCandidate::id).contains(WU_281.id(), WU_300.id());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void theSameReportFiledSoonerAfterIsTheLikelierDuplicate(Mode mode) {
        String title = "Search index misses renamed files";
        String text = "Renames are not picked up by the indexer.";
        DuplicateCandidate soon = mode.scorer()
                .rank(dated(title, text, JAN_1.plusSeconds(2 * 86_400)), ALL, null)
                .get(0);
        DuplicateCandidate late = mode.scorer()
                .rank(dated(title, text, JAN_1.plusSeconds(3 * 365 * 86_400L)), ALL, null)
                .get(0);
        assertThat(soon.id()).isEqualTo(BUG_7.id());
        assertThat(late.id()).isEqualTo(BUG_7.id());
        assertThat(soon.confidence()).isGreaterThan(late.confidence());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void confidenceRisesWithEachKindOfEvidence(Mode mode) {
        boolean on = mode == Mode.EMBEDDINGS;
        Features base = new Features(0.8, 0.6, 0.6, 0.15, 0.6, 0.05);
        for (Double days : new Double[] {null, 0.0, 30.0, 900.0}) {
            double at = DuplicateThresholds.confidence(on, days, base, 0);
            for (Features more : List.of(
                    new Features(1.0, 0.6, 0.6, 0.15, 0.6, 0.05),
                    new Features(0.8, 0.9, 0.6, 0.15, 0.6, 0.05),
                    new Features(0.8, 0.6, 0.9, 0.15, 0.6, 0.05),
                    new Features(0.8, 0.6, 0.6, 0.3, 0.6, 0.05))) {
                assertThat(DuplicateThresholds.confidence(on, days, more, 0)).isGreaterThan(at);
            }
            assertThat(DuplicateThresholds.confidence(on, days, base, 1)).isGreaterThan(at);
            if (on) {
                assertThat(DuplicateThresholds.confidence(on, days, new Features(0.8, 0.6, 0.6, 0.15, 0.8, 0.05), 0))
                        .isGreaterThan(at);
                assertThat(DuplicateThresholds.confidence(on, days, new Features(0.8, 0.6, 0.6, 0.15, 0.6, 0.2), 0))
                        .isGreaterThan(at);
            }
            if (days != null && days > 0) {
                assertThat(DuplicateThresholds.confidence(on, days / 10, base, 0))
                        .isGreaterThan(at);
            }
            // No text in common: shared files make an overlap, never a duplicate, however close the dates.
            Features none = new Features(0, 0, 0, -0.5, 0, -0.5);
            assertThat(DuplicateThresholds.filesOnly(on, none, 1)).isTrue();
            assertThat(DuplicateThresholds.verdict(DuplicateThresholds.confidence(on, days, none, 1), true))
                    .isEqualTo(Verdict.OVERLAP);
        }
        assertThat(DuplicateThresholds.verdict(DuplicateThresholds.DUPLICATE, false))
                .isEqualTo(Verdict.DUPLICATE);
        assertThat(DuplicateThresholds.verdict(0.3, false)).isEqualTo(Verdict.REVIEW);
        assertThat(DuplicateThresholds.verdict(0.3, true)).isEqualTo(Verdict.OVERLAP);
        assertThat(DuplicateThresholds.verdict(0.1, false)).isEqualTo(Verdict.DISTINCT);
    }

    private static ProposedWork dated(String title, String text, Instant created) {
        return new ProposedWork(title, text, List.of(), null, null, created);
    }

    @Test
    void aStoredVectorIsUsedForEveryCandidateInsteadOfEmbeddingItsText() {
        Embeddings embeddings = Embeddings.configured("on").orElseThrow();
        String proposal = "Speed up the slow login page";
        // The indexer stored, for the billing report, the vector of the proposal's own text: the
        // scorer must take it as it is (cosine 1), not embed "Render the billing report as PDF".
        float[] stored = embeddings.vector(Embeddings.text(proposal, ""));
        WorkItem billing = new WorkItem(
                WU_300.id(), "work_unit", WU_300.title(), WU_300.text(), "open", "task", List.of(), null, null, stored);
        DuplicateScorer scorer = new DuplicateScorer(WorkCorpus.of(List.of(WU_281, billing, BUG_7)), embeddings);
        List<DuplicateCandidate> ranked = scorer.rank(ProposedWork.of(proposal, "", List.of(), null), ALL, null);
        DuplicateCandidate found = ranked.stream()
                .filter(c -> c.id().equals(WU_300.id()))
                .findFirst()
                .orElseThrow();
        assertThat(found.evidence().embeddingSimilarity()).isCloseTo(1.0, within(1e-6));
        // Items without a stored vector are embedded from their text, as before.
        assertThat(ranked.stream().filter(c -> !c.id().equals(WU_300.id())))
                .allSatisfy(c -> assertThat(c.evidence().embeddingSimilarity()).isLessThan(0.9));
    }
}
