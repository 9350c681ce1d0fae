package dev.graphmemory.indexer.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.indexer.sessions.TranscriptStats.CommandRuns;
import dev.graphmemory.indexer.sessions.TranscriptStats.FileReads;
import dev.graphmemory.indexer.sessions.TranscriptStats.Report;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two public transcripts of Claude Code 2.0.13 and 2.0.14 (see the README beside them for their
 * source and licence); the expected figures come from an independent count.
 */
class RealTranscriptsTest {
    private static final Path DIR = Path.of("src/test/resources/fixtures/sessions/real");
    private final TranscriptReader reader = new TranscriptReader(Path.of("/Users/philipp/dev/vibeinsights"));

    @Test
    void aSessionThatWritesReadsEditsAndRemovesAFile() throws IOException {
        TranscriptStats s = reader.read(DIR.resolve("crud-2.0.14.jsonl"));
        assertThat(s.sessionId()).isEqualTo("8122657c-fe54-4dc9-89a3-20049e8a84f7");
        assertThat(s.subagent()).isFalse();
        assertThat(s.start()).isEqualTo("2025-10-12T21:35:53.825Z");
        assertThat(s.end()).isEqualTo("2025-10-12T21:36:39.886Z");
        assertThat(s.branches()).containsExactly("main");
        assertThat(s.models()).containsExactly("claude-sonnet-4-5-20250929");
        assertThat(s.apiCalls()).isEqualTo(10);
        assertThat(s.toolCalls()).isEqualTo(9);
        assertThat(s.narrationTurns()).isEqualTo(1);
        assertThat(List.of(s.inputTokens(), s.outputTokens(), s.cacheReadTokens(), s.cacheCreationTokens()))
                .containsExactly(25L, 1_508L, 148_958L, 12_593L);
        // The Read result is 583 characters: ceil(583 / 4) = 146 estimated tokens.
        assertThat(s.reads()).containsExactly(Map.entry("fixtures/claudecode/JOKE.md", new FileReads(1, 146)));
        assertThat(s.edits()).containsExactly(Map.entry("fixtures/claudecode/JOKE.md", 2));
        assertThat(s.commands())
                .containsExactly(Map.entry(
                        "rm /Users/philipp/dev/vibeinsights/fixtures/claudecode/JOKE.md", new CommandRuns(1, 0, 0)));
        assertThat(s.skippedLines()).isZero();
    }

    @Test
    void anOlderSessionWithItsSubagentWrittenInline() throws IOException {
        TranscriptStats s = reader.read(DIR.resolve("inline-subagent-2.0.13.jsonl"));
        assertThat(s.sessionId()).isEqualTo("609efeca-2f51-4118-b077-e91c9fe63f73");
        assertThat(s.subagent())
                .as("the inline sidechain records do not make the session a subagent")
                .isFalse();
        // The session's two calls and its inline subagent's one.
        assertThat(s.apiCalls()).isEqualTo(3);
        assertThat(s.toolCalls()).isEqualTo(1);
        assertThat(s.narrationTurns()).isEqualTo(2);
        assertThat(List.of(s.inputTokens(), s.outputTokens(), s.cacheReadTokens(), s.cacheCreationTokens()))
                .containsExactly(24L, 276L, 20_952L, 23_122L);
        // The Task's result: 518 characters, followed by one more call of the session.
        assertThat(s.reports()).containsExactly(new Report(null, 518, 1));
        assertThat(s.reads()).isEmpty();
    }
}
