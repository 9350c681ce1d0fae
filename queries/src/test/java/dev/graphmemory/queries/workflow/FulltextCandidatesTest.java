package dev.graphmemory.queries.workflow;

import static org.assertj.core.api.Assertions.assertThat;

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
