package dev.graphmemory.server.cli;

import dev.graphmemory.indexer.IndexSummary;
import dev.graphmemory.server.config.GraphMemoryConfig;
import dev.graphmemory.server.reindex.IndexRunner;
import dev.graphmemory.server.reindex.RunStatus;
import dev.graphmemory.server.store.DaemonEndpoint;
import dev.graphmemory.server.store.EmbeddedStore;
import dev.graphmemory.server.store.GraphStore;
import dev.graphmemory.server.store.StoreException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The index run of {@code index} and {@code init}: handed to the repository's store daemon with the
 * embedded store, made in this process with an external Neo4j or when the daemon cannot take it.
 */
final class DaemonIndex {
    private DaemonIndex() {}

    /** Indexes the repository at {@code root} and returns the run's summary. */
    static IndexSummary index(StoreOptions store, Path root, GraphMemoryConfig config, boolean full) {
        if (store.externalUri(config) == null) {
            Optional<IndexSummary> done = run(root, full);
            if (done.isPresent()) {
                return done.get();
            }
        }
        try (GraphStore graph = store.open(root, config);
                ProgressBar bar = ProgressBar.forStderr()) {
            // One run per worktree at a time, whoever starts it (this command, the daemon, a server).
            return new IndexRunner(root, bar)
                    .run(graph.driver(), graph.repoKey(), config.indexOptions(full), Duration.ofHours(2))
                    .orElseThrow(() ->
                            new StoreException("another index run of " + root + " is still under way after 2 hours"));
        }
    }

    /**
     * The run asked of the store daemon, started for it when none of this version runs. A refresh
     * finds its JVM warm (parsers loaded, code compiled), so a one-file commit takes a fraction of
     * what a fresh process needs to start, connect and read its caches; a full run writes through
     * the daemon's own database instead of Cypher over Bolt (see {@code DirectWrites}), in one JVM
     * instead of two. The request is the one the git hook leaves; this waits for the run that takes
     * it and returns its summary. Empty when git is mid-rebase (the daemon would wait it out) or the
     * daemon ended without running the request: the caller then runs in process.
     */
    private static Optional<IndexSummary> run(Path root, boolean full) {
        if (GitWorkTree.busy(root)) {
            return Optional.empty(); // the daemon waits out a rebase; an explicit index does not
        }
        IndexRunner runner = new IndexRunner(root);
        Optional<DaemonEndpoint> daemon = EmbeddedStore.runningDaemon(root);
        Instant asked = Instant.now();
        runner.request(full);
        try (ProgressBar bar = ProgressBar.forStderr()) {
            if (daemon.isEmpty() || !daemon.get().version().equals(EmbeddedStore.version())) {
                bar.phase("starting the store", 0);
                EmbeddedStore.startDaemon(root); // it takes the request once it is up
            }
            long deadline = System.nanoTime() + Duration.ofHours(2).toNanos();
            return awaitDaemonRun(root, runner, asked, deadline, bar);
        }
    }

    private static Optional<IndexSummary> awaitDaemonRun(
            Path root, IndexRunner runner, Instant asked, long deadline, ProgressBar bar) {
        while (System.nanoTime() < deadline) {
            RunStatus status = runner.status();
            boolean ours =
                    status.started() != null && !Instant.parse(status.started()).isBefore(asked);
            if (ours && status.running()) {
                runner.progress().ifPresent(p -> bar.show(p.phase(), p.total(), p.done()));
            }
            if (ours && !status.running() && !runner.requestPending()) {
                return switch (status.state()) {
                    case "finished" -> Optional.of(summaryOf(status));
                    case "failed" ->
                        throw new StoreException("index failed in the store daemon: " + status.error()
                                + " (its log: .graph-memory/logs/daemon.log)");
                    default -> throw new StoreException("index did not finish: " + status.error());
                };
            }
            if (!ours
                    && runner.requestPending()
                    && EmbeddedStore.runningDaemon(root).isEmpty()) {
                return Optional.empty(); // the daemon ended before taking the request: run here
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException("interrupted while the store daemon indexed " + root);
            }
        }
        throw new StoreException("another index run of " + root + " is still under way after 2 hours");
    }

    private static IndexSummary summaryOf(RunStatus status) {
        if (status.details() == null) {
            throw new StoreException("the store daemon's run left no summary: " + status.summary());
        }
        return JsonMapper.builder()
                .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build()
                .readValue(status.details(), IndexSummary.class);
    }
}
