package dev.graphmemory.indexer.sessions;

import dev.graphmemory.indexer.git.CommitInfo;
import dev.graphmemory.indexer.knowledge.IdMentionMatcher;
import dev.graphmemory.indexer.model.EdgeRow;
import dev.graphmemory.indexer.model.NodeRow;
import dev.graphmemory.queries.schema.Keys;
import dev.graphmemory.queries.schema.NodeType;
import dev.graphmemory.queries.schema.RelType;
import dev.graphmemory.queries.schema.SessionKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Turns read transcripts into graph rows: a {@code workflow:session} node per transcript with its
 * totals and waste signals, {@code workflow:command} nodes, and the {@code READ}, {@code EDITED},
 * {@code RAN}, {@code SPAWNED}, {@code WORKED_ON} and {@code PRODUCED} relationships.
 *
 * <p>{@code READ} and {@code EDITED} go only to indexed modules (the counts on the session cover
 * every repository file). {@code WORKED_ON} and {@code PRODUCED} start only at main sessions: a
 * subagent runs inside its parent's time and branch, and is reached through {@code SPAWNED}.
 * {@code PRODUCED} goes to the commits of the indexed history whose time lies within the session's
 * first and last record and that one of its branches holds, when one of them is a local branch
 * ({@link BranchCommits}).
 * {@code WORKED_ON} goes to the work units the session's branches name (via {@code branch}), its
 * prompts name (via {@code prompt}) and its produced commits' messages name (via {@code commit}),
 * the first that names one winning.
 */
public final class SessionRows {
    /** Weights of the four token kinds in {@link SessionKeys#WEIGHTED_TOKENS}, as input-token equivalents. */
    public static final double OUTPUT_WEIGHT = 5.0;

    public static final double CACHE_WRITE_WEIGHT = 1.25;
    public static final double CACHE_READ_WEIGHT = 0.1;

    private static final String WORK_UNIT_PREFIX = NodeType.WORK_UNIT.schema() + ":" + NodeType.WORK_UNIT.type() + ":";

    private final Predicate<String> isModulePath;
    private final IdMentionMatcher known;
    private final List<CommitInfo> commits;
    private final BranchCommits branches;
    private final List<NodeRow> nodes = new ArrayList<>();
    private final List<EdgeRow> edges = new ArrayList<>();

    /**
     * @param isModulePath whether an indexed module exists at a repository-relative path
     * @param known the known document ids, for work units named in branches and commit messages
     * @param commits the indexed history
     */
    public SessionRows(
            Predicate<String> isModulePath, IdMentionMatcher known, List<CommitInfo> commits, BranchCommits branches) {
        this.isModulePath = Objects.requireNonNull(isModulePath, "isModulePath");
        this.known = Objects.requireNonNull(known, "known");
        this.commits = List.copyOf(commits);
        this.branches = Objects.requireNonNull(branches, "branches");
    }

    /** The rows of these sessions: their nodes (sessions, then commands) and their relationships. */
    public static Rows of(
            List<TranscriptStats> sessions,
            Predicate<String> isModulePath,
            IdMentionMatcher known,
            List<CommitInfo> commits) {
        return of(sessions, isModulePath, known, commits, BranchCommits.NONE);
    }

    /** Like the above, {@code PRODUCED} going only to commits one of the session's branches holds. */
    public static Rows of(
            List<TranscriptStats> sessions,
            Predicate<String> isModulePath,
            IdMentionMatcher known,
            List<CommitInfo> commits,
            BranchCommits branches) {
        SessionRows rows = new SessionRows(isModulePath, known, commits, branches);
        Map<String, TranscriptStats> byKey = new TreeMap<>();
        sessions.forEach(s -> byKey.putIfAbsent(s.key(), s));
        Set<String> commandKeys = new java.util.TreeSet<>();
        byKey.values().forEach(s -> {
            rows.add(s, byKey);
            commandKeys.addAll(s.commands().keySet());
        });
        commandKeys.forEach(k -> rows.nodes.add(NodeRow.of(NodeType.COMMAND, k, Map.of(Keys.NAME, k))));
        return new Rows(rows.nodes, rows.edges);
    }

