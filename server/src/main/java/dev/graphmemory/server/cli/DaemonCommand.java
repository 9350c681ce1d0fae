package dev.graphmemory.server.cli;

import dev.graphmemory.server.config.GraphMemoryConfig;
import dev.graphmemory.server.reindex.IndexRunner;
import dev.graphmemory.server.store.DaemonEndpoint;
import dev.graphmemory.server.store.EmbeddedStore;
import dev.graphmemory.server.store.StoreDaemon;
import dev.graphmemory.server.store.StoreException;
import dev.graphmemory.server.store.StoreFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.json.JsonMapper;

/** {@code graph-memory daemon start|status|stop}: the repository's store daemon. */
@Command(
        name = "daemon",
        mixinStandardHelpOptions = true,
        description = "The store daemon: one detached process per repository that owns the embedded Neo4j, runs the"
                + " reindexes the git hook asks for, and stops itself after an idle time (daemon.idle in"
                + " .graph-memory.yml, default 30m). Clients start it when they need it.",
        subcommands = {
            DaemonCommand.Start.class,
            DaemonCommand.Status.class,
            DaemonCommand.Stop.class,
            DaemonCommand.Run.class
        })
final class DaemonCommand {
    @ParentCommand
    GraphMemoryCommand parent;

    @Command(name = "start", mixinStandardHelpOptions = true, description = "Start the daemon unless it runs.")
    static final class Start implements Callable<Integer> {
        @ParentCommand
        DaemonCommand daemon;

        @Override
        public Integer call() {
            daemon.parent.out.println(EmbeddedStore.startAndDescribe(daemon.parent.store.root()));
            return 0;
        }
    }

    @Command(
            name = "status",
            mixinStandardHelpOptions = true,
            description = "Show the daemon (pid, port, version, start time); exit 3 when none runs.")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        DaemonCommand daemon;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            Path root = daemon.parent.store.root();
            Optional<DaemonEndpoint> endpoint = EmbeddedStore.runningDaemon(root);
            StoreFiles files = StoreFiles.forWorktree(root);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("running", endpoint.isPresent());
            out.put("store", files.dir().toString());
            endpoint.ifPresent(e -> {
                out.put("pid", e.pid());
                out.put("bolt_port", e.boltPort());
                out.put("version", e.version());
                out.put("started", e.started());
                ProcessHandle.of(e.pid())
                        .flatMap(h -> h.info().totalCpuDuration())
                        .ifPresent(cpu -> out.put("cpu_seconds", cpu.toSeconds()));
            });
            if (json) {
                daemon.parent.out.println(JsonMapper.builder().build().writeValueAsString(out));
            } else if (endpoint.isPresent()) {
                DaemonEndpoint e = endpoint.get();
                daemon.parent.out.println("running: pid " + e.pid() + ", bolt://127.0.0.1:" + e.boltPort()
                        + ", graph-memory " + e.version() + ", up since " + e.started() + "; store " + files.dir());
            } else {
                daemon.parent.out.println("not running (store " + files.dir() + ")");
            }
            return endpoint.isPresent() ? 0 : 3;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop the daemon (clients start it again).")
    static final class Stop implements Callable<Integer> {
        @ParentCommand
        DaemonCommand daemon;

        @Override
        public Integer call() {
            Path root = daemon.parent.store.root();
            boolean stopped = EmbeddedStore.stopDaemon(root);
            daemon.parent.out.println(stopped ? "stopped" : "not running");
            return 0;
        }
    }

    @Command(
            name = "run",
            hidden = true,
            description = "Run the daemon in the foreground (what `start` launches, detached).")
    static final class Run implements Callable<Integer> {
        @ParentCommand
        DaemonCommand daemon;

        @Option(names = "--idle", paramLabel = "DURATION", description = "Idle time before it stops (e.g. 90s, 30m).")
        String idle;

        @Override
        public Integer call() throws Exception {
            Path root = daemon.parent.store.root();
            GraphMemoryConfig config = GraphMemoryConfig.load(root);
            Duration idleTime =
                    idle != null ? GraphMemoryConfig.parseDuration(idle, "--idle") : config.effectiveDaemonIdle();
            StoreFiles files = StoreFiles.forWorktree(root);
            if (!files.storeRoot().equals(root)) {
                throw new StoreException(
                        "the daemon runs for the main worktree " + files.storeRoot() + ", not " + root);
            }
            // A refresh reports as soon as the graph is written; the snapshot follows (see Snapshot).
            dev.graphmemory.indexer.incremental.Snapshot.writeInBackground();
            return new StoreDaemon(
                            files, config.pageCacheBytes(), idleTime, new DaemonReindexer(), new DaemonCli(files))
                    .run();
        }
    }

    /** The runs the daemon makes for a worktree of its repository (any worktree: each has its own key). */
    static final class DaemonReindexer implements StoreDaemon.Reindexer {
        @Override
        public Outcome reindex(
                org.neo4j.driver.Driver driver,
                dev.graphmemory.indexer.write.DirectWrites.Factory direct,
                Path worktree,
                boolean full) {
            IndexRunner runner = IndexRunner.inDaemon(worktree, direct);
            if (runner.gitBusy()) {
                return Outcome.WAIT; // mid-rebase or mid-merge: the hook of the final commit asks again
            }
            GraphMemoryConfig config = GraphMemoryConfig.load(worktree);
            return runner.run(driver, config.repoKeyFor(worktree), config.indexOptions(full), Duration.ofMinutes(30))
                    .map(summary -> summary.incremental()
                            ? Outcome.REFRESHED
                            : summary.nodesWritten() > 0 ? Outcome.REBUILT : Outcome.UNCHANGED)
                    .orElse(Outcome.UNCHANGED);
        }

        @Override
        public void rehearse(org.neo4j.driver.Driver driver, Path worktree) {
            IndexRunner runner = IndexRunner.inDaemon(worktree, null);
            if (!runner.gitBusy()) {
                GraphMemoryConfig config = GraphMemoryConfig.load(worktree);
                runner.rehearse(driver, config.repoKeyFor(worktree), config.indexOptions(false));
            }
        }
    }
}
