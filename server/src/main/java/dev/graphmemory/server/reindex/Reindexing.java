package dev.graphmemory.server.reindex;

import dev.graphmemory.indexer.IndexOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a reindex and returns at once: with the embedded store the daemon runs it (a request
 * file it picks up within a tenth of a second); with an external Neo4j this process runs it on a
 * background thread. An optional, bounded wait follows it to the end.
 */
public final class Reindexing {
    private static final Logger LOG = LoggerFactory.getLogger(Reindexing.class);
    public static final int MAX_WAIT_SECONDS = 120;

    private final IndexRunner runner;
    private final boolean viaDaemon;
    private final IndexOptions options;

    public Reindexing(IndexRunner runner, boolean viaDaemon, IndexOptions options) {
        this.runner = runner;
        this.viaDaemon = viaDaemon;
        this.options = options;
    }

    public Map<String, Object> start(Driver driver, String repoKey, boolean full, Duration wait) {
        Instant asked = Instant.now();
        runner.request(full);
        if (!viaDaemon) {
            Thread t = new Thread(
                    () -> {
                        try {
                            runner.runIfFree(driver, repoKey, options.withFull(false));
                        } catch (RuntimeException e) {
                            LOG.warn("reindex failed: {}", e.toString());
                        }
                    },
                    "gm-reindex");
            t.setDaemon(true);
            t.start();
        }
        boolean done = false;
        if (!wait.isZero()) {
            long deadline = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < deadline && !(done = finishedSince(asked))) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("started", true);
        out.put("runs_in", viaDaemon ? "the store daemon" : "this server process");
        out.put("finished", done);
        out.put("run", runner.status().asMap());
        if (!done) {
            out.put(
                    "follow",
                    "call index_status: the run is over when run_under_way and reindex_owed are false and run.finished"
                            + " is later than " + asked);
        }
        return out;
    }

    private boolean finishedSince(Instant asked) {
        if (runner.requestPending()) {
            return false;
        }
        RunStatus status = runner.status();
        return !status.running()
                && status.finished() != null
                && Instant.parse(status.finished()).isAfter(asked);
    }
}
