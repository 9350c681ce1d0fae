package dev.graphmemory.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's start-up archive (AppCDS) in a per-user cache folder: the first run dumps one
 * under its own pid, the next start promotes it, and runs started together never break each other.
 */
class LauncherArchiveIT {
    @TempDir
    Path cache;

    private Launcher version() {
        // No archive of the test build's own in the options, so the launcher's is used.
        return Launcher.run(Map.of("XDG_CACHE_HOME", cache.toString(), "GRAPH_MEMORY_JAVA_OPTS", ""), "--version");
    }

    private List<String> archives() throws Exception {
        Path dir = cache.resolve("graph-memory");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theFirstRunDumpsAnArchiveTheNextPromotesAndUses() throws Exception {
        Launcher first = version();
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.err()).isEmpty();
        assertThat(archives()).singleElement().asString().matches("start-\\d+-[\\d.]+\\.jsa\\.\\d+");

        Launcher second = version();
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.err()).isEmpty();
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(archives()).singleElement().asString().matches("start-\\d+-[\\d.]+\\.jsa");
    }

    @Test
    void runsStartedTogetherWithoutAnArchiveAllSucceed() throws Exception {
        List<CompletableFuture<Launcher>> runs = IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.supplyAsync(this::version))
                .toList();
        for (CompletableFuture<Launcher> run : runs) {
            Launcher l = run.get();
            assertThat(l.exitCode()).as(l.err()).isZero();
            assertThat(l.err()).isEmpty();
        }
        Launcher after = version();
        assertThat(after.exitCode()).as(after.err()).isZero();
        assertThat(archives())
                .as("one archive kept, the other dumps removed")
                .singleElement()
                .asString()
                .endsWith(".jsa");
    }

    @Test
    void theFolderKeepsTheFilesUsedLastUnderItsCap() throws Exception {
        Path dir = Files.createDirectories(cache.resolve("graph-memory"));
        long now = System.currentTimeMillis();
        // Other checkouts' archives, newest first: 300 KB, 600 KB, then 600 KB beyond the 1 MB cap.
        Path newest = file(dir, "start-3-1.1.jsa", 300_000, now - 86_400_000L);
        Path second = file(dir, "start-2-1.1.jsa", 600_000, now - 2 * 86_400_000L);
        Path beyond = file(dir, "start-1-1.1.jsa", 600_000, now - 3 * 86_400_000L);
        // Beyond the cap too: a dump of a live process stays, one of a process gone goes.
        long live = ProcessHandle.current().pid();
        Path liveDump = file(dir, "start-4-1.1.jsa." + live, 600_000, now - 4 * 86_400_000L);
        Path deadDump = file(dir, "start-5-1.1.jsa.999999999", 600_000, now - 5 * 86_400_000L);

        Launcher run = Launcher.run(
                Map.of("XDG_CACHE_HOME", cache.toString(), "GRAPH_MEMORY_JAVA_OPTS", "", "GRAPH_MEMORY_CACHE_MB", "1"),
                "--version");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(newest).exists();
        assertThat(second).exists();
        assertThat(liveDump).exists();
        assertThat(beyond).doesNotExist();
        assertThat(deadDump).doesNotExist();
    }

    private static Path file(Path dir, String name, int size, long modified) throws Exception {
        Path f = Files.write(dir.resolve(name), new byte[size]);
        Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(modified));
        return f;
    }
}
