package dev.graphmemory.indexer.sessions;

import static dev.graphmemory.indexer.sessions.TranscriptReaderTest.PROJECT;
import static dev.graphmemory.indexer.sessions.TranscriptReaderTest.REPO;
import static dev.graphmemory.indexer.sessions.TranscriptReaderTest.SESSION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.indexer.git.CommitInfo;
import dev.graphmemory.indexer.knowledge.IdMentionMatcher;
import dev.graphmemory.indexer.model.EdgeRow;
import dev.graphmemory.indexer.model.NodeRow;
import dev.graphmemory.queries.schema.RelType;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionRowsTest {
    static final String MAIN = "workflow:session:" + SESSION;
    static final String SHA_IN = "1".repeat(40);
    static final String SHA_OUT = "2".repeat(40);

    static List<TranscriptStats> fixtureSessions() throws IOException {
        TranscriptReader reader = new TranscriptReader(REPO);
        return List.of(
                reader.read(PROJECT.resolve(SESSION + ".jsonl")),
                reader.read(PROJECT.resolve(SESSION + "/subagents/agent-a1b2c3.jsonl")),
                reader.read(PROJECT.resolve(SESSION + "/subagents/agent-d4e5f6.jsonl")));
    }

    private static SessionRows.Rows rows() throws IOException {
        IdMentionMatcher known = IdMentionMatcher.of(Map.of(
                "WU-12", "workflow:work_unit:WU-12",
                "WU-13", "workflow:work_unit:WU-13",
                "BUG-1", "issues:bug:BUG-1"));
        List<CommitInfo> commits = List.of(
                new CommitInfo(SHA_IN, "Retry login twice (WU-13, BUG-1)", "2026-11-20T10:16:00Z", "dev", List.of()),
                new CommitInfo(SHA_OUT, "Later work (WU-12)", "2026-11-20T11:00:00Z", "dev", List.of()));
        return SessionRows.of(fixtureSessions(), Set.of("app.py", "src/util.py")::contains, known, commits);
    }

    @Test
    void writesOneNodePerTranscriptAndOnePerCommandKey() throws IOException {
        assertThat(rows().nodes().stream().map(NodeRow::id))
                .containsExactly(
                        MAIN,
                        MAIN + "/agent-a1b2c3",
                        MAIN + "/agent-d4e5f6",
                        "workflow:command:grep login tests",
                        "workflow:command:pytest tests/");
    }

    @Test
    void theSessionNodeCarriesTotalsAndWasteSignals() throws IOException {
        Map<String, Object> p = rows().nodes().getFirst().properties();
        assertThat(p)
                .containsEntry("api_calls", 11L)
                .containsEntry("tool_calls", 10L)
                .containsEntry("total_tokens", 25L + 360 + 35_500 + 2_350)
                .containsEntry("weighted_tokens", 8_313L)
                .containsEntry("narration_turns", 2L)
                .containsEntry("narration_share", 0.182)
                .containsEntry("files_read", 1)
                .containsEntry("file_reads", 3L)
                .containsEntry("files_read_over_twice", 1)
                .containsEntry("reread_tokens", 150L)
                .containsEntry("files_edited", 2)
                .containsEntry("command_runs", 2L)
                .containsEntry("command_failures", 1L)
                .containsEntry("commands_run_over_twice", 0)
                .containsEntry("runs_failed_before_tests", 1)
                .containsEntry("subagent_reports", 2)
                .containsEntry("large_reports", 1)
                .containsEntry("large_report_calls", 3L)
                .containsEntry("cache_not_amortised", false)
                .containsEntry("skipped_lines", 2L)
                .containsEntry("subagent", false)
                .containsEntry("day", "2026-11-20")
                .containsEntry("branch", "feature/WU-12-login-retry");
        assertThat(rows().nodes().get(1).properties())
                .containsEntry("subagent", true)
                .containsEntry("agent_id", "a1b2c3")
                .containsEntry("session_id", SESSION);
    }

    @Test
    void linksReadsAndEditsToModulesCommandsSubagentsWorkUnitsAndCommits() throws IOException {
        List<EdgeRow> edges = rows().edges();
        assertThat(edges)
                .contains(
                        new EdgeRow(
                                RelType.READ, MAIN, "architecture:module:app.py", Map.of("count", 3, "tokens", 250L)),
                        new EdgeRow(RelType.EDITED, MAIN, "architecture:module:src/util.py", Map.of("count", 1)),
                        new EdgeRow(
                                RelType.RAN,
                                MAIN,
                                "workflow:command:pytest tests/",
                                Map.of("count", 2, "failures", 1, "failed_before_tests", 1)),
                        new EdgeRow(
                                RelType.SPAWNED,
                                MAIN,
                                MAIN + "/agent-a1b2c3",
                                Map.of("report_chars", 9_000L, "calls_in_context", 3L)),
                        new EdgeRow(
                                RelType.SPAWNED,
                                MAIN,
                                MAIN + "/agent-d4e5f6",
                                Map.of("report_chars", 2_000L, "calls_in_context", 2L)),
                        new EdgeRow(RelType.WORKED_ON, MAIN, "workflow:work_unit:WU-12", Map.of("via", "branch")),
                        new EdgeRow(RelType.WORKED_ON, MAIN, "workflow:work_unit:WU-13", Map.of("via", "commit")),
                        EdgeRow.of(RelType.PRODUCED, MAIN, "workflow:commit:" + SHA_IN));
        // README.md is no module; the later commit and the bug are no work of this session.
        assertThat(edges).hasSize(11); // 8 from the session, 2 READ from one subagent, 1 RAN from the other
        assertThat(edges.stream().filter(e -> e.fromId().equals(MAIN)).map(EdgeRow::type))
                .containsOnlyOnce(RelType.PRODUCED);
    }

    @Test
    void aWorkUnitNamedInAPromptIsWorkedOnViaThePrompt() throws IOException {
        String line = "{\"type\":\"user\",\"sessionId\":\"s2\",\"cwd\":\"/home/dev/app\",\"message\":"
                + "{\"role\":\"user\",\"content\":\"Carry on with wu-13 please\"}}\n";
        TranscriptStats s = new TranscriptReader(REPO).read(new java.io.StringReader(line), null);
        SessionRows.Rows rows = SessionRows.of(
                List.of(s), p -> false, IdMentionMatcher.of(Map.of("WU-13", "workflow:work_unit:WU-13")), List.of());
        assertThat(rows.edges())
                .containsExactly(new EdgeRow(
                        RelType.WORKED_ON, "workflow:session:s2", "workflow:work_unit:WU-13", Map.of("via", "prompt")));
    }

    @Test
    void subagentsGetTheirOwnReadsButNoWorkUnitsOrCommits() throws IOException {
        assertThat(rows().edges().stream()
                        .filter(e -> e.fromId().equals(MAIN + "/agent-a1b2c3"))
                        .map(e -> e.type() + " " + e.toId()))
                .containsExactly("READ architecture:module:app.py", "READ architecture:module:src/util.py");
    }
}
