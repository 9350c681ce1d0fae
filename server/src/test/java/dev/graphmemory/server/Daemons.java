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
        try {
            EmbeddedStore.stopDaemon(Files.exists(repo) ? repo.toRealPath() : repo);
        } catch (IOException | RuntimeException e) {
            // as before with the CLI: a daemon that cannot be stopped is left to its idle stop
        }
    }
}
