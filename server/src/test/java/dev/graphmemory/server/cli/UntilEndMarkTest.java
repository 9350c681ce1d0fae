package dev.graphmemory.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UntilEndMarkTest {
    /** In the table {@code ~} stands for a NUL byte and {@code /} for a newline. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"a\":1}/|{\"a\":1}/",
                "{\"a\":1}/~end~|{\"a\":1}/",
                "{\"a\":1}/~end~{\"b\":2}/|{\"a\":1}/",
                "x~y/|x~y/",
                "x~en/|x~en/",
                "x~end/|x~end/",
                "x~en|x~en",
                "~~end~|~",
                "~end~|''",
            })
    void readsUpToTheLaunchersEndMark(String input, String expected) throws IOException {
        byte[] bytes = input.replace('~', '\0').replace('/', '\n').getBytes(StandardCharsets.UTF_8);
        String want = expected.replace('~', '\0').replace('/', '\n');
        try (var in = new McpSessions.UntilEndMark(new ByteArrayInputStream(bytes))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(want);
        }
        // Byte by byte, as the JSON reader's buffer may take it.
        var in = new McpSessions.UntilEndMark(new ByteArrayInputStream(bytes));
        StringBuilder one = new StringBuilder();
        for (int b = in.read(); b >= 0; b = in.read()) {
            one.append((char) b);
        }
        assertThat(one.toString()).isEqualTo(want);
        assertThat(in.read()).isEqualTo(-1);
    }
}
