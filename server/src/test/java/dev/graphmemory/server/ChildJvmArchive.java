package dev.graphmemory.server;

import dev.graphmemory.server.reindex.IndexRunner;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * When the integration tests start, creates the AOT cache (JDK 24+, JEP 483) that every graph-memory
 * JVM the tests start (CLI clients, MCP servers, store daemons) maps instead of loading, verifying
 * and linking the same classes again: on the 2-core CI machines a store daemon start costs about 4
 * CPU-seconds instead of 10, a CLI client 0.9 s instead of 1.3 s.
 *
 * <p>The failsafe configuration ({@code server/pom.xml}) passes {@code -XX:AOTCache=...} to those
 * JVMs through {@code GRAPH_MEMORY_JAVA_OPTS}, the launcher's documented option; this listener
 * creates that file once per build (again when the jar is newer) from a training run of a real
 * store daemon through the launcher: start, one full index of the workflow fixture, idle stop. The
 * JVMs' behaviour is unchanged: an unusable cache only costs the time it was meant to save. On JDK
 * 21-23 the option is ignored ({@code -XX:+IgnoreUnrecognizedVMOptions}) and nothing is trained.
 */
public final class ChildJvmArchive implements LauncherSessionListener {
    private static final Pattern ARCHIVE = Pattern.compile("-XX:AOTCache=(\\S+)");

    /** Completed once the cache is made (or found fresh, or given up); see {@link #awaitReady()}. */
    private static final CompletableFuture<Void> READY = new CompletableFuture<>();

    private static volatile boolean training;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        Optional<Path> archive = archiveFile();
        Path jar = Launcher.jar();
        if (archive.isEmpty() || !Files.exists(jar) || Runtime.version().feature() < 24) {
            READY.complete(null);
            return;
        }
        // Trained beside the tests: those that run in this JVM only (the shared test Neo4j, the CLI
        // in-process) go on meanwhile, and the first one to start a graph-memory JVM waits for the
        // cache in awaitReady (a JVM started before it would not map it, and would warn).
        training = true;
        Thread trainer = new Thread(
                () -> {
                    try {
                        createUnlessFresh(archive.get(), jar);
                    } finally {
                        READY.complete(null);
                    }
                },
                "child-jvm-aot-training");
        trainer.setDaemon(true);
        trainer.start();
    }

    /**
     * Waits until the AOT cache for the graph-memory JVMs of the tests is ready (at once when none is
     * being made). Every test helper that starts such a JVM calls it first.
     */
    static void awaitReady() {
        if (training) {
            READY.join();
        }
    }

    private static void createUnlessFresh(Path file, Path jar) {
        try {
            Files.createDirectories(file.getParent());
            // Test JVMs forked side by side (failsafe's forkCount) each open a session: the first one
            // trains under this lock, the others wait for it and then find the cache made.
            try (FileChannel lockFile = FileChannel.open(
                            file.resolveSibling(file.getFileName() + ".lock"),
                            StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE);
                    FileLock lock = lockFile.lock()) {
                if (Files.exists(file)
                        && Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(jar)) > 0) {
                    return;
                }
                create(file);
            }
        } catch (Exception e) {
            // The tests still run, only slower; the reason shows in the test JVM's output.
            System.err.println("could not create the AOT cache for the graph-memory JVMs of the tests: " + e);
        }
    }

    /** The archive named by {@code GRAPH_MEMORY_JAVA_OPTS}, when the build asks for one. */
    static Optional<Path> archiveFile() {
        String opts = System.getenv("GRAPH_MEMORY_JAVA_OPTS");
        Matcher m = ARCHIVE.matcher(opts == null ? "" : opts);
        return m.find() ? Optional.of(Path.of(m.group(1))) : Optional.empty();
    }

    /** Records a training run of a store daemon, then assembles the cache from it (JEP 483's two steps). */
    private static void create(Path cache) throws Exception {
        long t0 = System.nanoTime();
        Path dir = Files.createTempDirectory("gm-aot-training");
        try {
            Path repo = FixtureRepo.workflowRepo(dir.resolve("repo")).toRealPath();
            new IndexRunner(repo).request(true); // the daemon runs it as soon as it is up
            Path config = dir.resolve("training.aotconf");
            Path assembled = cache.resolveSibling(cache.getFileName() + ".assembling");
            Files.createDirectories(cache.getParent());
            Files.deleteIfExists(assembled);
            String opts = System.getenv("GRAPH_MEMORY_JAVA_OPTS").replaceAll("-XX:AOTCache=\\S+", "");
            // The same launcher command in both steps, so the cache matches the options it adds.
            daemon(repo, dir, opts + " -XX:AOTMode=record -XX:AOTConfiguration=" + config);
            daemon(
                    repo,
                    dir,
                    opts + " -XX:AOTMode=create -XX:AOTConfiguration=" + config + " -XX:AOTCache=" + assembled);
            Files.move(assembled, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            System.err.println("created " + cache + " in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        } finally {
            deleteTree(dir);
        }
    }

    /** {@code graph-memory daemon run} in the foreground with these JVM options, until it stops when idle. */
    private static void daemon(Path repo, Path dir, String javaOpts) throws Exception {
        Path log = dir.resolve("daemon.log");
        ProcessBuilder pb = new ProcessBuilder(
                        Launcher.projectRoot().resolve("graph-memory").toString(),
                        "--repo",
                        repo.toString(),
                        "daemon",
                        "run",
                        "--idle",
                        "1s")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("GRAPH_MEMORY_JAVA_OPTS", javaOpts);
        Process daemon = pb.start();
        if (!daemon.waitFor(300, TimeUnit.SECONDS)) {
            daemon.destroyForcibly();
            throw new IllegalStateException("the training daemon did not stop: " + tail(log));
        }
        if (daemon.exitValue() != 0) {
            throw new IllegalStateException("the training daemon exited " + daemon.exitValue() + ": " + tail(log));
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
