package dev.graphmemory.queries.workflow;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer to "is this proposal a duplicate?": the candidates, best first, and the overall
 * verdict (the best candidate's, or {@code distinct} when there is none).
 *
 * @param queryId the proposal's node id when it is an indexed item, else {@code null}
 * @param title the proposal's title
 * @param files the proposal's files
 * @param created when the proposal was filed, or {@code null} for work proposed now
 * @param candidates the best candidates, best first, at most the limit asked for
 * @param considered how many items were scored
 * @param corpusSize how many work units and bugs the repository has
 * @param filedLater how many of them were left out because they were filed after the (dated)
 *     proposal; 0 for a proposal without a date
 */
public record DuplicateReport(
        String queryId,
        String title,
        List<String> files,
        Instant created,
        List<DuplicateCandidate> candidates,
        int considered,
        int corpusSize,
        int filedLater) {
    public DuplicateReport {
        files = List.copyOf(files);
        candidates = List.copyOf(candidates);
    }

    /** The overall verdict: the best candidate's, or {@link Verdict#DISTINCT}. */
    public Verdict verdict() {
        return candidates.isEmpty() ? Verdict.DISTINCT : candidates.get(0).verdict();
    }

    /** Whether a likely duplicate exists. */
    public boolean hasDuplicate() {
        return verdict() == Verdict.DUPLICATE;
    }

    /** The answer object shared by the CLI's {@code --json} and the MCP tool's structured content. */
    public Map<String, Object> toMap() {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("id", queryId);
        query.put("title", title);
        query.put("files", files);
        query.put("filed", created == null ? null : created.toString());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("query", query);
        m.put("verdict", verdict().wire());
        m.put("duplicate_of", hasDuplicate() ? candidates.get(0).id() : null);
        m.put("candidates", candidates.stream().map(DuplicateCandidate::toMap).toList());
        m.put("considered", considered);
        m.put("corpus_size", corpusSize);
        m.put("filed_later", filedLater);
        Map<String, Object> thresholds = new LinkedHashMap<>();
        thresholds.put("duplicate", DuplicateThresholds.DUPLICATE);
        thresholds.put("review", DuplicateThresholds.REVIEW);
        m.put("thresholds", thresholds);
        return m;
    }
}
