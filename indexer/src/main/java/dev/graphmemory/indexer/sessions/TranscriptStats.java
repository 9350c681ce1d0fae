package dev.graphmemory.indexer.sessions;

import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one transcript (a session's, or one subagent's) adds up to. It holds ids, repository-relative
 * paths, counts, command keys and token figures only: never prompt text, file contents or tool
 * output.
 *
 * @param sessionId the {@code sessionId} of the records (a subagent's is its parent session's)
 * @param agentId the subagent's {@code agentId}, or null for a main session
 * @param cwd the first working directory the records name, as written (used to accept the session)
 * @param start the earliest record time, ISO-8601 UTC, or null when no record has one
 * @param end the latest record time, or null
 * @param models the models that answered, sorted
 * @param branches the git branches the records name, in order of first appearance
 * @param apiCalls distinct API responses with usage (records sharing {@code message.id} count once)
 * @param toolCalls distinct {@code tool_use} blocks
 * @param inputTokens sum of {@code input_tokens} over the API calls
 * @param outputTokens sum of {@code output_tokens}
 * @param cacheReadTokens sum of {@code cache_read_input_tokens}
 * @param cacheCreationTokens sum of {@code cache_creation_input_tokens}
 * @param narrationTurns API calls whose response holds no {@code tool_use}
 * @param reads per repository-relative file, the {@code Read} calls and the estimated tokens their
 *     results took (see {@link TranscriptReader#estimateTokens})
 * @param rereadTokens the estimated tokens of every read of a file after its first
 * @param edits per repository-relative file, the {@code Edit}, {@code MultiEdit}, {@code Write} and
 *     {@code NotebookEdit} calls
 * @param commands per command key (see {@link CommandKey}), the runs and those whose result was an
 *     error
 * @param reports the subagent reports (results of {@code Task} or {@code Agent} calls)
 * @param promptMentions the words of the prompts shaped like document ids ({@code WU-12}), at most
 *     200, sorted: the only thing taken from prompt text, to link the session to the work units it
 *     was asked about
 * @param skippedLines lines that were not a readable JSON object (malformed, or a truncated last line)
 */
public record TranscriptStats(
        String sessionId,
        String agentId,
        String cwd,
        String start,
        String end,
        List<String> models,
        List<String> branches,
        long apiCalls,
        long toolCalls,
        long inputTokens,
        long outputTokens,
        long cacheReadTokens,
        long cacheCreationTokens,
        long narrationTurns,
        SortedMap<String, FileReads> reads,
        long rereadTokens,
        SortedMap<String, Integer> edits,
        SortedMap<String, CommandRuns> commands,
        List<Report> reports,
        List<String> promptMentions,
        long skippedLines) {

    public TranscriptStats {
        models = List.copyOf(models);
        branches = List.copyOf(branches);
        reads = new TreeMap<>(reads);
        edits = new TreeMap<>(edits);
        commands = new TreeMap<>(commands);
        reports = List.copyOf(reports);
        promptMentions = List.copyOf(promptMentions);
    }

    /** Reads of one file: how many, and the estimated tokens of their results together. */
    public record FileReads(int count, long tokens) {}

    /**
     * Runs of one command key: how many, how many returned an error, and how many of those were a
     * test or build run that failed before any test ran (see {@link TestRuns}).
     */
    public record CommandRuns(int count, int failures, int failedBeforeTests) {}

    /**
     * One subagent report.
     *
     * @param agentId the subagent's id when the result names it ({@code toolUseResult.agentId}), else null
     * @param chars the length of the report text
     * @param callsInContext the parent's API calls after the report arrived and before the next
     *     compaction of the context ({@code compact_boundary}), if any: the calls that re-sent it
     */
    public record Report(String agentId, long chars, long callsInContext) {}

    /** Whether this is a subagent's transcript. */
    public boolean subagent() {
        return agentId != null;
    }

    /** The key of the session node: the session id, or {@code <session id>/agent-<agent id>}. */
    public String key() {
        return agentId == null ? Objects.toString(sessionId, "") : sessionId + "/agent-" + agentId;
    }

    /** The last branch named, or null. */
    public String branch() {
        return branches.isEmpty() ? null : branches.getLast();
    }

    /** Narration turns as a share of the API calls, 0 when there are none. */
    public double narrationShare() {
        return apiCalls == 0 ? 0 : (double) narrationTurns / apiCalls;
    }

    /** Files read more than twice. */
    public int filesReadOverTwice() {
        return (int) reads.values().stream().filter(r -> r.count() > 2).count();
    }

    /** Test or build runs that failed before any test ran. */
    public int runsFailedBeforeTests() {
        return commands.values().stream()
                .mapToInt(CommandRuns::failedBeforeTests)
                .sum();
    }

    /** Command keys run more than twice. */
    public int commandsRunOverTwice() {
        return (int) commands.values().stream().filter(r -> r.count() > 2).count();
    }
}
