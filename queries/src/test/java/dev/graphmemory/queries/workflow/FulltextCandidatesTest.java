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
}
