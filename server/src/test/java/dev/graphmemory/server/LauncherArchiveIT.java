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
}
