package dev.graphmemory.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.ClientException;

class FailureReportTest {
    @Test
    void aWrapperThatAddsNothingIsLeftOutAndTheInnermostTypeIsNamed() {
        Exception e = new IllegalStateException(new UncheckedIOException(new EOFException("Short read of block.")));
        assertThat(FailureReport.describe(e)).isEqualTo("Short read of block. (EOFException)");
    }

    @Test
    void messagesAlongTheCausesAreJoinedOnceOnOneLine() {
        EOFException cause = new EOFException("Short read of block.");
        Exception e = new UncheckedIOException("cannot read /r/.git/index: Short read of block.", cause);
        assertThat(FailureReport.describe(e))
                .isEqualTo("cannot read /r/.git/index: Short read of block. (EOFException)");
        Exception multiLine = new IllegalStateException("first line\n  second line");
        assertThat(FailureReport.describe(multiLine)).isEqualTo("first line second line (IllegalStateException)");
        assertThat(FailureReport.describe(new NullPointerException())).isEqualTo("NullPointerException");
    }

    @Test
    void aNeo4jErrorKeepsItsCode() {
        Exception e =
                new ClientException("Neo.ClientError.Schema.ConstraintValidationFailed", "Node(1) already exists");
        assertThat(FailureReport.describe(e))
                .isEqualTo(
                        "Node(1) already exists [Neo.ClientError.Schema.ConstraintValidationFailed] (ClientException)");
    }

    @Test
    void withoutARepositoryTheUserIsToldAboutVerboseAndNoTraceIsPrinted() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        FailureReport.unexpected(
                new IllegalStateException("boom"),
                "stats",
                false,
                () -> {
                    throw new IllegalArgumentException("no repository");
                },
                err);
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .isEqualTo("graph-memory: stats failed: boom (IllegalStateException)\n"
                        + "graph-memory: run again with --verbose to print it here\n");
        bytes.reset();
        FailureReport.unexpected(new IllegalStateException("boom"), "stats", true, () -> Path.of("/nowhere"), err);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("\tat ");
    }
}
