package dev.graphmemory.queries.workflow.gaps;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A module no root reaches.
 *
 * @param id its node id
 * @param path its path
 * @param status {@code unreached} or {@code tests_only}
 * @param confidence how sure the analysis is that this is a real gap, 0..1 (see {@link GapConfidence})
 * @param reason why, in words
 * @param usedBy the modules that use it directly (tests, for {@code tests_only}; other unreached
 *     modules otherwise), at most a few
 * @param suggestions where it likely belongs, best first
 */
public record Gap(
        String id,
        String path,
        String status,
        double confidence,
        String reason,
        List<String> usedBy,
        List<Suggestion> suggestions) {
    public static final String UNREACHED = "unreached";
    public static final String TESTS_ONLY = "tests_only";

    public Gap {
        usedBy = List.copyOf(usedBy);
        suggestions = List.copyOf(suggestions);
    }

    Gap withSuggestions(List<Suggestion> s) {
        return new Gap(id, path, status, confidence, reason, usedBy, s);
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("path", path);
        m.put("status", status);
        m.put("confidence", GapConfidence.round(confidence));
        m.put("reason", reason);
        if (!usedBy.isEmpty()) {
            m.put("used_by", usedBy);
        }
        m.put("suggestions", suggestions.stream().map(Suggestion::toMap).toList());
        return m;
    }
}
