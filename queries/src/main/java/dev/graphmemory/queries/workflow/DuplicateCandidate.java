package dev.graphmemory.queries.workflow;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One indexed work unit or bug that a proposal may duplicate.
 *
 * @param id its node id, e.g. {@code workflow:work_unit:WU-281}
 * @param type {@code work_unit} or {@code bug}
 * @param title its title
 * @param confidence how likely the two are the same work, 0..1 (see {@link DuplicateThresholds})
 * @param verdict {@code duplicate}, {@code overlap} or {@code distinct}, from the confidence
 * @param evidence what the judgement rests on
 */
public record DuplicateCandidate(
        String id, String type, String title, double confidence, Verdict verdict, Evidence evidence) {
    public DuplicateCandidate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(evidence, "evidence");
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence: expected 0..1, got " + confidence);
        }
    }

    /** The candidate as an answer row. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id); // names the type too (workflow:work_unit:..., issues:bug:...)
        m.put("title", title);
        m.put("confidence", Evidence.round(confidence));
        m.put("verdict", verdict.wire());
        m.put("evidence", evidence.toMap());
        return m;
    }
}
