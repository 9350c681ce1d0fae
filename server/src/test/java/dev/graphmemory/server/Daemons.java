package dev.graphmemory.server;

import dev.graphmemory.server.store.EmbeddedStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The repositories whose store daemon a test starts: {@link #stopAll()} (from {@code @AfterEach})
 * ends them before JUnit deletes the temporary folders they write into.
 */
final class Daemons {
    private final List<Path> repos = new ArrayList<>();

    /** The workflow fixture repository created at {@code dir}, tracked. */
    Path fixture(Path dir) throws Exception {
        return track(FixtureRepo.workflowRepo(dir).toRealPath());
    }

    Path track(Path repo) {
        repos.add(repo);
        return repo;
    }

    /**
     * Stops each repository's daemon as {@code graph-memory daemon stop} does, in this JVM: a launcher
     * process per repository cost a JVM start each, and no test is about this clean-up.
     */
    void stopAll() {
        for (Path r : repos) {
            stop(r);
        }
    }

    /**
     * Stops the daemon of {@code repo} (if one runs) in this JVM, as {@code graph-memory daemon stop}
     * does but without the launcher's JVM start, for clean-ups no assertion reads.
     */
    static void stop(Path repo) {
        Path real = repo;
        try {
            real = Files.exists(repo) ? repo.toRealPath() : repo;
        } catch (IOException e) {
            // the path as given
        }
        // A commit's hook starts `reindex --owed` detached, and that process starts the daemon: at
        // the test's end either may still be on its way, and a daemon that comes up after the stop
        // writes into the folder JUnit is deleting. So the processes that name the repository are
        // ended and waited for, and the stop repeated, until none is left.
        for (int round = 0; round < 3; round++) {
            stopQuietly(real);
            List<ProcessHandle> left = naming(real, repo);
            if (left.isEmpty()) {
                return;
            }
            for (ProcessHandle p : left) {
                p.destroy();
            }
            for (ProcessHandle p : left) {
                try {
                    p.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception e) {
                    p.destroyForcibly();
                }
            }
        }
    }

    private static void stopQuietly(Path repo) {
        try {
            EmbeddedStore.stopDaemon(repo);
        } catch (RuntimeException e) {
            // as before with the CLI: a daemon that cannot be stopped is left to its idle stop
        }
    }

    /** Other processes whose command line names the repository (a launcher, a JVM, a daemon). */
    private static List<ProcessHandle> naming(Path real, Path given) {
        String a = real.toString();
        String b = given.toString();
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self)
                .filter(p -> p.info()
                        .commandLine()
                        .map(c -> c.contains(a) || c.contains(b))
                        .orElse(false))
                .toList();
    }
}