    /** Nodes and relationships. */
    public record Rows(List<NodeRow> nodes, List<EdgeRow> edges) {
        public Rows {
            nodes = List.copyOf(nodes);
            edges = List.copyOf(edges);
        }
    }

    private void add(TranscriptStats s, Map<String, TranscriptStats> byKey) {
        String id = NodeType.SESSION.id(s.key());
        nodes.add(NodeRow.of(NodeType.SESSION, s.key(), properties(s)));
        s.reads().forEach((path, r) -> {
            if (isModulePath.test(path)) {
                edges.add(new EdgeRow(
                        RelType.READ,
                        id,
                        NodeType.MODULE.id(path),
                        Map.of(SessionKeys.COUNT, r.count(), SessionKeys.TOKENS, r.tokens())));
            }
        });
        s.edits().forEach((path, n) -> {
            if (isModulePath.test(path)) {
                edges.add(new EdgeRow(RelType.EDITED, id, NodeType.MODULE.id(path), Map.of(SessionKeys.COUNT, n)));
            }
        });
        s.commands()
                .forEach((key, r) -> edges.add(new EdgeRow(
                        RelType.RAN,
                        id,
                        NodeType.COMMAND.id(key),
                        Map.of(
                                SessionKeys.COUNT,
                                r.count(),
                                SessionKeys.FAILURES,
                                r.failures(),
                                SessionKeys.FAILED_BEFORE_TESTS,
                                r.failedBeforeTests()))));
        if (s.subagent()) {
            return;
        }
        spawned(s, id, byKey);
        Map<String, String> workUnits = new LinkedHashMap<>();
        for (String branch : s.branches()) {
            known.mentions(branch).stream()
                    .filter(n -> n.startsWith(WORK_UNIT_PREFIX))
                    .forEach(n -> workUnits.putIfAbsent(n, "branch"));
        }
        if (!s.promptMentions().isEmpty()) {
            known.mentions(String.join(" ", s.promptMentions())).stream()
                    .filter(n -> n.startsWith(WORK_UNIT_PREFIX))
                    .forEach(n -> workUnits.putIfAbsent(n, "prompt"));
        }
        for (CommitInfo c : produced(s)) {
            edges.add(EdgeRow.of(RelType.PRODUCED, id, NodeType.COMMIT.id(c.sha())));
            known.mentions(c.message()).stream()
                    .filter(n -> n.startsWith(WORK_UNIT_PREFIX))
                    .forEach(n -> workUnits.putIfAbsent(n, "commit"));
        }
        workUnits.forEach((wu, via) -> edges.add(new EdgeRow(RelType.WORKED_ON, id, wu, Map.of(SessionKeys.VIA, via))));
    }

    /** {@code SPAWNED} to each subagent of this session that was read, with its report when one names it. */
    private void spawned(TranscriptStats s, String id, Map<String, TranscriptStats> byKey) {
        Map<String, TranscriptStats.Report> reports = new TreeMap<>();
        s.reports().stream().filter(r -> r.agentId() != null).forEach(r -> reports.putIfAbsent(r.agentId(), r));
        String prefix = s.key() + "/agent-";
        byKey.forEach((key, sub) -> {
            if (key.startsWith(prefix) && sub.subagent()) {
                TranscriptStats.Report r = reports.get(sub.agentId());
                Map<String, Object> props = r == null
                        ? Map.of()
                        : Map.of(SessionKeys.REPORT_CHARS, r.chars(), SessionKeys.CALLS_IN_CONTEXT, r.callsInContext());
                edges.add(new EdgeRow(RelType.SPAWNED, id, NodeType.SESSION.id(key), props));
            }
        });
    }

    /** The commits whose time lies within the session's first and last record. */
    private List<CommitInfo> produced(TranscriptStats s) {
        if (s.start() == null || s.end() == null) {
            return List.of();
        }
        Instant start = Instant.parse(s.start());
        Instant end = Instant.parse(s.end());
        List<CommitInfo> out = new ArrayList<>();
        for (CommitInfo c : commits) {
            try {
                Instant t = Instant.parse(c.time());
                if (!t.isBefore(start) && !t.isAfter(end) && branches.mayHold(s.branches(), c.sha())) {
                    out.add(c);
                }
            } catch (java.time.format.DateTimeParseException e) {
                // a commit time that is not an instant is never inside a session
            }
        }
        return out;
    }

