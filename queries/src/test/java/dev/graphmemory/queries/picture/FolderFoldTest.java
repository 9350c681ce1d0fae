package dev.graphmemory.queries.picture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class FolderFoldTest {
    private static final List<String> FOLDERS = List.of(
            "src/app",
            "src/app/cli",
            "src/app/cli/sub",
            "src/app/web",
            "src/lib/a",
            "src/lib/b",
            "src/lib/c",
            "src/util");

    @Test
    void foldsTheSubtreeThatKeepsTheMostFoldersWithinTheLimit() {
        Map<String, String> groups = FolderFold.fold(FOLDERS, "src", "/", 6);
        // lib's three children into lib leaves 6; app's subtree into app would leave 5.
        assertThat(new TreeSet<>(groups.values()))
                .containsExactly("src/app", "src/app/cli", "src/app/cli/sub", "src/app/web", "src/lib", "src/util");
        assertThat(groups.get("src/lib/b")).isEqualTo("src/lib");
    }

    @Test
    void foldsTheDeepestFirstWhileNoFoldReachesTheLimit() {
        Map<String, String> groups = FolderFold.fold(FOLDERS, "src", "/", 3);
        assertThat(new TreeSet<>(groups.values())).containsExactly("src/app", "src/lib", "src/util");
        assertThat(groups.get("src/app/cli/sub")).isEqualTo("src/app");
    }

    @Test
    void leavesFoldersAsTheyAreWhenTheyFit() {
        Map<String, String> groups = FolderFold.fold(FOLDERS, "src", "/", 8);
        groups.forEach((place, group) -> assertThat(group).isEqualTo(place));
    }

    @Test
    void neverFoldsAboveTheScope() {
        Map<String, String> groups = FolderFold.fold(FOLDERS, "src", "/", 1);
        assertThat(new TreeSet<>(groups.values())).containsExactly("src");
        assertThat(FolderFold.fold(List.of("a.b.c", "a.b.d", "a.e"), "a.b", ".", 1))
                .containsEntry("a.b.c", "a.b")
                .containsEntry("a.b.d", "a.b");
    }
}
