package dev.graphmemory.server.reindex;

import dev.graphmemory.indexer.IndexSummary;
import dev.graphmemory.server.store.StoreFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The state of a worktree's index runs, kept in {@code runs/<key>.json}: whether one is under way
 * (and since when, in which process), and what the last one did or why it failed.
 *
 * @param state {@code running}, {@code finished}, {@code failed}, {@code interrupted} or {@code never}
 * @param details the finished run's whole summary as JSON (what {@code index --json} prints), or null
 */
public record RunStatus(
        String state,
        String worktree,
        long pid,
        String started,
        String finished,
        String summary,
        String error,
        String details) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static RunStatus never() {
        return new RunStatus("never", null, 0, null, null, null, null, null);
    }

    static RunStatus running(Path worktree, Instant started) {
        return new RunStatus(
                "running",
                worktree.toString(),
                ProcessHandle.current().pid(),
                started.toString(),
                null,
                null,
                null,
                null);
    }

    static RunStatus finished(Path worktree, Instant started, IndexSummary summary) {
        return new RunStatus(
                "finished",
                worktree.toString(),
                ProcessHandle.current().pid(),
                started.toString(),
                Instant.now().toString(),
                summary.oneLine(),
                null,
                JSON.writeValueAsString(summary));
    }

    static RunStatus failed(Path worktree, Instant started, Exception e) {
        return new RunStatus(
                "failed",
                worktree.toString(),
                ProcessHandle.current().pid(),
                started.toString(),
                Instant.now().toString(),
                null,
                String.valueOf(e.getMessage()),
                null);
    }

    /** A run recorded as under way whose process is gone. */
    RunStatus interrupted() {
        return new RunStatus(
                "interrupted",
                worktree,
                pid,
                started,
                null,
                null,
                "the process running it (pid " + pid + ") ended before it finished; the next run repairs the graph",
                null);
    }

    public boolean running() {
        return "running".equals(state);
    }

    static RunStatus read(Path file) {
        try {
            return Files.exists(file) ? JSON.readValue(Files.readString(file), RunStatus.class) : never();
        } catch (IOException | JacksonException e) {
            return never();
        }
    }

    void write(Path file) {
        try {
            StoreFiles.writeAtomically(file, JSON.writeValueAsString(this));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The status as answer fields, without the empty ones. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", state);
        if (started != null) {
            m.put("started", started);
        }
        if (finished != null) {
            m.put("finished", finished);
        }
        if (pid != 0) {
            m.put("pid", pid);
        }
        if (summary != null) {
            m.put("summary", summary);
        }
        if (error != null) {
            m.put("error", error);
        }
        return m;
    }
}
