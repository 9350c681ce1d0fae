package dev.graphmemory.server.mcp;

/** The JSON schemas of {@code graph_picture}'s input and output. */
final class PictureSchemas {
    private PictureSchemas() {}

    static final String INPUT = """
            {"type": "object", "properties": {
              "subject": {"type": "string", "enum": ["neighbors", "dependencies", "gaps", "work_unit"], "description": "What to draw."},
              "format": {"type": "string", "enum": ["mermaid", "dot", "graphml"], "description": "Default mermaid."},
              "max_boxes": {"type": "integer", "minimum": 5, "maximum": 200, "description": "Most boxes drawn (default 40); the rest become one '+N more' box."},
              "node_id": {"type": "string", "description": "neighbors: the start node, <schema>:<type>:<key>; work_unit: WU-281 or workflow:work_unit:WU-281."},
              "direction": {"type": "string", "enum": ["in", "out", "both"], "description": "neighbors: default both."},
              "relationship": {"type": ["string", "array"], "items": {"type": "string"}, "description": "neighbors: IMPORTS, CALLS, DECLARES, ...; default all."},
              "depth": {"type": "integer", "minimum": 1, "maximum": 5, "description": "neighbors: default 1."},
              "path": {"type": "string", "description": "dependencies: a repository-relative folder (default: the whole repository)."},
              "package": {"type": "string", "description": "dependencies: instead of path, a package and those below it, e.g. com.acme.auth."},
              "status": {"type": "string", "enum": ["unreached", "tests_only"], "description": "gaps: only this status."},
              "min_confidence": {"type": ["number", "string"], "description": "gaps: leave out gaps below this confidence (0..1)."},
              "mode": {"type": "string", "enum": ["auto", "application", "library"], "description": "gaps: as detect_integration_gaps."},
              "entry_points": {"type": ["array", "string"], "items": {"type": "string"}, "description": "gaps: extra entry point globs."},
              "exclude": {"type": ["array", "string"], "items": {"type": "string"}, "description": "gaps: paths never reported (globs)."},
              "suggestions": {"type": "integer", "minimum": 0, "maximum": 5, "description": "gaps: suggested hosts per gap (default 2)."},
              "limit": {"type": "integer", "minimum": 1, "maximum": 100, "description": "gaps: gaps per page (default 10)."},
              "cursor": {"type": "string", "description": "gaps: next_cursor of the previous page."},
              "db_path": {"type": "string", "description": "Accepted for compatibility with older planner scripts; ignored."}
            }, "required": ["subject"], "additionalProperties": false}
            """;

    static final String OUTPUT = """
            {"type": "object", "properties": {
              "subject": {"type": "string"},
              "format": {"type": "string", "enum": ["mermaid", "dot", "graphml"]},
              "focus": {"type": "string", "description": "The node, folder or package drawn around."},
              "diagram": {"type": "string", "description": "The diagram's text (the same as the text content, without the stamp line)."},
              "boxes": {"type": "integer", "description": "Boxes drawn, the '+N more' box included."},
              "edges": {"type": "integer", "description": "Arrows drawn."},
              "more": {"type": "integer", "description": "Boxes of the subject not drawn (in the '+N more' box)."},
              "total": {"type": "integer", "description": "Boxes of the subject in all (modules, for dependencies); gaps in all, for gaps."},
              "truncated": {"type": "boolean", "description": "The walk stopped at its node cap; total is a lower bound."},
              "next_cursor": {"type": ["string", "null"], "description": "gaps: the next page."},
              "indexed_commit": {"type": ["string", "null"], "description": "The commit the graph reflects."},
              "stale": {"type": "boolean", "description": "True when HEAD or the working tree moved since the index."},
              "stale_reason": {"type": "string"}
            }, "required": ["subject", "format", "diagram", "boxes", "edges", "stale"]}
            """;
}
