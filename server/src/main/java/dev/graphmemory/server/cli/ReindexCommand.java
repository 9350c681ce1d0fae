package dev.graphmemory.server.cli;

import dev.graphmemory.indexer.IndexSummary;
import dev.graphmemory.server.config.GraphMemoryConfig;
import dev.graphmemory.server.reindex.IndexRunner;
import dev.graphmemory.server.store.GraphStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code graph-memory reindex --owed}: what the git hook starts when no daemon is alive. With the
 * embedded store, opening it starts the daemon, which takes the owed request itself; with an
 * external Neo4j this process runs the owed reindexes, unless a run is under way elsewhere (that
 * run takes the request when it ends).
 */
@Command(
        name = "reindex",
        mixinStandardHelpOptions = true,
        description = "Run the reindex a git hook left owed (--owed), or ask for one. Returns at once unless --wait.")
final class ReindexCommand implements Callable<Integer> {
    @ParentCommand
    GraphMemoryCommand parent;

    @Option(names = "--owed", description = "Only run what the git hook asked for (used by the hook).")
    boolean owed;

    @Option(names = "--full", description = "Rebuild everything.")
    boolean full;

    @Option(names = "--wait", paramLabel = "SECONDS", description = "Wait at most this long for the run (default 0).")
    int waitSeconds;

    @Override
    public Integer call() {
        Path root = parent.store.root();
        GraphMemoryConfig config = GraphMemoryConfig.load(root);
        IndexRunner runner = new IndexRunner(root);
        if (owed && !runner.requestPending()) {
            return 0;
        }
        boolean viaDaemon = parent.store.externalUri(config) == null;
        try (GraphStore store = parent.store.open(root, config)) {
            if (!owed) {
                runner.request(full);
            }
            if (viaDaemon) {
                // the daemon (started by open if it was down) takes the request within 0.1 s
                if (waitSeconds > 0) {
                    waitForRequest(runner, Duration.ofSeconds(waitSeconds));
                }
            } else {
                Optional<IndexSummary> summary = waitSeconds > 0
                        ? runner.run(
                                store.driver(),
                                store.repoKey(),
                                config.indexOptions(false),
                                Duration.ofSeconds(waitSeconds))
                        : runner.runIfFree(store.driver(), store.repoKey(), config.indexOptions(false));
                summary.ifPresent(s -> parent.out.println(s.oneLine()));
            }
            parent.out.println(
                    "run: " + runner.status().asMap() + (runner.requestPending() ? "; a reindex is owed" : ""));
            return 0;
        }
    }

    private static void waitForRequest(IndexRunner runner, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline
                && (runner.requestPending() || runner.status().running())) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
