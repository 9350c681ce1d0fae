package dev.graphmemory.indexer.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.indexer.knowledge.IdMentionMatcher;
import dev.graphmemory.indexer.model.EdgeRow;
import dev.graphmemory.indexer.model.NodeRow;
import dev.graphmemory.queries.schema.NodeType;
import dev.graphmemory.queries.schema.RelType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommitRowsTest {
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    private final IdMentionMatcher known = IdMentionMatcher.of(Map.of(
            "WU-296", "workflow:work_unit:WU-296",
            "WU-29", "workflow:work_unit:WU-29",
            "BUG-ARCH-014", "issues:bug:BUG-ARCH-014"));
    private final CommitRows rows = new CommitRows(Set.of("src/a.py", "src/b.py")::contains, known);

    @Test
    void nodeCarriesShaMessageTimeAuthorAndFirstLineAsName() {
        CommitInfo commit =
                new CommitInfo(SHA, "[WU-296] Archive work unit\n\nDetails.", "2026-11-21T09:34:24Z", "Ana", List.of());

        NodeRow node = rows.node(commit);

        assertThat(node.id()).isEqualTo("workflow:commit:" + SHA);
        assertThat(node.type()).isEqualTo(NodeType.COMMIT);
        assertThat(node.properties())
                .containsEntry("sha", SHA)
                .containsEntry("name", "[WU-296] Archive work unit")
                .containsEntry("message", "[WU-296] Archive work unit\n\nDetails.")
                .containsEntry("time", "2026-11-21T09:34:24Z")
                .containsEntry("author", "Ana");
    }

    @Test
    void nameIsCutAt120CharsAndFallsBackToTheSha() {
        assertThat(CommitRows.name("y".repeat(200) + "\nbody", SHA)).isEqualTo("y".repeat(120));
        assertThat(CommitRows.name("", SHA)).isEqualTo(SHA);
    }

    @Test
    void modifiesIndexedModulesAndMentionsNamedDocuments() {
        CommitInfo commit = new CommitInfo(
                SHA,
                "[WU-296] Archive work unit, fixes bug-arch-014 (not WU-2960)\n\nSee architecture:module:src/b.py.",
                "2026-11-21T09:34:24Z",
                "Ana",
                List.of("src/a.py", "README.md", "src/b.py"));

        List<EdgeRow> edges = rows.edges(commit);

        String from = "workflow:commit:" + SHA;
        assertThat(edges)
                .containsExactly(
                        EdgeRow.of(RelType.MODIFIES, from, "architecture:module:src/a.py"),
                        EdgeRow.of(RelType.MODIFIES, from, "architecture:module:src/b.py"),
                        EdgeRow.of(RelType.MENTIONS, from, "workflow:work_unit:WU-296"),
                        EdgeRow.of(RelType.MENTIONS, from, "issues:bug:BUG-ARCH-014"),
                        EdgeRow.of(RelType.MENTIONS, from, "architecture:module:src/b.py"));
    }

    @Test
    void rowsFromARealHistory(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write("src/a.py", "a\n").write("notes.txt", "n\n").commit("Start WU-29");
            repo.write("src/a.py", "a2\n").commit("[WU-296] Archive work unit");
        }
        History history = new GitHistoryReader(dir, 10).read();

        List<EdgeRow> newest = rows.edges(history.commits().get(0));
        List<EdgeRow> oldest = rows.edges(history.commits().get(1));

        assertThat(newest)
                .extracting(EdgeRow::type, EdgeRow::toId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(RelType.MODIFIES, "architecture:module:src/a.py"),
                        org.assertj.core.groups.Tuple.tuple(RelType.MENTIONS, "workflow:work_unit:WU-296"));
        assertThat(oldest)
                .extracting(EdgeRow::type, EdgeRow::toId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(RelType.MODIFIES, "architecture:module:src/a.py"),
                        org.assertj.core.groups.Tuple.tuple(RelType.MENTIONS, "workflow:work_unit:WU-29"));
    }
}
