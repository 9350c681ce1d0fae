package dev.graphmemory.server.mcp;

import dev.graphmemory.queries.workflow.TierClassifier;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The {@code classify_tier} tool: deterministic tier rules, no model. */
final class TierTool {
    private TierTool() {}

    static ToolDef definition() {
        return new ToolDef(
                "classify_tier",
                "Classify a work unit's tier",
                "Classify a planned work unit as task, story or epic by fixed rules, with the rule that fired:"
                        + " read-only work (title starting with audit, analyze, report, document or review) is a task;"
                        + " otherwise 5 or more files is an epic, 2 to 4 a story, 0 or 1 a task. Example:"
                        + " classify_tier(title='Add retry logic to auth', files=['src/auth/handler.py',"
                        + " 'src/auth/retry.py']) gives story.",
                """
                {"type": "object", "properties": {
                  "title": {"type": "string"},
                  "files": {"type": "array", "items": {"type": "string"}, "description": "Files the work touches."},
                  "db_path": {"type": "string", "description": "Accepted for compatibility; ignored."}
                }, "required": ["title"], "additionalProperties": false}
                """,
                """
                {"type": "object", "properties": {
                  "tier": {"type": "string", "enum": ["task", "story", "epic"]},
                  "rule": {"type": "string", "enum": ["read_only", "files_5_plus", "files_2_to_4", "files_0_to_1"]},
                  "reason": {"type": "string"},
                  "files": {"type": "integer"},
                  "indexed_commit": {"type": ["string", "null"]},
                  "stale": {"type": "boolean"},
                  "stale_reason": {"type": "string"}
                }, "required": ["tier", "rule", "reason"]}
                """,
                true,
                Set.of("title", "files", "db_path"),
                args -> {
                    TierClassifier.Tier tier = TierClassifier.classify(
                            args.requiredString("title", "'Add retry logic'"), args.strings("files"));
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("tier", tier.tier());
                    out.put("rule", tier.rule());
                    out.put("reason", tier.reason());
                    out.put("files", tier.files());
                    return out;
                });
    }
}
