package dev.graphmemory.queries.graph;

import java.util.Map;

/**
 * What the store knows of a repository's last index run: the commit it reflects, the digest of
 * its inputs (so an unchanged repository is recognised without reparsing), whether the run
 * completed, and the run's summary as JSON.
 */
public record IndexState(
        String indexedCommit, String inputDigest, boolean complete, String lastRunJson, Map<String, Object> extra) {
    public IndexState {
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    /** The state of a repository never indexed. */
    public static IndexState none() {
        return new IndexState(null, null, false, null, Map.of());
    }

    /**
     * A key that changes whenever a run changes the graph (commit, input digest or run summary):
     * what is read from the graph once per state is cached under it with the repository's key.
     */
    public String version() {
        return indexedCommit + '\u0000' + inputDigest + '\u0000' + lastRunJson;
    }

    /** Whether any run has been recorded. */
    public boolean exists() {
        return inputDigest != null || indexedCommit != null;
    }
}
