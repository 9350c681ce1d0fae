package dev.graphmemory.queries.workflow.gaps;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer of gap detection, shared by the CLI's {@code --json} and the MCP tool.
 *
 * @param answer the answer object (see {@link GapDetector} for its fields)
 * @param findings how many gaps (or, for a build plan, unwired planned modules) were found in all,
 *     before paging
 */
public record GapReport(Map<String, Object> answer, int findings) {
    public GapReport {
        answer = Collections.unmodifiableMap(new LinkedHashMap<>(answer));
    }

    public Map<String, Object> toMap() {
        return answer;
    }
}
