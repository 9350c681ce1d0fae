package dev.graphmemory.queries.workflow;

import java.util.Locale;

/** How a candidate relates to a proposed work unit. */
public enum Verdict {
    /** Very likely the same work: do not file the proposal, reuse or reopen the candidate. */
    DUPLICATE,
    /** Related work (same files or much shared text): read it before filing. */
    OVERLAP,
    /** Different work. */
    DISTINCT;

    /** The lowercase name used in answers, e.g. {@code duplicate}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
