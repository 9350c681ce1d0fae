package dev.graphmemory.indexer.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.indexer.ProgressListener;
import dev.graphmemory.indexer.model.NodeRow;
import dev.graphmemory.queries.schema.Keys;
import dev.graphmemory.queries.workflow.Embeddings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vectors the indexer stores on work units and bugs, with the real model, and their cache file. */
class DocEmbeddingsTest {
    private static final KnowledgeReader READER = new KnowledgeReader();

    @TempDir
    Path tmp;

    /** The real model, counting how often the indexer asks for it (once per run that embeds). */
    private static final class CountingModel implements Supplier<Embeddings> {
        final AtomicInteger loads = new AtomicInteger();

        @Override
        public Embeddings get() {
            loads.incrementAndGet();
            return Embeddings.configured().orElseThrow();
        }
    }

    private static KnowledgeDoc doc(String path, String text) {
        return READER.read(path, text).orElseThrow();
    }

    private static List<KnowledgeDoc> docs(String wuBody) {
        return List.of(
                doc("work-units/WU-1.md", "---\nid: WU-1\ntitle: Fix authentication timeout\n---\n" + wuBody),
                doc("bugs/BUG-2.md", "---\nid: BUG-2\ntitle: Search misses renamed files\n---\nRenames are ignored.\n"),
                doc("decisions/ADR-3.md", "---\nid: ADR-3\ntitle: Use Neo4j\n---\nWe store the graph in Neo4j.\n"));
    }

    @SuppressWarnings("unchecked")
    private static List<Double> vector(NodeRow row) {
        return (List<Double>) row.properties().get(Keys.EMBEDDING);
    }

    @Test
    void workUnitsAndBugsGetTheVectorOfTheTextTheFinderReads() {
        CountingModel model = new CountingModel();
        List<KnowledgeDoc> docs = docs("Sessions expire after 30 s.\n");
        List<NodeRow> rows = new DocEmbeddings(tmp.resolve("embeddings.bin"), model).nodes(docs, ProgressListener.NONE);

        assertThat(rows)
                .extracting(NodeRow::id)
                .containsExactly(
                        "workflow:work_unit:WU-1",
                        "issues:bug:BUG-2",
                        docs.get(2).nodeId());
        assertThat(vector(rows.get(0))).hasSize(384);
        assertThat(rows.get(0).properties()).containsEntry(Keys.EMBEDDING_MODEL, Embeddings.MODEL);
        assertThat(vector(rows.get(1))).hasSize(384);
        assertThat(rows.get(2).properties()).doesNotContainKeys(Keys.EMBEDDING, Keys.EMBEDDING_MODEL);
        // That it is the text the finder reads back from Neo4j: IncrementalCasesIT.
    }

    @Test
    void aSecondRunTakesUnchangedVectorsFromTheCacheAndEmbedsOnlyChangedText() throws Exception {
        Path cache = tmp.resolve("v1/embeddings.bin");
        CountingModel first = new CountingModel();
        List<NodeRow> before = new DocEmbeddings(cache, first).nodes(docs("Sessions expire.\n"), ProgressListener.NONE);
        assertThat(first.loads.get()).isEqualTo(1);
        assertThat(cache).isRegularFile();

        Supplier<Embeddings> never = () -> {
            throw new AssertionError("the model was asked for although every vector is cached");
        };
        List<NodeRow> again = new DocEmbeddings(cache, never).nodes(docs("Sessions expire.\n"), ProgressListener.NONE);
        assertThat(again).isEqualTo(before);

        CountingModel changed = new CountingModel();
        List<NodeRow> after = new DocEmbeddings(cache, changed)
                .nodes(docs("Sessions expire after 30 s because the cache is cold.\n"), ProgressListener.NONE);
        assertThat(changed.loads.get()).isEqualTo(1);
        assertThat(vector(after.get(0))).isNotEqualTo(vector(before.get(0)));
        assertThat(vector(after.get(1))).isEqualTo(vector(before.get(1)));
        // The file keeps the last run's vectors only: two, not three.
        assertThat(Files.size(cache)).isLessThan(3 * 384 * 4);
    }

    @Test
    void anUnreadableCacheIsRebuiltAndWithoutAModelNodesCarryNoVector() throws Exception {
        Path cache = tmp.resolve("embeddings.bin");
        Files.writeString(cache, "not a cache");
        List<NodeRow> rows = new DocEmbeddings(cache, new CountingModel()).nodes(docs("x\n"), ProgressListener.NONE);
        assertThat(vector(rows.get(0))).hasSize(384);
        Supplier<Embeddings> never = () -> {
            throw new AssertionError("the rewritten cache was not read back");
        };
        assertThat(new DocEmbeddings(cache, never).nodes(docs("x\n"), ProgressListener.NONE))
                .isEqualTo(rows);

        List<NodeRow> off =
                new DocEmbeddings(tmp.resolve("other.bin"), () -> null).nodes(docs("x\n"), ProgressListener.NONE);
        assertThat(off).allSatisfy(r -> assertThat(r.properties()).doesNotContainKey(Keys.EMBEDDING));
        assertThat(off)
                .extracting(NodeRow::properties)
                .containsExactlyElementsOf(
                        docs("x\n").stream().map(d -> d.node().properties()).toList());
    }
}
