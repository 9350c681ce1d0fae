package dev.graphmemory.indexer.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.indexer.IndexSummary;
import dev.graphmemory.indexer.model.NodeRow;
import dev.graphmemory.indexer.write.GraphWriter;
import dev.graphmemory.queries.schema.IndexedText;
import dev.graphmemory.queries.schema.NodeType;
import dev.graphmemory.queries.testkit.TestNeo4j;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values too long for Neo4j's range indexes, and rows Neo4j refuses: neither fails a run, and a run
 * after them is no different from a first one.
 */
class LongValuesIT {
    private static final String LONG = "x".repeat(9_000);

    @TempDir
    Path tmp;

    @Test
    void nineThousandCharacterNamesAndTitlesAreIndexedBoundedAndTheTitleKeptWhole() {
        try (WorkTree tree = WorkTree.init(tmp.resolve("repo"))) {
            Fixture f = new Fixture(tree, tmp.resolve("cache"), 100);
            tree.write("src/a.py", "def " + LONG + "():\n    pass\n\n\nclass C" + LONG + ":\n    pass\n");
            tree.write("src/p/B.java", "package p;\n\npublic class B {\n    void m" + LONG + "() {}\n}\n");
            tree.write(
                    "work-units/WU-001.md",
                    "---\nid: WU-001\ntitle: " + "t".repeat(9_000) + "\nstatus: done\n---\nbody\n");
            tree.commit("long names");

            IndexSummary first = f.run();

            assertThat(first.warnings()).isZero();
            Map<String, Object> params = Map.of("repo", f.repo, "max", IndexedText.MAX_CHARS);
            long longest = f
                    .graph()
                    .read(
                            "MATCH (n:Entity {repo: $repo}) RETURN max(size(n.id) - size(n.schema) - size(n.type) - 2)"
                                    + " AS k, max(size(n.name)) AS n, max(size(n.key)) AS key",
                            params)
                    .stream()
                    .mapToLong(r -> Math.max(
                            r.get("k").asLong(),
                            Math.max(r.get("n").asLong(), r.get("key").asLong())))
                    .max()
                    .orElseThrow();
            assertThat(longest).isEqualTo(IndexedText.MAX_CHARS);
            assertThat(f.graph()
                            .read(
                                    "MATCH (w:WorkUnit {repo: $repo}) RETURN size(w.title) AS t, size(w.name) AS n",
                                    params)
                            .getFirst()
                            .get("t")
                            .asLong())
                    .isEqualTo(9_000);
            assertThat(f.graph()
                            .read(
                                    "MATCH (:Class {repo: $repo, qualified_name: $qn})-[:DECLARES]->(m:Function)"
                                            + " RETURN count(m) AS c",
                                    Map.of("repo", f.repo, "qn", "p.B"))
                            .getFirst()
                            .get("c")
                            .asLong())
                    .as("the bounded method stays declared by its class")
                    .isEqualTo(1);
            assertThat(f.fingerprint()).isEqualTo(f.reference());

            tree.write("src/p/B.java", "package p;\n\npublic class B {\n    void m" + LONG + "(int a) {}\n}\n");
            tree.commit("edit");
            IndexSummary second = f.run();
            assertThat(second.incremental()).isTrue();
            assertThat(f.fingerprint()).isEqualTo(f.reference());
        }
    }

    @Test
    void aRowNeo4jRefusesIsLeftOutAndReportedWhileTheRestOfItsBatchIsWritten() {
        String repo = TestNeo4j.newRepoKey();
        dev.graphmemory.queries.schema.GraphSchema.ensure(TestNeo4j.driver());
        GraphWriter writer = new GraphWriter(TestNeo4j.driver(), repo, 1000);
        for (int i = 0; i < 10; i++) {
            writer.add(NodeRow.of(NodeType.MODULE, "m" + i + ".py", Map.of("path", "m" + i + ".py")));
        }
        writer.add(NodeRow.of(NodeType.MODULE, "m3.py", Map.of("path", "elsewhere/m3.py")));
        writer.close();

        assertThat(writer.nodesWritten()).isEqualTo(10);
        assertThat(writer.rejected()).singleElement().satisfies(r -> {
            assertThat(r.row()).isEqualTo("architecture:module:m3.py (elsewhere/m3.py)");
            assertThat(r.reason()).contains("already exists");
        });
    }

    @Test
    void boundedTextIsStableUniqueAndNeverSplitsACharacter() {
        String a = "é".repeat(2_000);
        String b = "é".repeat(1_999) + "e";
        assertThat(IndexedText.bound(a)).hasSize(IndexedText.MAX_CHARS).isEqualTo(IndexedText.bound(a));
        assertThat(IndexedText.bound(a)).isNotEqualTo(IndexedText.bound(b));
        String emoji = "\uD83D\uDE00".repeat(1_000);
        String cut = IndexedText.bound(emoji);
        assertThat(Character.isHighSurrogate(cut.charAt(cut.indexOf('~') - 1))).isFalse();
        assertThat(IndexedText.boundId("architecture:class:" + a)).isEqualTo(NodeType.CLASS.id(a));
        assertThat(IndexedText.bound("short")).isEqualTo("short");
    }
}
