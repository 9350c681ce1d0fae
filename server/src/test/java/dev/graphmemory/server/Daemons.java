package dev.graphmemory.server;

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

    void stopAll() {
        repos.forEach(r -> Launcher.run("--repo", r.toString(), "daemon", "stop"));
    }
}
