package dev.graphmemory.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The text of a gaps answer says what its JSON says that a reader needs: each gap, its users, where it belongs. */
class GapsTextTest {
    @Test
    void eachGapWithItsUsersAndSuggestionsThenTheCountAndTheStamp() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("mode", "application");
        answer.put(
                "roots",
                Map.of(
                        "note",
                        "application: 1 entry point module",
                        "count",
                        1,
                        "by_kind",
                        Map.of("main", 1),
                        "sample",
                        List.of("src/App.java")));
        answer.put(
                "summary", Map.of("modules", 4, "reached", 2, "unreached", 0, "tests_only", 1, "excluded", Map.of()));
        answer.put(
                "gaps",
                List.of(Map.of(
                        "id", "architecture:module:src/Audit.java",
                        "path", "src/Audit.java",
                        "status", "tests_only",
                        "confidence", 0.9,
                        "reason", "only tests reach it",
                        "used_by", List.of("test/AuditTest.java"),
                        "suggestions",
                                List.of(
                                        Map.of(
                                                "path",
                                                "src/App.java",
                                                "entry_point",
                                                true,
                                                "confidence",
                                                0.61,
                                                "reason",
                                                "same package; an entry point (main)"),
                                        Map.of(
                                                "path",
                                                "src/Service.java",
                                                "confidence",
                                                0.4,
                                                "reason",
                                                "shares the name word audit")))));
        answer.put("total", 1);
        answer.put("indexed_commit", "0123456789abcdef0123456789abcdef01234567");
        answer.put("stale", false);
        assertThat(GapsText.render(answer)).isEqualTo("""
                        application: 1 entry point module {main=1}
                        roots: src/App.java
                        4 modules, 2 reached; 0 unreached, 1 tests_only; excluded {}
                          0.90 tests_only src/Audit.java
                               only tests reach it
                               used by test/AuditTest.java
                               -> 0.61 src/App.java (same package; an entry point (main))
                               -> 0.40 src/Service.java (shares the name word audit)
                        (1 of 1)
                        indexed_commit=0123456789ab; stale=false
                        """);
    }
}
