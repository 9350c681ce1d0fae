package dev.graphmemory.indexer.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class KnowledgeConfigTest {
    private final KnowledgeConfig defaults = KnowledgeConfig.defaults();

    @Test
    void defaultGlobsAcceptDocumentFoldersAtAnyDepthIncludingNone() {
        assertThat(defaults.accepts(".claude/work-units/WU-281-fix-auth.md")).isTrue();
        assertThat(defaults.accepts(".claude/work-units/done/2026/WU-12.md")).isTrue();
        assertThat(defaults.accepts("work-units/WU-1.md")).isTrue();
        assertThat(defaults.accepts("docs/adr/ADR-002.md")).isTrue();
        assertThat(defaults.accepts("docs/decisions/0001-use-neo4j.md")).isTrue();
        assertThat(defaults.accepts("bugs/BUG-ARCH-014.md")).isTrue();
        assertThat(defaults.accepts("bugs/open/BUG-1.md")).isTrue();
        assertThat(defaults.accepts("docs/anti-patterns/ANTI-PATTERN-001.md")).isTrue();
        assertThat(defaults.accepts("anti-patterns/AP-3.md")).isTrue();
    }

    @Test
    void defaultGlobsNormaliseSeparatorsAndLeadingDots() {
        assertThat(defaults.accepts("./bugs/BUG-1.md")).isTrue();
        assertThat(defaults.accepts("/bugs/BUG-1.md")).isTrue();
        assertThat(defaults.accepts("bugs\\open\\BUG-1.md")).isTrue();
    }

    @Test
    void defaultGlobsRejectOtherPlacesAndExtensions() {
        assertThat(defaults.accepts("README.md")).isFalse();
        assertThat(defaults.accepts("src/work-units/WU-1.md")).isFalse();
        assertThat(defaults.accepts("bugs/BUG-1.txt")).isFalse();
        assertThat(defaults.accepts("bugs.md")).isFalse();
        assertThat(defaults.accepts("docs/adr.md")).isFalse();
        assertThat(defaults.accepts("work-unitsX/WU-1.md")).isFalse();
    }

    @Test
    void customGlobsSupportBracesCharacterClassesAndQuestionMarks() {
        KnowledgeConfig config = new KnowledgeConfig(List.of("notes/{wu,bug}-?.md", "kb/[!_]*.md", "**/plans/*.md"));

        assertThat(config.accepts("notes/wu-1.md")).isTrue();
        assertThat(config.accepts("notes/bug-2.md")).isTrue();
        assertThat(config.accepts("notes/adr-2.md")).isFalse();
        assertThat(config.accepts("notes/wu-12.md")).isFalse();
        assertThat(config.accepts("kb/WU-1.md")).isTrue();
        assertThat(config.accepts("kb/_template.md")).isFalse();
        assertThat(config.accepts("plans/WU-1.md")).isTrue();
        assertThat(config.accepts("a/b/plans/WU-1.md")).isTrue();
        assertThat(config.accepts("a/b/plans/x/WU-1.md")).isFalse();
    }

    @Test
    void aBadGlobIsRejectedWithItsText() {
        assertThatThrownBy(() -> new KnowledgeConfig(List.of("docs/{adr,decisions/*.md")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("docs/{adr,decisions/*.md");
        assertThatThrownBy(() -> new KnowledgeConfig(List.of(" ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }
}
