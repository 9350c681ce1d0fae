package dev.graphmemory.queries.workflow.gaps;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a gap likely belongs: a module to wire it into, with a confidence and the reason.
 *
 * @param id the host module's node id
 * @param path its path
 * @param entryPoint whether the host is itself an entry point
 * @param confidence 0..1
 * @param reason the evidence in words (package proximity, names, co-change, work units)
 */
public record Suggestion(String id, String path, boolean entryPoint, double confidence, String reason) {
    /**
     * The suggestion in an answer: its path (the host's id is {@code architecture:module:} and the
     * path, so it is not repeated) and {@code entry_point} only when the host is one.
     */
    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", path);
        if (entryPoint) {
            m.put("entry_point", true);
        }
        m.put("confidence", GapConfidence.round(confidence));
        m.put("reason", reason);
        return m;
    }
}
