package dev.graphmemory.indexer.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.indexer.sessions.TranscriptStats.CommandRuns;
import dev.graphmemory.indexer.sessions.TranscriptStats.FileReads;
import dev.graphmemory.indexer.sessions.TranscriptStats.Report;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TranscriptReaderTest {
    static final Path PROJECT = Path.of("src/test/resources/fixtures/sessions/projects/-home-dev-app");
    static final String SESSION = "7f3c2a10-5b4e-4d8a-9c61-2e0f8b7d4a93";
    static final Path REPO = Path.of("/home/dev/app");

    private final TranscriptReader reader = new TranscriptReader(REPO);

    private TranscriptStats main() throws IOException {
        return reader.read(PROJECT.resolve(SESSION + ".jsonl"));
    }

    @Test
    void countsEachApiCallOnceAndSumsItsLargestUsage() throws IOException {
        TranscriptStats s = main();
        // msg_01..msg_11; msg_01 is three records; the <synthetic> notice and the truncated msg_13 are no calls.
        assertThat(s.apiCalls()).isEqualTo(11);
        assertThat(s.inputTokens()).isEqualTo(25);
        // msg_01's first records carry a partial output_tokens of 5, its last 50.
        assertThat(s.outputTokens()).isEqualTo(360);
        assertThat(s.cacheReadTokens()).isEqualTo(35_500);
        assertThat(s.cacheCreationTokens()).isEqualTo(2_350);
        assertThat(s.models()).containsExactly("claude-opus-4-1-20250805");
    }

    @Test
    void readsTheSessionsIdentityAndTimes() throws IOException {
        TranscriptStats s = main();
        assertThat(s.sessionId()).isEqualTo(SESSION);
        assertThat(s.key()).isEqualTo(SESSION);
        assertThat(s.subagent()).isFalse();
        assertThat(s.cwd()).isEqualTo("/home/dev/app");
        assertThat(s.start()).isEqualTo("2026-11-20T10:00:00Z");
        assertThat(s.end()).isEqualTo("2026-11-20T10:20:00Z");
        assertThat(s.branches()).containsExactly("feature/WU-12-login-retry");
        assertThat(s.branch()).isEqualTo("feature/WU-12-login-retry");
    }

    @Test
    void countsToolCallsAndTurnsWithoutOne() throws IOException {
        TranscriptStats s = main();
        // Read x4 (one outside the repository), Edit, Bash x2, Task, Agent, Write.
        assertThat(s.toolCalls()).isEqualTo(10);
        assertThat(s.narrationTurns()).isEqualTo(2);
        assertThat(s.narrationShare()).isEqualTo(2.0 / 11);
    }

    @Test
    void countsReadsPerRepositoryFileWithTheirEstimatedTokensAndTheRereads() throws IOException {
        TranscriptStats s = main();
        // 400, 400 and 200 characters (the third read by a relative path and a list of text blocks);
        // /etc/hosts lies outside the repository.
        assertThat(s.reads()).containsExactly(Map.entry("app.py", new FileReads(3, 250)));
        assertThat(s.rereadTokens()).isEqualTo(150);
        assertThat(s.filesReadOverTwice()).isEqualTo(1);
    }

    @Test
    void countsEditsAndWritesPerFile() throws IOException {
        assertThat(main().edits()).containsExactly(Map.entry("README.md", 1), Map.entry("src/util.py", 1));
    }

    @Test
    void groupsShellCommandsByKeyAndCountsTheFailedRun() throws IOException {
        TranscriptStats s = main();
        assertThat(s.commands()).containsExactly(Map.entry("pytest tests/", new CommandRuns(2, 1, 1)));
        assertThat(s.commandsRunOverTwice()).isZero();
    }

    @Test
    void measuresSubagentReportsAndTheCallsTheyStayedFor() throws IOException {
        assertThat(main().reports()).containsExactly(new Report("a1b2c3", 9_000, 3), new Report("d4e5f6", 2_000, 2));
    }

    @Test
    void keepsOnlyTheDocumentIdsThePromptsName() throws IOException {
        assertThat(main().promptMentions()).containsExactly("WU-12");
        String line = "{\"type\":\"user\",\"sessionId\":\"s1\",\"message\":{\"role\":\"user\",\"content\":"
                + "[{\"type\":\"text\",\"text\":\"Is BUG-ARCH-14 the same as wu-7? Not UTF-8 though.\"}]}}\n";
        assertThat(reader.read(new StringReader(line), null).promptMentions())
                .containsExactly("BUG-ARCH-14", "UTF-8", "wu-7");
    }

    @Test
    void aReportLeavesTheContextAtTheNextCompaction() throws IOException {
        StringBuilder t = new StringBuilder();
        t.append(call("m0", "{\"type\":\"tool_use\",\"id\":\"task\",\"name\":\"Task\",\"input\":{}}"));
        t.append("{\"type\":\"user\",\"sessionId\":\"s1\",\"message\":{\"role\":\"user\",\"content\":[{\"type\":"
                + "\"tool_result\",\"tool_use_id\":\"task\",\"content\":\"12345\"}]}}\n");
        t.append(call("m1", "{\"type\":\"text\",\"text\":\"a\"}"))
                .append(call("m2", "{\"type\":\"text\",\"text\":\"b\"}"));
        t.append("{\"type\":\"system\",\"subtype\":\"compact_boundary\",\"sessionId\":\"s1\"}\n");
        t.append(call("m3", "{\"type\":\"text\",\"text\":\"c\"}"))
                .append(call("m4", "{\"type\":\"text\",\"text\":\"d\"}"));
        TranscriptStats s = reader.read(new StringReader(t.toString()), null);
        assertThat(s.apiCalls()).isEqualTo(5);
        assertThat(s.reports()).containsExactly(new Report(null, 5, 2));
    }

    private static String call(String id, String block) {
        return "{\"type\":\"assistant\",\"sessionId\":\"s1\",\"message\":{\"id\":\"" + id + "\",\"model\":\"x\","
                + "\"usage\":{\"input_tokens\":1},\"content\":[" + block + "]}}\n";
    }

    @Test
    void skipsTheMalformedAndTheTruncatedLastLineWithACount() throws IOException {
        assertThat(main().skippedLines()).isEqualTo(2);
    }

    @Test
    void readsASubagentFileUnderItsSession() throws IOException {
        TranscriptStats s = reader.read(PROJECT.resolve(SESSION + "/subagents/agent-a1b2c3.jsonl"));
        assertThat(s.subagent()).isTrue();
        assertThat(s.agentId()).isEqualTo("a1b2c3");
        assertThat(s.key()).isEqualTo(SESSION + "/agent-a1b2c3");
        assertThat(s.apiCalls()).isEqualTo(3);
        assertThat(s.toolCalls()).isEqualTo(2);
        assertThat(s.narrationTurns()).isEqualTo(1);
        assertThat(List.of(s.inputTokens(), s.outputTokens(), s.cacheReadTokens(), s.cacheCreationTokens()))
                .containsExactly(12L, 430L, 10_300L, 5_300L);
        assertThat(s.models()).containsExactly("claude-sonnet-4-5-20250929");
        assertThat(s.reads())
                .containsExactly(
                        Map.entry("app.py", new FileReads(1, 100)), Map.entry("src/util.py", new FileReads(1, 30)));
        assertThat(s.start()).isEqualTo("2026-11-20T10:07:01Z");
        assertThat(s.end()).isEqualTo("2026-11-20T10:09:55Z");
        assertThat(s.skippedLines()).isZero();
    }

    @Test
    void readsTheSecondSubagent() throws IOException {
        TranscriptStats s = reader.read(PROJECT.resolve(SESSION + "/subagents/agent-d4e5f6.jsonl"));
        assertThat(s.key()).isEqualTo(SESSION + "/agent-d4e5f6");
        assertThat(s.apiCalls()).isEqualTo(2);
        assertThat(s.narrationTurns()).isEqualTo(1);
        assertThat(s.commands()).containsExactly(Map.entry("grep login tests", new CommandRuns(1, 0, 0)));
        assertThat(List.of(s.inputTokens(), s.outputTokens(), s.cacheReadTokens(), s.cacheCreationTokens()))
                .containsExactly(6L, 312L, 4_000L, 4_000L);
    }

    @Test
    void takesTheAgentIdFromTheRecordsWhenTheFileNameHasNone() throws IOException {
        String line = "{\"type\":\"user\",\"isSidechain\":true,\"agentId\":\"9a9a\",\"sessionId\":\"s1\","
                + "\"message\":{\"role\":\"user\",\"content\":\"go\"}}\n";
        TranscriptStats s = reader.read(new StringReader(line), null);
        assertThat(s.key()).isEqualTo("s1/agent-9a9a");
    }

    @Test
    void aToolUseInARecordWithoutUsageStillCountsAndMarksItsCallAsNoNarration() throws IOException {
        String text = "{\"type\":\"assistant\",\"sessionId\":\"s1\",\"message\":{\"id\":\"m1\",\"model\":\"x\","
                + "\"usage\":{\"input_tokens\":5,\"output_tokens\":1},\"content\":[{\"type\":\"text\",\"text\":\"hm\"}]}}\n"
                + "{\"type\":\"assistant\",\"sessionId\":\"s1\",\"message\":{\"id\":\"m1\",\"content\":[{\"type\":"
                + "\"tool_use\",\"id\":\"t1\",\"name\":\"Edit\",\"input\":{\"file_path\":\"/home/dev/app/a.py\"}}]}}\n";
        TranscriptStats s = reader.read(new StringReader(text), null);
        assertThat(s.apiCalls()).isEqualTo(1);
        assertThat(s.toolCalls()).isEqualTo(1);
        assertThat(s.narrationTurns()).isZero();
        assertThat(s.edits()).containsExactly(Map.entry("a.py", 1));
    }

    @Test
    void anEmptyOrUnreadableTranscriptIsAnEmptySessionNotAFailure() throws IOException {
        TranscriptStats s = reader.read(new StringReader("[1,2]\n\n\"text\"\n{\"type\":\"summary\"}\n"), null);
        assertThat(s.apiCalls()).isZero();
        assertThat(s.skippedLines()).isEqualTo(2);
        assertThat(s.start()).isNull();
    }

    @Test
    void storesNoTextOfTheConversation() throws IOException {
        String all = main().toString();
        assertThat(all)
                .doesNotContain("Make login retry")
                .doesNotContain("ImportError")
                .doesNotContain("aaaa")
                .doesNotContain("Find callers");
    }
}
