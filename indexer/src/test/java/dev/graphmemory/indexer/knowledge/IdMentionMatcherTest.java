package dev.graphmemory.indexer.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class IdMentionMatcherTest {
    private final IdMentionMatcher matcher = IdMentionMatcher.of(Map.of(
            "WU-28", "workflow:work_unit:WU-28",
            "WU-281", "workflow:work_unit:WU-281",
            "BUG-ARCH-014", "issues:bug:BUG-ARCH-014",
            "ADR-002", "decisions:adr:ADR-002",
            "WU-hadoop-13277398", "workflow:work_unit:WU-hadoop-13277398"));

    @Test
    void findsIdsCaseInsensitivelyOncePerIdInOrder() {
        assertThat(matcher.mentions("see adr-002 and WU-281, then ADR-002 again; bug-arch-014."))
                .containsExactly("decisions:adr:ADR-002", "workflow:work_unit:WU-281", "issues:bug:BUG-ARCH-014");
    }

    @Test
    void respectsWordBoundaries() {
        assertThat(matcher.mentions("WU-2810 and XWU-28 and WU-28a and WU-28_x and 9WU-28"))
                .isEmpty();
        assertThat(matcher.mentions("WU-281")).containsExactly("workflow:work_unit:WU-281");
        assertThat(matcher.mentions("(WU-28)")).containsExactly("workflow:work_unit:WU-28");
    }

    @Test
    void findsIdsThatAreWholePartsOfALongerHyphenatedName() {
        assertThat(matcher.mentions("Merge branch 'wu-281-fix-auth' and docs/adr/ADR-002-use-neo4j.md"))
                .containsExactly("workflow:work_unit:WU-281", "decisions:adr:ADR-002");
        assertThat(matcher.mentions("[WU-hadoop-13277398] done"))
                .containsExactly("workflow:work_unit:WU-hadoop-13277398");
    }

    @Test
    void acceptsFullNodeIdsOfKnownTypes() {
        assertThat(matcher.mentions("Touches `architecture:module:src/a.py`, architecture:function:a.B#c(int,char[]). "
                        + "(see issues:bug:BUG-9) but not foo:bar:baz or architecture:nothing:x"))
                .containsExactly(
                        "architecture:module:src/a.py", "architecture:function:a.B#c(int,char[])", "issues:bug:BUG-9");
    }

    @Test
    void resolvesShortIdsCaseInsensitively() {
        assertThat(matcher.resolve("wu-281")).contains("workflow:work_unit:WU-281");
        assertThat(matcher.resolve("WU-9")).isEmpty();
        assertThat(IdMentionMatcher.isNodeId("architecture:module:pom.xml")).isTrue();
        assertThat(IdMentionMatcher.isNodeId("WU-281")).isFalse();
        assertThat(IdMentionMatcher.isNodeId("architecture:widget:x")).isFalse();
    }
}
