package dev.graphmemory.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code ./graph-memory} launcher (and so the packaged jar) as a separate process. */
record Launcher(int exitCode, String out, String err) {
    static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("graph-memory"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "cannot find the graph-memory launcher above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** The packaged jar the launcher runs. */
    static Path jar() {
        return projectRoot().resolve("server/target/graph-memory.jar");
    }

    static Launcher run(Map<String, String> env, String... args) {
        return runIn(null, env, args);
    }

    /** Runs the launcher in {@code dir} (null: this process's folder). */
    static Launcher runIn(Path dir, Map<String, String> env, String... args) {
        ChildJvmArchive.awaitReady();
        List<String> command = new ArrayList<>();
        command.add(projectRoot().resolve("graph-memory").toString());
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("gm-out", ".txt");
            Path err = Files.createTempFile("gm-err", ".txt");
            ProcessBuilder pb =
                    new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            // Daemons started by tests stop soon after the test's last client, should a test not stop them.
            pb.environment().put("GRAPH_MEMORY_DAEMON_IDLE", "60s");
            pb.environment().putAll(env);
            if (dir != null) {
                pb.directory(dir.toFile());
            }
            Process p = pb.start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            return new Launcher(
                    p.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Launcher run(String... args) {
        return run(Map.of(), args);
    }
}
