package dev.graphmemory.server.mcp;

/** The JSON schemas of the workflow tools' inputs and outputs. */
final class WorkflowSchemas {
    private WorkflowSchemas() {}

    static final String DUPLICATES_INPUT = """
            {"type": "object", "properties": {
              "title": {"type": "string", "maxLength": 1000, "description": "The proposed work unit's title (at most 1,000 characters)."},
              "objective": {"type": "string", "maxLength": 100000, "description": "Its objective (at most 100,000 characters)."},
              "files": {"type": ["array", "string"], "items": {"type": "string"}, "description": "Repository paths it expects to change."},
              "tier": {"type": "string", "description": "task, story or epic."},
              "created": {"type": "string", "description": "With the fields: when the proposal was filed (e.g. 2026-03-01, 2026-03-01 10:15:00+00:00; ISO 8601, RFC 2822, git, Jira and epoch forms are read), if not now. Only work filed before it is compared, and how long before counts as evidence."},
              "file": {"type": "string", "description": "Instead of the fields: its markdown file (YAML frontmatter title, objective, files_changed, tier), relative to the repository root; it must lie inside the repository, symbolic links followed."},
              "id": {"type": "string", "description": "Instead: an indexed work unit or bug, WU-123 or workflow:work_unit:WU-123 (itself excluded)."},
              "limit": {"type": "integer", "minimum": 1, "maximum": 50, "description": "Candidates to return (default 5)."},
              "db_path": {"type": "string", "description": "Accepted for compatibility with older planner scripts; ignored."}
            }, "additionalProperties": false}
            """;

    static final String DUPLICATES_OUTPUT = """
            {"type": "object", "properties": {
              "query": {"type": "object", "description": "The proposal: id (when indexed), title, files, filed (its date, when it has one)."},
              "verdict": {"type": "string", "enum": ["duplicate", "review", "overlap", "distinct"], "description": "The best candidate's verdict."},
              "duplicate_of": {"type": ["string", "null"], "description": "The best candidate's id when it is a likely duplicate."},
              "candidates": {"type": "array", "items": {"type": "object", "properties": {
                "id": {"type": "string"},
                "type": {"type": ["string", "null"]},
                "title": {"type": "string"},
                "confidence": {"type": "number", "minimum": 0, "maximum": 1},
                "verdict": {"type": "string", "enum": ["duplicate", "review", "overlap", "distinct"]},
                "evidence": {"type": "object"}
              }, "required": ["id", "confidence", "verdict", "evidence"]}},
              "considered": {"type": "integer", "description": "Work items scored."},
              "corpus_size": {"type": "integer", "description": "Work units and bugs indexed."},
              "filed_later": {"type": "integer", "description": "Of those, how many were left out as filed after the proposal (0 without a date)."},
              "thresholds": {"type": "object"},
              "indexed_commit": {"type": ["string", "null"], "description": "The commit the graph reflects."},
              "stale": {"type": "boolean", "description": "True when HEAD or the working tree moved since the index."},
              "stale_reason": {"type": "string"}
            }, "required": ["verdict", "candidates", "stale"]}
            """;

    static final String GAPS_INPUT = """
            {"type": "object", "properties": {
              "entry_points": {"type": ["array", "string"], "items": {"type": "string"}, "description": "Extra entry points as repository-relative path globs (added to .graph-memory.yml gaps.entry_points), e.g. ['scripts/*.py']."},
              "exclude": {"type": ["array", "string"], "items": {"type": "string"}, "description": "Path globs never to report (added to gaps.exclude)."},
              "mode": {"type": "string", "enum": ["auto", "application", "library"], "description": "auto (default): entry points, or the public API when there are none; library: public API as roots too."},
              "status": {"type": "string", "enum": ["unreached", "tests_only"], "description": "Only gaps of this status."},
              "min_confidence": {"type": "number", "minimum": 0, "maximum": 1, "description": "Leave out gaps below this confidence."},
              "suggestions": {"type": "integer", "minimum": 0, "maximum": 5, "description": "Suggestions per gap (default 3)."},
              "plan": {"type": ["array", "string"], "items": {"type": "string"}, "description": "Check a build plan instead: a folder of planned work unit markdown files, or a list of files, relative to the repository root; every one must lie inside the repository, symbolic links followed."},
              "limit": {"type": "integer", "minimum": 1, "maximum": 100, "description": "Rows per page (default 20, fewer when the page would be long)."},
              "cursor": {"type": "string", "description": "next_cursor of the previous answer, to get the next page."},
              "explain": {"type": "string", "description": "A module's repository-relative path: answer which rule made it an entry point or reached it (and through which modules), or why none did, instead of the gaps."},
              "db_path": {"type": "string", "description": "Accepted for compatibility with older planner scripts; ignored."}
            }, "additionalProperties": false}
            """;

    static final String GAPS_OUTPUT = """
            {"type": "object", "properties": {
              "mode": {"type": "string", "enum": ["application", "library"], "description": "library when the public API served as roots."},
              "roots": {"type": "object", "description": "The roots used: note (the choice in words), count, by_kind, sample paths."},
              "summary": {"type": "object", "description": "modules, module_edges, excluded (by reason), reached, unreached, tests_only."},
              "gaps": {"type": "array", "items": {"type": "object", "properties": {
                "id": {"type": "string"},
                "path": {"type": "string"},
                "status": {"type": "string", "enum": ["unreached", "tests_only"]},
                "confidence": {"type": "number", "minimum": 0, "maximum": 1},
                "reason": {"type": "string"},
                "used_by": {"type": "array", "items": {"type": "string"}},
                "suggestions": {"type": "array", "description": "Where it likely belongs, best first: path, entry_point (only when the host is one), confidence, reason.", "items": {"type": "object"}}
              }, "required": ["id", "path", "status", "confidence", "reason", "suggestions"]}},
              "explain": {"type": "object", "description": "With explain: path, verdict (root, reached, excluded or gap), rules (the entry-point kinds or exclusion that decided), via (the modules from the root, for reached), status, confidence and used_by (for a gap), why (in words)."},
              "plan": {"type": "object", "description": "With plan: work_units, new_modules, wired (path, planned_by, wired_by), unwired_count, unwired (path, planned_by, suggestions, draft {id, file, title, markdown})."},
              "total": {"type": "integer", "description": "Gaps (or unwired planned modules) in all, before paging."},
              "next_cursor": {"type": ["string", "null"], "description": "Pass as cursor for the next page; null when this is the last."},
              "indexed_commit": {"type": ["string", "null"], "description": "The commit the graph reflects."},
              "stale": {"type": "boolean", "description": "True when HEAD or the working tree moved since the index."},
              "stale_reason": {"type": "string"}
            }, "required": ["mode", "roots", "summary", "total", "stale"]}
            """;
}
