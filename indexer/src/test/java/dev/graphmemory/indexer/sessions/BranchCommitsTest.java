package dev.graphmemory.indexer.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BranchCommitsTest {
    @TempDir
    Path dir;

    @Test
    void aCommitCountsOnlyForTheBranchesThatHoldItUnlessNoneIsALocalBranch() throws Exception {
        String onMain;
        String onFeature;
        try (Git git =
                Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            Files.writeString(dir.resolve("a.txt"), "a");
            git.add().addFilepattern(".").call();
            onMain = git.commit().setMessage("a").setSign(false).call().name();
            git.checkout().setCreateBranch(true).setName("feature/WU-12").call();
            Files.writeString(dir.resolve("b.txt"), "b");
            git.add().addFilepattern(".").call();
            onFeature = git.commit().setMessage("b").setSign(false).call().name();
        }
        BranchCommits branches = new BranchCommits(dir, 100);
        assertThat(branches.mayHold(List.of("feature/WU-12"), onFeature)).isTrue();
        assertThat(branches.mayHold(List.of("feature/WU-12"), onMain)).isTrue(); // its history
        assertThat(branches.mayHold(List.of("main"), onFeature)).isFalse();
        assertThat(branches.mayHold(List.of("main", "gone"), onFeature)).isFalse();
        assertThat(branches.mayHold(List.of("gone"), onFeature))
                .as("no local branch: time decides")
                .isTrue();
        assertThat(branches.mayHold(List.of(), onFeature)).isTrue();
    }
}
