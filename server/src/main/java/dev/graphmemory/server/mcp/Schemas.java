package dev.graphmemory.server.mcp;

/** The JSON schemas of the tools' inputs and outputs. */
final class Schemas {
    private Schemas() {}

    private static final String DB_PATH =
            "\"db_path\": {\"type\": \"string\", \"description\": \"Accepted for compatibility with older planner"
                    + " scripts; ignored (the server serves its own repository).\"}";

    private static final String STAMP = "\"indexed_commit\": {\"type\": [\"string\", \"null\"], \"description\":"
            + " \"The commit the graph reflects.\"}, \"stale\": {\"type\": \"boolean\", \"description\": \"True when"
            + " HEAD or the working tree moved since the index.\"}, \"stale_reason\": {\"type\": \"string\"}";

    static final String EMPTY_INPUT =
            "{\"type\": \"object\", \"properties\": {" + DB_PATH + "}, \"additionalProperties\": false}";

    static final String FIND_INPUT = """
            {"type": "object", "properties": {
              "schema": {"type": "string", "enum": ["architecture", "workflow", "issues", "decisions"]},
              "type": {"type": "string", "description": "module, class, function, cli_entry, build_module (architecture); work_unit, commit (workflow); bug, finding (issues); adr, anti_pattern (decisions)"},
              "where": {"type": ["object", "string"], "description": "Filter: {key: value} for equality, or operators $eq $ne $in $nin $contains (case-insensitive; any list element) $startsWith $endsWith $regex $gt $gte $lt $lte $exists, combined with $and $or $not. Example: {\\"$or\\": [{\\"path\\": {\\"$contains\\": \\"_runner\\"}}, {\\"path\\": {\\"$endsWith\\": \\"/cli.py\\"}}]}"},
              "limit": {"type": "integer", "minimum": 1, "maximum": 200, "description": "Rows per page (default 25)."},
              "cursor": {"type": "string", "description": "next_cursor of the previous page."},
              "fields": {"type": "array", "items": {"type": "string"}, "description": "More properties per row, or [\\"*\\"] for all."},
              %s
            }, "required": ["schema", "type"], "additionalProperties": false}
            """.formatted(DB_PATH);

    static final String FIND_OUTPUT = """
            {"type": "object", "properties": {
              "rows": {"type": "array", "items": {"type": "object"}},
              "total": {"type": "integer", "description": "All matches, over every page."},
              "next_cursor": {"type": ["string", "null"]},
              %s
            }, "required": ["rows", "total", "stale"]}
            """.formatted(STAMP);

    static final String NEIGHBORS_INPUT = """
            {"type": "object", "properties": {
              "node_id": {"type": "string", "description": "<schema>:<type>:<key>, e.g. architecture:module:src/auth/handler.py"},
              "direction": {"type": "string", "enum": ["in", "out", "both"], "description": "Default both."},
              "relationship": {"type": ["string", "array"], "items": {"type": "string"}, "description": "IMPORTS, CALLS, DECLARES, EXTENDS, IMPLEMENTS, TESTS, DEPENDS_ON (work units; build modules), TOUCHES, AFFECTS, CAUSED_BY, MODIFIES, MENTIONS, INVOKES; from sessions READ, EDITED, RAN, SPAWNED, WORKED_ON, PRODUCED; default all."},
              "depth": {"type": "integer", "minimum": 1, "maximum": 5, "description": "Default 1."},
              "limit": {"type": "integer", "minimum": 1, "maximum": 200, "description": "Rows per page (default 25)."},
              "cursor": {"type": "string"},
              %s
            }, "required": ["node_id"], "additionalProperties": false}
            """.formatted(DB_PATH);

    static final String NEIGHBORS_OUTPUT = """
            {"type": "object", "properties": {
              "node": {"type": "string", "description": "The start node's canonical id."},
              "rows": {"type": "array", "items": {"type": "object"}},
              "total": {"type": "integer"},
              "truncated": {"type": "boolean", "description": "The walk stopped at its node cap."},
              "next_cursor": {"type": ["string", "null"]},
              %s
            }, "required": ["rows", "total", "stale"]}
            """.formatted(STAMP);

    static final String STATS_OUTPUT = """
            {"type": "object", "properties": {
              "nodes": {"type": "object", "additionalProperties": {"type": "integer"}},
              "relationships": {"type": "object", "additionalProperties": {"type": "integer"}},
              "not_parsed": {"type": "object", "additionalProperties": {"type": "integer"}, "description": "Files of source languages graph-memory does not parse, per language (e.g. Kotlin: 392), as of the last index run."},
              "complete": {"type": "boolean"},
              "store": {"type": "string"},
              %s
            }, "required": ["nodes", "relationships", "stale"]}
            """.formatted(STAMP);

    static final String QUERY_INPUT = """
            {"type": "object", "properties": {
              "cypher": {"type": "string", "description": "One read-only Cypher query (no LOAD CSV, SHOW, USE, query options or procedures outside the read list); $repo is bound to this repository."},
              "params": {"type": "object", "description": "Query parameters; repo is reserved."},
              "limit": {"type": "integer", "minimum": 1, "maximum": 1000, "description": "Row cap (default 100)."},
              %s
            }, "required": ["cypher"], "additionalProperties": false}
            """.formatted(DB_PATH);

    static final String QUERY_OUTPUT = """
            {"type": "object", "properties": {
              "columns": {"type": "array", "items": {"type": "string"}},
              "rows": {"type": "array", "items": {"type": "object"}},
              "truncated": {"type": "boolean"},
              "note": {"type": "string"},
              "scope": {"type": "string", "description": "Present when the query does not use $repo and the store holds other repositories."},
              %s
            }, "required": ["columns", "rows", "stale"]}
            """.formatted(STAMP);
}
