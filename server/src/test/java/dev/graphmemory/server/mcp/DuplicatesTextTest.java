package dev.graphmemory.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The text of a duplicates answer: the verdict, each candidate with its evidence sentence, the stamp. */
class DuplicatesTextTest {
    @Test
    void readsAsTheCliPrintsItWithTheStampLast() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("query", Map.of("title", "Improve auth timeout handling"));
        answer.put("verdict", "review");
        answer.put("duplicate_of", null);
        answer.put(
                "candidates",
                List.of(Map.of(
                        "id", "workflow:work_unit:WU-281",
                        "title", "Auth timeouts",
                        "confidence", 0.31,
                        "verdict", "review",
                        "evidence",
                                Map.of(
                                        "text_similarity",
                                        0.4,
                                        "summary",
                                        "text similarity 0.4 (auth, timeout); in progress"))));
        answer.put("considered", 3);
        answer.put("corpus_size", 10);
        answer.put("filed_later", 2);
        answer.put("indexed_commit", "0123456789abcdef0123456789abcdef01234567");
        answer.put("stale", false);
        assertThat(DuplicatesText.render(answer, null)).isEqualTo("""
                        proposal: review (3 of 10 work items compared; 2 filed after it left out): unsure, read the first candidates before filing
                          0.31 review    workflow:work_unit:WU-281  Auth timeouts
                               text similarity 0.4 (auth, timeout); in progress
                        indexed_commit=0123456789ab; stale=false
                        """);
    }
}
