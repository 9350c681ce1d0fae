package dev.graphmemory.indexer.sessions;

import static dev.graphmemory.indexer.sessions.RecordText.firstText;
import static dev.graphmemory.indexer.sessions.RecordText.length;
import static dev.graphmemory.indexer.sessions.RecordText.output;
import static dev.graphmemory.indexer.sessions.RecordText.text;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/** The running sums of one transcript while {@link TranscriptReader} goes through its records. */
final class SessionTally {
    private static final Set<String> READ_TOOLS = Set.of("Read");
    private static final Set<String> EDIT_TOOLS = Set.of("Edit", "MultiEdit", "Write", "NotebookEdit");
    private static final Set<String> SHELL_TOOLS = Set.of("Bash");
    private static final Set<String> AGENT_TOOLS = Set.of("Task", "Agent");

    private final Path repoRoot;
    private String agentId;
    /** Whether the first record that says so is a sidechain's: a subagent's own file. */
    private Boolean sidechainFile;

    private String sessionId;
    private String cwd;
    private Instant start;
    private Instant end;
    private final Set<String> models = new TreeSet<>();
    /** Document-id-like words of the prompts (e.g. {@code WU-12}); resolved against known documents later. */
    private final Set<String> mentions = new TreeSet<>();

    private static final java.util.regex.Pattern DOC_ID =
            java.util.regex.Pattern.compile("\\b[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z][A-Za-z0-9]*)*-\\d+\\b");
    private static final int MAX_MENTIONS = 200;
    private final Set<String> branches = new LinkedHashSet<>();
    /** API call key → its usage (largest of each field among its records) and whether it used a tool. */
    private final Map<String, Call> calls = new HashMap<>();
    /** Keys of the API calls a record of which holds a {@code tool_use} (any of its records). */
    private final Set<String> usedTool = new HashSet<>();

    private final Set<String> toolUseIds = new HashSet<>();
    /** tool_use id → what its result is counted for, until the result arrives. */
    private final Map<String, Pending> pending = new HashMap<>();

    private final Map<String, long[]> reads = new TreeMap<>();
    private long rereadTokens;
    private final Map<String, Integer> edits = new TreeMap<>();
    private final Map<String, int[]> commands = new TreeMap<>();
    /** Per report: its characters, the API calls before it, the calls when a compaction dropped it (-1: never). */
    private final List<long[]> reportSizes = new ArrayList<>();

    private final List<String> reportAgents = new ArrayList<>();
    private long skipped;

    SessionTally(Path repoRoot, String agentIdFromName) {
        this.repoRoot = repoRoot;
        this.agentId = agentIdFromName;
    }

    private static final class Call {
        final long[] usage = new long[4];
    }

    private record Pending(String tool, String key) {}

    void skipLine() {
        skipped++;
    }

    void add(JsonNode record) {
        Instant at = TranscriptReader.instant(record.get("timestamp"));
        if (at != null) {
            start = start == null || at.isBefore(start) ? at : start;
            end = end == null || at.isAfter(end) ? at : end;
        }
        sessionId = sessionId == null ? text(record.get("sessionId")) : sessionId;
        String recordCwd = text(record.get("cwd"));
        cwd = cwd == null && recordCwd != null && !recordCwd.isEmpty() ? recordCwd : cwd;
        String branch = text(record.get("gitBranch"));
        if (branch != null && !branch.isEmpty() && !branch.equals("HEAD")) {
            branches.add(branch);
        }
        // Before subagents had files of their own (2.0.x), their records were written inline in the
        // session's file with isSidechain: true; they count in that session. A file whose first
        // record is a sidechain's is a subagent's, and its agentId names it.
        JsonNode sidechain = record.get("isSidechain");
        if (sidechainFile == null && sidechain != null && sidechain.isBoolean()) {
            sidechainFile = sidechain.booleanValue();
        }
        if (agentId == null && Boolean.TRUE.equals(sidechainFile)) {
            agentId = text(record.get("agentId"));
        }
        String type = text(record.get("type"));
        if ("system".equals(type) && "compact_boundary".equals(text(record.get("subtype")))) {
            // The context was compacted: the reports in it so far leave it here.
            for (long[] r : reportSizes) {
                r[2] = r[2] < 0 ? calls.size() : r[2];
            }
        }
        JsonNode message = record.get("message");
        if (message == null || !message.isObject()) {
            return;
        }
        if ("assistant".equals(type)) {
            assistant(record, message, recordCwd);
        } else if ("user".equals(type)) {
            user(record, message);
        }
    }

    private void assistant(JsonNode record, JsonNode message, String recordCwd) {
        String model = text(message.get("model"));
        if ("<synthetic>".equals(model)) {
            return; // a local notice (an API error, an interruption): no call, no tool use
        }
        // A record without usage (or without any id) is no API call of its own, but its tool uses count.
        JsonNode usage = message.get("usage");
        String key = firstText(message.get("id"), record.get("requestId"), record.get("uuid"));
        if (usage != null && usage.isObject() && key != null) {
            if (model != null && !model.isEmpty()) {
                models.add(model);
            }
            Call call = calls.computeIfAbsent(key, k -> new Call());
            String[] fields = {"input_tokens", "output_tokens", "cache_read_input_tokens", "cache_creation_input_tokens"
            };
            for (int i = 0; i < fields.length; i++) {
                call.usage[i] = Math.max(call.usage[i], usage.path(fields[i]).asLong(0));
            }
        }
        JsonNode content = message.get("content");
        if (content == null || !content.isArray()) {
            return;
        }
        for (JsonNode block : content) {
            if ("tool_use".equals(text(block.get("type")))) {
                if (key != null) {
                    usedTool.add(key);
                }
                toolUse(block, recordCwd);
            }
        }
    }

