package dev.graphmemory.indexer.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.graphmemory.queries.schema.NodeType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reads the real work units of the duplicate-detection evaluation set (shared outside this
 * repository; the test is skipped when it is absent).
 */
class KnowledgeExistingWorkUnitsTest {
    private static final Path EXISTING = Path.of("../../shared/eval/duplicates-dev/existing");

    @Test
    void readsAll487WorkUnitsWithTheirFrontmatter() throws IOException {
        assumeTrue(Files.isDirectory(EXISTING), "evaluation set not present at " + EXISTING.toAbsolutePath());
        Map<String, String> texts = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(EXISTING)) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                texts.put("work-units/" + f.getFileName(), Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        KnowledgeReader reader = new KnowledgeReader();

        long start = System.nanoTime();
        List<KnowledgeDoc> docs = new ArrayList<>();
        texts.forEach((path, text) -> reader.read(path, text).ifPresent(docs::add));
        KnowledgeLinks links = new KnowledgeLinker(p -> false, p -> false).link(docs);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("read+link of %d real work units: %d ms (no warm-up)%n", docs.size(), millis);

        assertThat(docs).hasSize(487);
        assertThat(docs).allSatisfy(d -> {
            assertThat(d.type()).isEqualTo(NodeType.WORK_UNIT);
            assertThat(d.parseOk()).as(d.path() + ": " + d.parseError()).isTrue();
            assertThat(d.path()).isEqualTo("work-units/" + d.id() + ".md");
            assertThat(d.properties())
                    .containsEntry("files_changed", List.of())
                    .containsKeys("title", "objective", "status");
        });
        KnowledgeDoc first = docs.get(0);
        assertThat(first.id()).isEqualTo("WU-hadoop-13277398");
        assertThat(first.properties())
                .containsEntry("name", "Hadoop resource manager jdk 8 dependency")
                .containsEntry("tier", "task")
                .containsEntry("status", "done")
                .containsEntry(
                        "source",
                        "{\"dataset\":\"av9ash/gitbugs (CC BY 4.0)\",\"project\":\"hadoop\",\"issue_id\":\"13277398\",\"created\":\"03/Jan/20 16:35\"}");
        assertThat((String) first.properties().get("body")).startsWith("# Hadoop resource manager jdk 8 dependency");
        assertThat(links.warnings()).isEmpty();
        assertThat(links.nodes()).isEmpty();
    }
}
