package dev.graphmemory.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The text a model reads of a rows answer holds every fact of the structured answer, unambiguously. */
class RowsTextTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "src/a/B.java|src/a/B.java",
                "Cache login tokens|\"Cache login tokens\"",
                "a=b|\"a=b\"",
                "say \"hi\"|\"say \\\"hi\\\"\"",
                "''|\"\"",
            })
    void aStringIsBareUnlessItHasASpaceAQuoteOrAnEqualsSign(String value, String written) {
        assertThat(RowsText.value(value)).isEqualTo(written);
    }

    @Test
    void listsOfPlainStringsAreCommaJoinedOthersAreJson() {
        assertThat(RowsText.value(List.of("<-IMPORTS-", "architecture:module:a.py", "<-IMPORTS-")))
                .isEqualTo("<-IMPORTS-,architecture:module:a.py,<-IMPORTS-");
        // A function id with a comma in its signature would be ambiguous comma-joined: JSON instead.
        assertThat(RowsText.value(List.of("<-CALLS-", "architecture:function:a.B#f(int,int)", "<-CALLS-")))
                .isEqualTo("[\"<-CALLS-\",\"architecture:function:a.B#f(int,int)\",\"<-CALLS-\"]");
        assertThat(RowsText.value(List.of("two words"))).isEqualTo("[\"two words\"]");
        assertThat(RowsText.value(42)).isEqualTo("42");
        assertThat(RowsText.value(true)).isEqualTo("true");
    }

    @Test
    void rowsOfOneFileFollowOnePathLineAndTheLastLineCarriesCountCursorAndStamp() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put(
                "rows",
                List.of(
                        row("architecture:function:a.B#f()", "path", "src/a/B.java", "line_start", 3),
                        row("architecture:function:a.B#g()", "path", "src/a/B.java", "line_start", 9),
                        row("architecture:function:c.D#h()", "path", "src/c/D.java", "line_start", 1)));
        answer.put("total", 40);
        answer.put("next_cursor", "abc");
        answer.put("indexed_commit", "0123456789abcdef0123456789abcdef01234567");
        answer.put("stale", false);
        assertThat(RowsText.render(answer)).isEqualTo("""
                        [path=src/a/B.java]
                        architecture:function:a.B#f() line_start=3
                        architecture:function:a.B#g() line_start=9
                        architecture:function:c.D#h() path=src/c/D.java line_start=1
                        rows 3 of 40; next_cursor=abc; indexed_commit=0123456789ab; stale=false
                        """);
    }

    @Test
    void neighboursNameTheirStartNodeAndAStaleAnswerSaysWhy() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("node", "architecture:module:a.py");
        answer.put(
                "rows",
                List.of(row(
                        "architecture:module:b.py",
                        "depth",
                        2,
                        "via",
                        List.of("<-IMPORTS-", "architecture:module:c.py", "<-IMPORTS-"))));
        answer.put("total", 1);
        answer.put("truncated", false);
        answer.put("next_cursor", null);
        answer.put("indexed_commit", "0123456789ab");
        answer.put("stale", true);
        answer.put("stale_reason", "HEAD moved");
        assertThat(RowsText.render(answer)).isEqualTo("""
                        node=architecture:module:a.py
                        architecture:module:b.py depth=2 via=<-IMPORTS-,architecture:module:c.py,<-IMPORTS-
                        rows 1 of 1; indexed_commit=0123456789ab; stale=true; stale_reason="HEAD moved"
                        """);
    }

    @Test
    void rowsAWalkReachedTheSameWayFollowOneLineThatSaysHow() {
        List<String> viaC = List.of("<-IMPORTS-", "architecture:module:c.py", "<-IMPORTS-");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("node", "architecture:module:a.py");
        answer.put(
                "rows",
                List.of(
                        row("architecture:module:c.py", "depth", 1),
                        row("architecture:module:d.py", "is_test", true, "depth", 1),
                        row("architecture:module:b.py", "depth", 2, "via", viaC),
                        row(
                                "architecture:module:e.py",
                                "depth",
                                2,
                                "via",
                                List.of("<-IMPORTS-", "architecture:module:d.py", "<-IMPORTS-")),
                        row("architecture:module:f.py", "depth", 2, "via", viaC)));
        answer.put("total", 5);
        assertThat(RowsText.render(answer)).isEqualTo("""
                        node=architecture:module:a.py
                        [depth=1]
                        architecture:module:c.py
                        architecture:module:d.py is_test=true
                        [depth=2 via=<-IMPORTS-,architecture:module:c.py,<-IMPORTS-]
                        architecture:module:b.py
                        architecture:module:f.py
                        architecture:module:e.py depth=2 via=<-IMPORTS-,architecture:module:d.py,<-IMPORTS-
                        rows 5 of 5
                        """);
    }

    private static Map<String, Object> row(String id, Object... kv) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        for (int i = 0; i < kv.length; i += 2) {
            row.put((String) kv[i], kv[i + 1]);
        }
        return row;
    }
}
