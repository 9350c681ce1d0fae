package dev.graphmemory.indexer.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHistoryReaderTest {
    @TempDir
    Path dir;

    private History read(int max) throws IOException {
        return new GitHistoryReader(dir, max).read();
    }

    @Test
    void rootCommitListsEveryFileWithItsMetadata() throws Exception {
        RevCommit root;
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write("README.md", "hi\n")
                    .write("src/auth/handler.py", "x = 1\n")
                    .write("src/a/b/deep.py", "y\n");
            root = repo.commit("  Initial import\n\nWith a body.\n\n");
        }

        History history = read(10);

        assertThat(history.truncated()).isFalse();
        assertThat(history.walked()).isEqualTo(1);
        assertThat(history.commits()).singleElement().satisfies(c -> {
            assertThat(c.sha()).isEqualTo(root.getName()).hasSize(40);
            assertThat(c.message()).isEqualTo("Initial import\n\nWith a body.");
            assertThat(c.time()).isEqualTo("2026-11-21T09:34:24Z");
            assertThat(c.author()).isEqualTo("Ana Lima");
            assertThat(c.changedPaths())
                    .containsExactlyInAnyOrder("README.md", "src/auth/handler.py", "src/a/b/deep.py");
        });
    }

    @Test
    void laterCommitsListOnlyWhatChangedNewestFirst() throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write("src/a.py", "a\n")
                    .write("src/b.py", "b\n")
                    .write("docs/c.md", "c\n")
                    .commit("one");
            repo.write("src/a.py", "a2\n").commit("modify a");
            repo.delete("src/b.py").commit("delete b");
            repo.move("docs/c.md", "docs/renamed/c.md").commit("rename c");
            repo.write("src/new.py", "n\n").write("src/a.py", "a3\n").commit("add new, modify a");
        }

        History history = read(10);

        assertThat(history.commits())
                .extracting(CommitInfo::message, CommitInfo::changedPaths)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("add new, modify a", List.of("src/a.py", "src/new.py")),
                        org.assertj.core.groups.Tuple.tuple("rename c", List.of("docs/c.md", "docs/renamed/c.md")),
                        org.assertj.core.groups.Tuple.tuple("delete b", List.of("src/b.py")),
                        org.assertj.core.groups.Tuple.tuple("modify a", List.of("src/a.py")),
                        org.assertj.core.groups.Tuple.tuple("one", List.of("docs/c.md", "src/a.py", "src/b.py")));
        assertThat(history.commits())
                .extracting(CommitInfo::time)
                .containsExactly(
                        "2026-11-21T09:38:24Z",
                        "2026-11-21T09:37:24Z",
                        "2026-11-21T09:36:24Z",
                        "2026-11-21T09:35:24Z",
                        "2026-11-21T09:34:24Z");
    }

    @Test
    void mergeIsComparedWithItsFirstParentAndBothSidesAreWalked() throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write("main.py", "m\n").write("shared.py", "s\n").commit("base");
            repo.branch("feature");
            repo.write("feature.py", "f\n").write("shared.py", "s2\n").commit("feature work");
            repo.checkout("main");
            repo.write("main.py", "m2\n").commit("main work");
            repo.merge("feature", "Merge feature");
        }

        History history = read(10);

        assertThat(history.commits())
                .extracting(CommitInfo::message)
                .containsExactly("Merge feature", "main work", "feature work", "base");
        assertThat(history.commits().get(0).changedPaths()).containsExactly("feature.py", "shared.py");
        assertThat(history.commits().get(2).changedPaths()).containsExactly("feature.py", "shared.py");
    }

    @Test
    void stopsAtTheLimitAndSaysMoreExist() throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            for (int i = 1; i <= 5; i++) {
                repo.write("f.txt", "v" + i).commit("commit " + i);
            }
        }

        History limited = read(3);
        History exact = read(5);

        assertThat(limited.commits())
                .extracting(CommitInfo::message)
                .containsExactly("commit 5", "commit 4", "commit 3");
        assertThat(limited.truncated()).isTrue();
        assertThat(limited.walked()).isEqualTo(4);
        assertThat(exact.commits()).hasSize(5);
        assertThat(exact.truncated()).isFalse();
        assertThat(exact.walked()).isEqualTo(5);
    }

    @Test
    void capsVeryLongMessages() throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write("f.txt", "x").commit("x".repeat(12_000));
        }

        assertThat(read(1).commits().get(0).message()).hasSize(GitHistoryReader.MESSAGE_LIMIT);
    }

    @Test
    void emptyRepositoryHasAnEmptyHistory() throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write("uncommitted.txt", "x");
        }

        assertThat(read(10)).isEqualTo(History.empty());
    }

    @Test
    void folderWithoutRepositoryIsAnError() {
        assertThatThrownBy(() -> read(10))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no git repository at")
                .hasMessageContaining(dir.toAbsolutePath().toString());
    }

    @Test
    void rejectsANonPositiveLimit() {
        assertThatThrownBy(() -> new GitHistoryReader(dir, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxCommits: expected at least 1, got 0");
    }
}
