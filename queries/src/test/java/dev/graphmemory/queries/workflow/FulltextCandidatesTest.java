package dev.graphmemory.queries.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FulltextCandidatesTest {
    private final TermWeights weights = TermWeights.of(List.of(
            WorkTerms.of("Fix authentication timeout"), WorkTerms.of("Add retry logic"), WorkTerms.of("Cache tokens")));

    @Test
    void escapesEveryLuceneOperator() {
        assertThat(FulltextCandidates.escape("a+b-c&&d||e!(f){g}[h]^\"i~j*k?l:m\\n/o"))
                .isEqualTo("a\\+b\\-c\\&\\&d\\|\\|e\\!\\(f\\)\\{g\\}\\[h\\]\\^\\\"i\\~j\\*k\\?l\\:m\\\\n\\/o");
    }

    @Test
    void expandsAbbreviationsAndAddsStemPrefixes() {
        String query = FulltextCandidates.query("Improve auth timeout handling", weights);
        assertThat(query.split(" ")).contains("auth", "authentication", "authent*", "timeout", "timeout*", "handl*");
    }

    @Test
    void titleWordsAreNeverCrowdedOutByARareBody() {
        // A stack trace: many frame names, each rarer in the corpus than the title's words.
        List<List<String>> documents = new ArrayList<>();
        StringBuilder trace = new StringBuilder();
        for (int i = 0; i < 2 * DuplicateThresholds.QUERY_WORDS; i++) {
            trace.append(" at Frame").append(i).append("Handler");
            documents.add(WorkTerms.of("Frame" + i + "Handler"));
        }
        for (int i = 0; i < 3; i++) {
            documents.add(WorkTerms.of("Retry timeout"));
        }
        TermWeights traceWeights = TermWeights.of(documents);
        assertThat(FulltextCandidates.query("Retry timeout", trace.toString(), traceWeights)
                        .split(" "))
                .contains("retry", "timeout");
        assertThat(FulltextCandidates.query("Retry timeout" + trace, traceWeights)
                        .split(" "))
                .doesNotContain("retry", "timeout");
    }

    @Test
    void userSyntaxNeverReachesLucene() {
        String query = FulltextCandidates.query("title:(x OR y) AND \"z\"~2 src/a.py", weights);
        assertThat(query).doesNotContain("title:(").doesNotContain(" OR ").doesNotContain("\"z\"");
        assertThat(query).contains("src\\/a.py");
    }

    @Test
    void textWithoutWordsGivesAnEmptyQuery() {
        assertThat(FulltextCandidates.query(" ?! ", weights)).isEmpty();
    }

    @Test
    void anyTextGivesAQueryFarBelowLucenesClauseLimit() {
        List<String> texts = List.of(
                "a".repeat(1_000),
                "auth.timeout.".repeat(76),
                "a-b ".repeat(250),
                "日本語".repeat(300),
                "Word" + "x".repeat(60) + " ".repeat(3) + "y".repeat(65));
        for (String title : texts) {
            String query = FulltextCandidates.query(title, title, weights);
            int tokens = 0;
            for (String clause : query.split(" ")) {
                tokens += clause.isEmpty() ? 0 : FulltextCandidates.analyzerTokens(clause);
            }
            assertThat(tokens).as(title.substring(0, 20)).isLessThanOrEqualTo(FulltextCandidates.MAX_QUERY_TOKENS);
        }
        assertThat(FulltextCandidates.query("a".repeat(1_000), weights)).isEmpty();
    }

    @Test
    void countsTheTokensTheAnalyzerWouldMake() {
        assertThat(FulltextCandidates.analyzerTokens("timeout")).isEqualTo(1);
        assertThat(FulltextCandidates.analyzerTokens("auth\\.timeout\\.cache")).isEqualTo(3);
        assertThat(FulltextCandidates.analyzerTokens("日本語")).isEqualTo(3);
    }
}
