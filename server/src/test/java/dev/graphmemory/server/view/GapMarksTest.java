package dev.graphmemory.server.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GapMarksTest {
    @Test
    void aModuleBoxHoldsOnlyItsOwnPath() {
        assertThat(GapMarks.holds("architecture:module:src/a/X.java", "src/a/X.java"))
                .isTrue();
        assertThat(GapMarks.holds("architecture:module:src/a/X.java", "src/a/Y.java"))
                .isFalse();
    }

    @Test
    void aFolderBoxHoldsThePathsBelowItButNotASiblingWithTheSamePrefix() {
        assertThat(GapMarks.holds("folder:src/a", "src/a/b/X.java")).isTrue();
        assertThat(GapMarks.holds("folder:src/a", "src/ab/X.java")).isFalse();
    }

    @Test
    void theRootFolderBoxHoldsOnlyFilesAtTheTop() {
        assertThat(GapMarks.holds("folder:", "X.java")).isTrue();
        assertThat(GapMarks.holds("folder:", "src/X.java")).isFalse();
    }

    @Test
    void aPackageBoxIsNeverMarked() {
        assertThat(GapMarks.holds("package:com.acme", "src/main/java/com/acme/X.java"))
                .isFalse();
    }
}
