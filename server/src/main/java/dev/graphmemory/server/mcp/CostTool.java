package dev.graphmemory.server.mcp;

import dev.graphmemory.queries.graph.RepoGraph;
import dev.graphmemory.queries.workflow.SessionCost;
import dev.graphmemory.server.store.GraphStore;
import java.util.Set;

/** The {@code session_cost} tool: what agent sessions cost, by work unit, session, day, model or file. */
public final class CostTool {
    public static final String NAME = "session_cost";

    static final String INPUT = """
            {"type": "object", "properties": {
              "by": {"type": "string", "enum": ["work_unit", "session", "day", "model", "file"], "description": "How to group; default session."},
              "since": {"type": "string", "description": "Sessions that started on or after this day or instant, e.g. 2026-11-01."},
              "until": {"type": "string", "description": "Sessions that started on or before this day or instant."},
              "limit": {"type": "integer", "minimum": 1, "maximum": 200, "description": "Rows per page (default 25)."},
              "cursor": {"type": "string"},
              "db_path": {"type": "string", "description": "Accepted for compatibility; ignored."}
            }, "additionalProperties": false}
            """;

    static final String OUTPUT = """
            {"type": "object", "properties": {
              "by": {"type": "string"},
              "rows": {"type": "array", "items": {"type": "object"}},
              "total": {"type": "integer"},
              "next_cursor": {"type": ["string", "null"]},
              "indexed_commit": {"type": ["string", "null"]},
              "stale": {"type": "boolean"},
              "stale_reason": {"type": "string"}
            }, "required": ["by", "rows", "total", "stale"]}
            """;

    private CostTool() {}

    /**
     * The answer with each row's {@code key} as its {@code id}, so {@link RowsText} renders it as it
     * renders {@code graph_find}'s rows: one line a row, {@code key=value} after the key.
     */
    @SuppressWarnings("unchecked")
    public static java.util.Map<String, Object> asRows(java.util.Map<String, Object> answer) {
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>(answer);
        out.put(
                "rows",
                ((java.util.List<java.util.Map<String, Object>>) answer.getOrDefault("rows", java.util.List.of()))
                        .stream()
                                .map(row -> {
                                    java.util.Map<String, Object> r = new java.util.LinkedHashMap<>();
                                    r.put("id", row.get("key"));
                                    row.forEach((k, v) -> {
                                        if (!k.equals("key")) {
                                            r.put(k, v);
                                        }
                                    });
                                    return r;
                                })
                                .toList());
        return out;
    }

    /** The tool on the store {@code handle} gives. */
    public static ToolDef definition(StoreHandle handle) {
        return new ToolDef(
                NAME,
                "What agent sessions cost",
                "Tokens spent by Claude Code sessions on this repository (read from their transcripts at index"
                        + " time), grouped by work_unit, session, day, model or file, largest first. A row: key,"
                        + " sessions, api_calls, the four token figures, weighted_tokens (input-token equivalents:"
                        + " cache reads x0.1, cache writes x1.25, output x5), cached_share, and outlier=true over 3x"
                        + " the median; by file: reads and the estimated read_tokens. Subagents count under their"
                        + " session and work unit. Examples: session_cost(by='work_unit'); what did reading app.py"
                        + " cost this week? session_cost(by='file', since='2026-11-16'). Per session waste signals:"
                        + " graph_find(schema='workflow', type='session', fields=['*']).",
                INPUT,
                OUTPUT,
                true,
                Set.of("by", "since", "until", "limit", "cursor", "db_path"),
                args -> {
                    GraphStore store = handle.await(GraphTools.STORE_WAIT);
                    return new SessionCost(new RepoGraph(store.driver(), store.repoKey()))
                            .run(new SessionCost.Request(
                                    args.string("by"),
                                    args.string("since"),
                                    args.string("until"),
                                    args.integer("limit"),
                                    args.string("cursor")));
                });
    }
}
