package dev.graphmemory.server.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryTest {
    @Test
    void decodesEachNameAndValueAndKeepsTheFirstOfARepeatedName() {
        assertThat(Query.parse("id=architecture%3Amodule%3Asrc%2FA.java&t=abc&t=other&flag"))
                .containsEntry("id", "architecture:module:src/A.java")
                .containsEntry("t", "abc")
                .containsEntry("flag", "");
    }

    @Test
    void aMalformedEscapeIsKeptAsGivenRatherThanFailingTheRequest() {
        assertThat(Query.parse("q=100%")).containsEntry("q", "100%");
    }

    @Test
    void noQueryIsAnEmptyMap() {
        assertThat(Query.parse(null)).isEmpty();
        assertThat(Query.parse("")).isEmpty();
    }
}
