package dev.graphmemory.server.mcp;

/** The JSON schemas of the workflow tools' inputs and outputs. */
final class WorkflowSchemas {
    private WorkflowSchemas() {}

    static final String DUPLICATES_INPUT = """
            {"type": "object", "properties": {
              "title": {"type": "string", "description": "The proposed work unit's title."},
              "objective": {"type": "string", "description": "Its objective."},
              "files": {"type": ["array", "string"], "items": {"type": "string"}, "description": "Repository paths it expects to change."},
              "tier": {"type": "string", "description": "task, story or epic."},
              "file": {"type": "string", "description": "Instead of the fields: its markdown file (YAML frontmatter title, objective, files_changed, tier), relative to the repository root."},
              "id": {"type": "string", "description": "Instead: an indexed work unit or bug, WU-123 or workflow:work_unit:WU-123 (itself excluded)."},
              "limit": {"type": "integer", "minimum": 1, "maximum": 50, "description": "Candidates to return (default 5)."},
              "db_path": {"type": "string", "description": "Accepted for compatibility with older planner scripts; ignored."}
            }, "additionalProperties": false}
            """;

    static final String DUPLICATES_OUTPUT = """
            {"type": "object", "properties": {
              "query": {"type": "object", "description": "The proposal: id (when indexed), title, files."},
              "verdict": {"type": "string", "enum": ["duplicate", "overlap", "distinct"], "description": "The best candidate's verdict."},
              "duplicate_of": {"type": ["string", "null"], "description": "The best candidate's id when it is a likely duplicate."},
              "candidates": {"type": "array", "items": {"type": "object", "properties": {
                "id": {"type": "string"},
                "type": {"type": ["string", "null"]},
                "title": {"type": "string"},
                "confidence": {"type": "number", "minimum": 0, "maximum": 1},
                "verdict": {"type": "string", "enum": ["duplicate", "overlap", "distinct"]},
                "evidence": {"type": "object"}
              }, "required": ["id", "confidence", "verdict", "evidence"]}},
              "considered": {"type": "integer", "description": "Work items scored."},
              "corpus_size": {"type": "integer", "description": "Work units and bugs indexed."},
              "thresholds": {"type": "object"},
              "indexed_commit": {"type": ["string", "null"], "description": "The commit the graph reflects."},
              "stale": {"type": "boolean", "description": "True when HEAD or the working tree moved since the index."},
              "stale_reason": {"type": "string"}
            }, "required": ["verdict", "candidates", "stale"]}
            """;
}
