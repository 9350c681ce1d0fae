package dev.graphmemory.queries.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProposedWorkTest {
    @Test
    void aProposalLargerThanTheLimitsIsRefusedWithTheLimit() {
        assertThatThrownBy(() -> ProposedWork.of("t".repeat(1_000_000), null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("title has 1,000,000 characters")
                .hasMessageContaining("at most 1,000");
        assertThatThrownBy(() -> ProposedWork.of("t", "o".repeat(ProposedWork.MAX_TEXT_CHARS + 1), null, null))
                .hasMessageContaining("objective");
        assertThatThrownBy(() -> new ProposedWork("t", null, null, null, "b".repeat(200_000), null))
                .hasMessageContaining("body");
        List<String> files = Collections.nCopies(ProposedWork.MAX_FILES + 1, "a.py").stream()
                .map(f -> f + Math.random())
                .toList();
        assertThatThrownBy(() -> ProposedWork.of("t", null, files, null)).hasMessageContaining("files");
        assertThat(ProposedWork.of("t".repeat(ProposedWork.MAX_TITLE_CHARS), null, null, null)
                        .title())
                .hasSize(ProposedWork.MAX_TITLE_CHARS);
    }

    @Test
    void anIndexedItemIsClippedToTheLimits() {
        ProposedWork p = ProposedWork.clipped("t".repeat(5_000), List.of("a.py"), null, "b".repeat(200_000), null);
        assertThat(p.title()).hasSize(ProposedWork.MAX_TITLE_CHARS);
        assertThat(p.body()).hasSize(ProposedWork.MAX_TEXT_CHARS);
    }
}
