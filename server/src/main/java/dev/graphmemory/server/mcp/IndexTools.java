package dev.graphmemory.server.mcp;

import dev.graphmemory.queries.find.ToolException;
import dev.graphmemory.server.reindex.IndexStatusReport;
import dev.graphmemory.server.reindex.Reindexing;
import dev.graphmemory.server.store.GraphStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** The index tools: {@code index_status} and {@code reindex}. */
final class IndexTools {
    private static final Duration STORE_WAIT = Duration.ofSeconds(90);

    private final StoreHandle handle;
    private final Path root;
    private final Reindexing reindexing;

    IndexTools(StoreHandle handle, Path root, Reindexing reindexing) {
        this.handle = handle;
        this.root = root;
        this.reindexing = reindexing;
    }

    List<ToolDef> all() {
        return List.of(status(), reindex());
    }

    private ToolDef status() {
        return new ToolDef(
                "index_status",
                "How current is the graph?",
                "The commit the graph reflects and HEAD, how many files changed since (and the first 20), whether an"
                        + " index run is under way or owed (a commit's hook asked for one), the last run's figures,"
                        + " and the store daemon. Example: index_status().",
                """
                {"type": "object", "properties": {
                  "db_path": {"type": "string", "description": "Accepted for compatibility; ignored."}
                }, "additionalProperties": false}
                """,
                """
                {"type": "object", "properties": {
                  "repo": {"type": "string"},
                  "indexed_commit": {"type": ["string", "null"]},
                  "head": {"type": ["string", "null"]},
                  "complete": {"type": "boolean"},
                  "current": {"type": "boolean", "description": "The graph reflects HEAD and the working tree as it is now."},
                  "behind": {"type": "string", "description": "Why the graph is not current (absent when it is)."},
                  "files_changed_since": {"type": "integer"},
                  "changed_files": {"type": "array", "items": {"type": "string"}},
                  "run_under_way": {"type": "boolean"},
                  "reindex_owed": {"type": "boolean"},
                  "run": {"type": "object"},
                  "last_run": {"type": "object"},
                  "store": {"type": "string"},
                  "daemon": {"type": "object"},
                  "stale": {"type": "boolean"},
                  "stale_reason": {"type": "string"}
                }, "required": ["repo", "run_under_way", "reindex_owed"]}
                """,
                true,
                Set.of("db_path"),
                args -> {
                    GraphStore store = handle.await(STORE_WAIT);
                    return IndexStatusReport.of(store.driver(), store.repoKey(), root, store.describe());
                });
    }

    private ToolDef reindex() {
        return new ToolDef(
                "reindex",
                "Bring the graph up to date",
                "Start an index run in the background and return at once (only changed files are parsed again; a run"
                        + " on an unchanged tree writes nothing). Follow it with index_status, or pass wait_seconds"
                        + " (at most " + Reindexing.MAX_WAIT_SECONDS + ") to wait for it. full=true rebuilds"
                        + " everything. The post-commit hook (graph-memory hook install) does this after every"
                        + " commit. Example: reindex(wait_seconds=30).",
                """
                {"type": "object", "properties": {
                  "wait_seconds": {"type": "integer", "minimum": 0, "maximum": 120,
                                   "description": "Wait at most this long for the run to finish (default 0)."},
                  "full": {"type": "boolean", "description": "Rebuild everything (default false)."},
                  "db_path": {"type": "string", "description": "Accepted for compatibility; ignored."}
                }, "additionalProperties": false}
                """,
                """
                {"type": "object", "properties": {
                  "started": {"type": "boolean"},
                  "runs_in": {"type": "string"},
                  "finished": {"type": "boolean"},
                  "run": {"type": "object"},
                  "follow": {"type": "string"},
                  "indexed_commit": {"type": ["string", "null"]},
                  "stale": {"type": "boolean"},
                  "stale_reason": {"type": "string"}
                }, "required": ["started", "finished"]}
                """,
                false,
                Set.of("wait_seconds", "full", "db_path"),
                args -> {
                    Integer wait = args.integer("wait_seconds");
                    if (wait != null && (wait < 0 || wait > Reindexing.MAX_WAIT_SECONDS)) {
                        throw new ToolException("reindex: wait_seconds must be from 0 to " + Reindexing.MAX_WAIT_SECONDS
                                + ", got " + wait + "; follow a longer run with index_status");
                    }
                    GraphStore store = handle.await(STORE_WAIT);
                    return reindexing.start(
                            store.driver(),
                            store.repoKey(),
                            args.bool("full"),
                            Duration.ofSeconds(wait == null ? 0 : wait));
                });
    }
}
