package dev.graphmemory.queries.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TierClassifierTest {
    private static final List<String> SIX = List.of("a", "b", "c", "d", "e", "f");

    @Test
    void readOnlyWorkIsATaskWhateverTheFiles() {
        assertThat(TierClassifier.classify("Audit the auth module", SIX))
                .extracting(TierClassifier.Tier::tier, TierClassifier.Tier::rule)
                .containsExactly("task", "read_only");
        assertThat(TierClassifier.classify("[WU-12] Reviewing flaky tests", SIX).rule())
                .isEqualTo("read_only");
        assertThat(TierClassifier.classify("WU-12: analyse startup time", SIX).rule())
                .isEqualTo("read_only");
        assertThat(TierClassifier.classify("Document the CLI", SIX).tier()).isEqualTo("task");
    }

    @Test
    void theLeadingVerbDecidesNotAnyWord() {
        assertThat(TierClassifier.classify("Fix report generation", SIX))
                .extracting(TierClassifier.Tier::tier, TierClassifier.Tier::rule)
                .containsExactly("epic", "files_5_plus");
        assertThat(TierClassifier.classify("Reporter rewrite", SIX).tier()).isEqualTo("epic");
    }

    @Test
    void fileCountsDecideTheRest() {
        assertThat(TierClassifier.classify("Add retry", List.of()).tier()).isEqualTo("task");
        assertThat(TierClassifier.classify("Add retry", List.of("a")).rule()).isEqualTo("files_0_to_1");
        assertThat(TierClassifier.classify("Add retry", List.of("a", "b")).tier())
                .isEqualTo("story");
        assertThat(TierClassifier.classify("Add retry", List.of("a", "b", "c", "d"))
                        .tier())
                .isEqualTo("story");
        assertThat(TierClassifier.classify("Add retry", List.of("a", "b", "c", "d", "e"))
                        .tier())
                .isEqualTo("epic");
        // the same file twice counts once; blanks do not count
        assertThat(TierClassifier.classify("Add retry", List.of("a", "a", " ", "b"))
                        .files())
                .isEqualTo(2);
        assertThat(TierClassifier.classify(null, null).tier()).isEqualTo("task");
    }
}
