package dev.graphmemory.queries.workflow;

import java.util.Locale;

/** How a candidate relates to a proposed work unit. */
public enum Verdict {
    /** Likely the same work: do not file the proposal, reuse or reopen the candidate. */
    DUPLICATE,
    /** Maybe the same work, the model is unsure: read the candidate before filing. */
    REVIEW,
    /** Different work on the same files: read it before filing. */
    OVERLAP,
    /** Different work. */
    DISTINCT;

    /** The lowercase name used in answers, e.g. {@code duplicate}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
