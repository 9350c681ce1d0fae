package dev.graphmemory.indexer.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.queries.schema.RelType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading and linking a large set of documents stays far below a second. */
class KnowledgeScaleTest {
    private static final int DOCS = 700;

    private static String doc(int i) {
        StringBuilder body = new StringBuilder();
        for (int line = 0; line < 40; line++) {
            body.append("Line ")
                    .append(line)
                    .append(" relates to WU-")
                    .append((i * 7 + line) % DOCS)
                    .append(", BUG-")
                    .append(line)
                    .append(" and HDFS-")
                    .append(i)
                    .append(" in src/m")
                    .append(line)
                    .append(".py.\n");
        }
        return """
                ---
                id: WU-%d
                title: "Work unit %d"
                tier: task
                status: open
                objective: "Improve module %d without touching WU-%d"
                files_changed: [src/m%d.py, src/m%d.py]
                dependencies: [WU-%d]
                source: {"dataset": "generated", "n": %d}
                ---
                %s""".formatted(i, i, i, (i + 1) % DOCS, i % 50, (i + 3) % 50, (i + 1) % DOCS, i, body);
    }

    @Test
    void readsAndLinks700DocumentsWithEveryLink() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < DOCS; i++) {
            texts.add(doc(i));
        }
        KnowledgeReader reader = new KnowledgeReader();
        KnowledgeLinker linker = new KnowledgeLinker(p -> p.startsWith("src/"), p -> true);
        // Correctness at scale only: speed is measured by benchmarks, never asserted in a test.
        KnowledgeLinks links = runOnce(reader, linker, texts);

        assertThat(links.edges().stream().filter(e -> e.type() == RelType.DEPENDS_ON))
                .hasSize(DOCS);
        assertThat(links.edges().stream().filter(e -> e.type() == RelType.TOUCHES))
                .hasSize(2 * DOCS);
        assertThat(links.edges().stream().filter(e -> e.type() == RelType.MENTIONS))
                .hasSizeGreaterThan(DOCS * 30);
    }

    private static KnowledgeLinks runOnce(KnowledgeReader reader, KnowledgeLinker linker, List<String> texts) {
        List<KnowledgeDoc> docs = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            docs.add(reader.read("work-units/WU-" + i + ".md", texts.get(i)).orElseThrow());
        }
        return linker.link(docs);
    }
}
