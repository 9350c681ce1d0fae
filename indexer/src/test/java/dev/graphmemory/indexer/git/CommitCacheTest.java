package dev.graphmemory.indexer.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommitCacheTest {
    @TempDir
    Path dir;

    @Test
    void aSecondReadTakesEveryCommitFromTheCacheAndGivesTheSameHistory() throws Exception {
        Path repoDir = dir.resolve("repo");
        try (TestRepo repo = TestRepo.init(repoDir)) {
            repo.write("a.py", "x = 1\n");
            repo.commit("first");
            repo.write("b.py", "y = 2\n").write("a.py", "x = 3\n");
            repo.commit("second\n\n" + "long body ".repeat(8_000));
        }
        Path file = dir.resolve("cache/commits.bin");
        Map<String, CommitInfo> seen = CommitCache.read(file);
        assertThat(seen).isEmpty();
        History first = new GitHistoryReader(repoDir, 10, seen).read();
        CommitCache.write(file, first.commits());

        Map<String, CommitInfo> cached = CommitCache.read(file);
        assertThat(cached.values()).containsExactlyInAnyOrderElementsOf(first.commits());
        // Paths taken from the cache, not from git: a cached entry with other paths shows through.
        CommitInfo newest = first.commits().get(0);
        cached.put(
                newest.sha(),
                new CommitInfo(
                        newest.sha(),
                        newest.message(),
                        newest.time(),
                        newest.author(),
                        java.util.List.of("from-cache")));
        History second = new GitHistoryReader(repoDir, 10, cached).read();
        assertThat(second.commits().get(0).changedPaths()).containsExactly("from-cache");
        assertThat(second.commits().get(1)).isEqualTo(first.commits().get(1));
    }

    @Test
    void aDamagedOrForeignFileIsAnEmptyCache() throws Exception {
        Path file = dir.resolve("commits.bin");
        Files.write(file, new byte[] {0x67, 0x6d, 0x43, 0x31, 0x7f, 0x7f, 0x7f, 0x7f, 1, 2});
        assertThat(CommitCache.read(file)).isEmpty();
        Files.writeString(file, "not a cache");
        assertThat(CommitCache.read(file)).isEmpty();
        assertThat(CommitCache.read(dir.resolve("missing.bin"))).isEqualTo(new HashMap<>());
    }
}
