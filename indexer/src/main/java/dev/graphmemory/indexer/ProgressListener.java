package dev.graphmemory.indexer;

/** Hears how an index run advances; the CLI draws a progress bar from it. */
public interface ProgressListener {
    /** A phase starts, with the number of steps it has (0 when unknown). */
    void phase(String name, long total);

    /** {@code steps} more steps of the current phase are done. */
    void advance(long steps);

    /** Hears nothing. */
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void phase(String name, long total) {}

        @Override
        public void advance(long steps) {}
    };
}