    private void toolUse(JsonNode block, String recordCwd) {
        String id = text(block.get("id"));
        if (id == null || !toolUseIds.add(id)) {
            return;
        }
        String name = text(block.get("name"));
        JsonNode input = block.path("input");
        if (READ_TOOLS.contains(name)) {
            String path = repoPath(text(input.get("file_path")), recordCwd);
            if (path != null) {
                pending.put(id, new Pending("read", path));
            }
        } else if (EDIT_TOOLS.contains(name)) {
            String path = repoPath(firstText(input.get("file_path"), input.get("notebook_path")), recordCwd);
            if (path != null) {
                edits.merge(path, 1, Integer::sum);
            }
        } else if (SHELL_TOOLS.contains(name)) {
            String key = CommandKey.of(text(input.get("command")));
            if (key != null) {
                commands.computeIfAbsent(key, k -> new int[3])[0]++;
                pending.put(id, new Pending("shell", key));
            }
        } else if (AGENT_TOOLS.contains(name)) {
            pending.put(id, new Pending("agent", null));
        }
    }

    private void user(JsonNode record, JsonNode message) {
        JsonNode content = message.get("content");
        if (!record.path("isMeta").asBoolean(false)
                && !record.path("isSidechain").asBoolean(false)) {
            prompt(content);
        }
        if (content == null || !content.isArray()) {
            return;
        }
        for (JsonNode block : content) {
            if (!"tool_result".equals(text(block.get("type")))) {
                continue;
            }
            Pending p = pending.remove(text(block.get("tool_use_id")));
            if (p == null) {
                continue;
            }
            long chars = length(block.get("content"));
            switch (p.tool()) {
                case "read" -> {
                    long tokens = TranscriptReader.estimateTokens(chars);
                    long[] r = reads.computeIfAbsent(p.key(), k -> new long[2]);
                    if (r[0] > 0) {
                        rereadTokens += tokens;
                    }
                    r[0]++;
                    r[1] += tokens;
                }
                case "shell" -> {
                    if (block.path("is_error").asBoolean(false)) {
                        int[] runs = commands.get(p.key());
                        runs[1]++;
                        if (TestRuns.isTestOrBuild(p.key()) && !TestRuns.reportsTests(output(block.get("content")))) {
                            runs[2]++;
                        }
                    }
                }
                default -> {
                    reportSizes.add(new long[] {chars, calls.size(), -1});
                    JsonNode result = record.get("toolUseResult");
                    reportAgents.add(result == null ? null : text(result.get("agentId")));
                }
            }
        }
    }

    /**
     * Keeps the document ids a prompt names ({@code WU-12}, {@code BUG-ARCH-3}: letters, a hyphen,
     * digits), so the session can be linked to the work units it was asked about; the prompt itself
     * is searched and dropped.
     */
    private void prompt(JsonNode content) {
        if (content == null) {
            return;
        }
        if (content.isString()) {
            DOC_ID.matcher(content.stringValue()).results().forEach(m -> addMention(m.group()));
        } else if (content.isArray()) {
            for (JsonNode block : content) {
                if ("text".equals(text(block.get("type")))) {
                    String t = text(block.get("text"));
                    if (t != null) {
                        DOC_ID.matcher(t).results().forEach(m -> addMention(m.group()));
                    }
                }
            }
        }
    }

    private void addMention(String id) {
        if (mentions.size() < MAX_MENTIONS) {
            mentions.add(id);
        }
    }

    /** {@code file} made relative to the repository, or null when it lies outside it. */
    private String repoPath(String file, String recordCwd) {
        if (file == null || file.isBlank()) {
            return null;
        }
        try {
            Path p = Path.of(file);
            if (!p.isAbsolute()) {
                if (recordCwd == null) {
                    return null;
                }
                p = Path.of(recordCwd).resolve(p);
            }
            p = p.normalize();
            if (!p.startsWith(repoRoot) || p.equals(repoRoot)) {
                return null;
            }
            return repoRoot.relativize(p).toString().replace('\\', '/');
        } catch (InvalidPathException e) {
            return null;
        }
    }

    TranscriptStats stats() {
        long[] usage = new long[4];
        long narration = 0;
        for (Map.Entry<String, Call> e : calls.entrySet()) {
            for (int i = 0; i < 4; i++) {
                usage[i] += e.getValue().usage[i];
            }
            narration += usedTool.contains(e.getKey()) ? 0 : 1;
        }
        var fileReads = new TreeMap<String, TranscriptStats.FileReads>();
        reads.forEach((path, r) -> fileReads.put(path, new TranscriptStats.FileReads((int) r[0], r[1])));
        var runs = new TreeMap<String, TranscriptStats.CommandRuns>();
        commands.forEach((key, r) -> runs.put(key, new TranscriptStats.CommandRuns(r[0], r[1], r[2])));
        List<TranscriptStats.Report> reports = new ArrayList<>();
        for (int i = 0; i < reportSizes.size(); i++) {
            long[] r = reportSizes.get(i);
            long left = r[2] < 0 ? calls.size() : r[2];
            reports.add(new TranscriptStats.Report(reportAgents.get(i), r[0], left - r[1]));
        }
        return new TranscriptStats(
                sessionId,
                agentId,
                cwd,
                start == null ? null : start.toString(),
                end == null ? null : end.toString(),
                List.copyOf(models),
                List.copyOf(branches),
                calls.size(),
                toolUseIds.size(),
                usage[0],
                usage[1],
                usage[2],
                usage[3],
                narration,
                fileReads,
                rereadTokens,
                new TreeMap<>(edits),
                runs,
                reports,
                List.copyOf(mentions),
                skipped);
    }
}
