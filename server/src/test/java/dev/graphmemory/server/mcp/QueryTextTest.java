package dev.graphmemory.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The text of a graph_query answer names each column once and every cell reads back as what it was. */
class QueryTextTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "src/a/B.java|src/a/B.java",
                "Cache login tokens|Cache login tokens",
                "42|\"42\"",
                "-1.5e3|\"-1.5e3\"",
                "null|\"null\"",
                "true|\"true\"",
                "\"quoted\" first|\"\\\"quoted\\\" first\"",
                "''|\"\"",
            })
    void aStringIsBareUnlessItCouldBeReadAsSomethingElse(String value, String written) {
        assertThat(QueryText.cell(value)).isEqualTo(written);
    }

    @Test
    void columnsOnceThenOneLineARowThenCountNotesAndStamp() {
        Map<String, Object> row1 = new LinkedHashMap<>();
        row1.put("m", "architecture:module:a/B.java");
        row1.put("c", 91);
        row1.put("calls", List.of("x", "y"));
        Map<String, Object> row2 = new LinkedHashMap<>();
        row2.put("m", "tab\there");
        row2.put("c", null);
        row2.put("calls", Map.of("k", 1));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("columns", List.of("m", "c", "calls"));
        answer.put("rows", Arrays.asList(row1, row2));
        answer.put("truncated", true);
        answer.put("note", "more rows exist than fit this answer");
        answer.put("indexed_commit", "0123456789abcdef0123456789abcdef01234567");
        answer.put("stale", false);
        assertThat(QueryText.render(answer))
                .isEqualTo("m\tc\tcalls\n"
                        + "architecture:module:a/B.java\t91\t[\"x\",\"y\"]\n"
                        + "\"tab\\there\"\tnull\t{\"k\":1}\n"
                        + "rows 2; truncated=true; note=\"more rows exist than fit this answer\";"
                        + " indexed_commit=0123456789ab; stale=false\n");
    }
}
