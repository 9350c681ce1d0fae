package dev.graphmemory.server;

import dev.graphmemory.server.reindex.IndexRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Before the integration tests run, records the class-data-sharing archive that every graph-memory
 * JVM the tests start (CLI clients, MCP servers, store daemons) maps instead of loading and
 * verifying the same few thousand classes again: a daemon start costs about 4 CPU-seconds instead
 * of 10 on the 2-core CI machines.
 *
 * <p>The failsafe configuration ({@code server/pom.xml}) passes {@code -XX:SharedArchiveFile=...}
 * to those JVMs through {@code GRAPH_MEMORY_JAVA_OPTS}, the launcher's documented option; this
 * listener creates that file once per build (again when the jar is newer) by running a real store
 * daemon through the launcher on the workflow fixture, with one full index, and letting it stop
 * when idle. The JVMs' behaviour is unchanged: classes missing from the archive load as usual, and
 * an unusable archive only costs the time it was meant to save.
 */
public final class ChildJvmArchive implements LauncherSessionListener {
    private static final Pattern ARCHIVE = Pattern.compile("-XX:SharedArchiveFile=(\\S+)");

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        Optional<Path> archive = archiveFile();
        Path jar = Launcher.jar();
        if (archive.isEmpty() || !Files.exists(jar)) {
            return;
        }
        try {
            Path file = archive.get();
            if (Files.exists(file) && Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(jar)) > 0) {
                return;
            }
            record(file);
        } catch (Exception e) {
            // The tests still run, only slower; the reason shows in the test JVM's output.
            System.err.println("could not record the class-data-sharing archive for child JVMs: " + e);
        }
    }

    /** The archive named by {@code GRAPH_MEMORY_JAVA_OPTS}, when the build asks for one. */
    static Optional<Path> archiveFile() {
        String opts = System.getenv("GRAPH_MEMORY_JAVA_OPTS");
        Matcher m = ARCHIVE.matcher(opts == null ? "" : opts);
        return m.find() ? Optional.of(Path.of(m.group(1))) : Optional.empty();
    }

    private static void record(Path archive) throws Exception {
        long t0 = System.nanoTime();
        Path dir = Files.createTempDirectory("gm-cds-training");
        try {
            Path repo = FixtureRepo.workflowRepo(dir.resolve("repo")).toRealPath();
            new IndexRunner(repo).request(true); // the daemon runs it as soon as it is up
            Path recording = archive.resolveSibling(archive.getFileName() + ".recording");
            Files.createDirectories(archive.getParent());
            Files.deleteIfExists(recording);
            String opts = System.getenv("GRAPH_MEMORY_JAVA_OPTS")
                    .replaceAll("-XX:SharedArchiveFile=\\S+", "-XX:ArchiveClassesAtExit=" + recording);
            ProcessBuilder pb = new ProcessBuilder(
                            Launcher.projectRoot().resolve("graph-memory").toString(),
                            "--repo",
                            repo.toString(),
                            "daemon",
                            "run",
                            "--idle",
                            "1s")
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("daemon.log").toFile());
            pb.environment().put("GRAPH_MEMORY_JAVA_OPTS", opts);
            Process daemon = pb.start();
            if (!daemon.waitFor(300, TimeUnit.SECONDS)) {
                daemon.destroyForcibly();
                throw new IllegalStateException("the training daemon did not stop");
            }
            if (daemon.exitValue() != 0 || !Files.exists(recording)) {
                throw new IllegalStateException(
                        "the training daemon exited " + daemon.exitValue() + ": " + tail(dir.resolve("daemon.log")));
            }
            Files.move(recording, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            System.err.println("recorded " + archive + " in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        } finally {
            deleteTree(dir);
        }
    }

    private static String tail(Path log) throws IOException {
        String text = Files.readString(log);
        return text.substring(Math.max(0, text.length() - 2000));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