    /** The session node's properties: totals and waste signals, no text. */
    static Map<String, Object> properties(TranscriptStats s) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(Keys.NAME, s.key());
        p.put(SessionKeys.SESSION_ID, s.sessionId());
        p.put(SessionKeys.AGENT_ID, s.agentId());
        p.put(SessionKeys.SUBAGENT, s.subagent());
        p.put(SessionKeys.START, s.start());
        p.put(SessionKeys.END, s.end());
        p.put(SessionKeys.DAY, s.start() == null ? null : s.start().substring(0, 10));
        p.put(SessionKeys.MODELS, s.models());
        p.put(SessionKeys.BRANCH, s.branch());
        p.put(SessionKeys.BRANCHES, s.branches());
        p.put(SessionKeys.API_CALLS, s.apiCalls());
        p.put(SessionKeys.TOOL_CALLS, s.toolCalls());
        p.put(SessionKeys.INPUT_TOKENS, s.inputTokens());
        p.put(SessionKeys.OUTPUT_TOKENS, s.outputTokens());
        p.put(SessionKeys.CACHE_READ_TOKENS, s.cacheReadTokens());
        p.put(SessionKeys.CACHE_CREATION_TOKENS, s.cacheCreationTokens());
        p.put(
                SessionKeys.TOTAL_TOKENS,
                s.inputTokens() + s.outputTokens() + s.cacheReadTokens() + s.cacheCreationTokens());
        p.put(SessionKeys.WEIGHTED_TOKENS, weighted(s));
        p.put(SessionKeys.NARRATION_TURNS, s.narrationTurns());
        p.put(SessionKeys.NARRATION_SHARE, Math.round(s.narrationShare() * 1000) / 1000.0);
        p.put(SessionKeys.FILES_READ, s.reads().size());
        p.put(
                SessionKeys.FILE_READS,
                s.reads().values().stream()
                        .mapToLong(TranscriptStats.FileReads::count)
                        .sum());
        p.put(SessionKeys.FILES_READ_OVER_TWICE, s.filesReadOverTwice());
        p.put(SessionKeys.REREAD_TOKENS, s.rereadTokens());
        p.put(SessionKeys.FILES_EDITED, s.edits().size());
        p.put(
                SessionKeys.COMMAND_RUNS,
                s.commands().values().stream()
                        .mapToLong(TranscriptStats.CommandRuns::count)
                        .sum());
        p.put(
                SessionKeys.COMMAND_FAILURES,
                s.commands().values().stream()
                        .mapToLong(TranscriptStats.CommandRuns::failures)
                        .sum());
        p.put(SessionKeys.COMMANDS_RUN_OVER_TWICE, s.commandsRunOverTwice());
        p.put(SessionKeys.RUNS_FAILED_BEFORE_TESTS, s.runsFailedBeforeTests());
        p.put(SessionKeys.SUBAGENT_REPORTS, s.reports().size());
        List<TranscriptStats.Report> large = s.reports().stream()
                .filter(r -> r.chars() > SessionKeys.LARGE_REPORT_CHARS)
                .toList();
        p.put(SessionKeys.LARGE_REPORTS, large.size());
        p.put(
                SessionKeys.LARGE_REPORT_CALLS,
                large.stream().mapToLong(TranscriptStats.Report::callsInContext).sum());
        p.put(SessionKeys.CACHE_NOT_AMORTISED, s.cacheCreationTokens() > s.cacheReadTokens());
        p.put(SessionKeys.SKIPPED_LINES, s.skippedLines());
        return p;
    }

    /**
     * Input-token equivalents: input x 1, cache writes x 1.25, cache reads x 0.1, output x 5 (the
     * ratios of Anthropic's list prices for the 5-minute cache; output is five times input for
     * every current Claude model), rounded.
     */
    public static long weighted(TranscriptStats s) {
        return Math.round(s.inputTokens()
                + s.cacheCreationTokens() * CACHE_WRITE_WEIGHT
                + s.cacheReadTokens() * CACHE_READ_WEIGHT
                + s.outputTokens() * OUTPUT_WEIGHT);
    }
}
