package dev.graphmemory.server.store;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the store daemon as a detached process: in a session of its own ({@code setsid}) so that
 * an MCP client ending its server's process group does not end the daemon with it; stdin from
 * {@code /dev/null}; output to {@code .graph-memory/logs/daemon.log}.
 *
 * <p>The command is the launcher script when this process was started by it (system property
 * {@code gm.launcher}), so the daemon gets the launcher's JDK and options; otherwise this JVM's
 * java and class path.
 */
final class DaemonSpawner {
    static final String LAUNCHER_PROPERTY = "gm.launcher";

    private DaemonSpawner() {}

    static Process spawn(StoreFiles files) {
        List<String> command = new ArrayList<>();
        setsid().ifPresent(command::add);
        String launcher = System.getProperty(LAUNCHER_PROPERTY);
        if (launcher != null && Files.isExecutable(Path.of(launcher))) {
            command.add(launcher);
        } else {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx" + System.getenv().getOrDefault("GRAPH_MEMORY_HEAP", "768m"));
            command.add("--enable-native-access=ALL-UNNAMED");
            if (Runtime.version().feature() >= 23) {
                command.add("--sun-misc-unsafe-memory-access=allow");
            }
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add("dev.graphmemory.server.Main");
        }
        command.addAll(List.of("--repo", files.storeRoot().toString(), "daemon", "run"));
        Path log = files.logsDir().resolve("daemon.log");
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(files.storeRoot().toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectErrorStream(true);
            // The daemon's log file tells when it started, what it reindexed and why it stopped.
            pb.environment().putIfAbsent("GRAPH_MEMORY_LOG_LEVEL", "INFO");
            return pb.start();
        } catch (IOException e) {
            throw new StoreException(
                    "cannot start the graph-memory daemon (" + String.join(" ", command) + "): " + e.getMessage(), e);
        }
    }

    private static java.util.Optional<String> setsid() {
        for (String candidate : List.of("/usr/bin/setsid", "/bin/setsid", "/usr/local/bin/setsid")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return java.util.Optional.of(candidate);
            }
        }
        return java.util.Optional.empty();
    }
}
