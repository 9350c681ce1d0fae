package dev.graphmemory.indexer.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.graphmemory.indexer.model.EdgeRow;
import dev.graphmemory.indexer.model.NodeRow;
import dev.graphmemory.queries.schema.NodeType;
import dev.graphmemory.queries.schema.RelType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reads and links the documents of a small fixture repository, as an indexer run would. */
class KnowledgeFixtureRepoTest {
    private static final Path ROOT = Path.of("src/test/resources/fixtures/knowledge-repo");

    private static Map<String, KnowledgeDoc> docs;
    private static KnowledgeLinks links;

    @BeforeAll
    static void readAndLink() throws IOException {
        KnowledgeConfig config = KnowledgeConfig.defaults();
        KnowledgeReader reader = new KnowledgeReader();
        List<KnowledgeDoc> read;
        try (Stream<Path> files = Files.walk(ROOT)) {
            read = files.filter(Files::isRegularFile)
                    .map(p -> ROOT.relativize(p).toString().replace('\\', '/'))
                    .filter(config::accepts)
                    .sorted()
                    .map(path -> reader.read(path, text(path)))
                    .flatMap(Optional::stream)
                    .toList();
        }
        docs = read.stream().collect(Collectors.toMap(KnowledgeDoc::id, Function.identity()));
        KnowledgeLinker linker = new KnowledgeLinker(
                path -> path.endsWith(".py") && Files.isRegularFile(ROOT.resolve(path)),
                path -> Files.isRegularFile(ROOT.resolve(path)));
        links = linker.link(read);
    }

    private static String text(String path) {
        try {
            return Files.readString(ROOT.resolve(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> targets(RelType type, String fromId) {
        return links.edges().stream()
                .filter(e -> e.type() == type && e.fromId().equals(fromId))
                .map(EdgeRow::toId)
                .toList();
    }

    @Test
    void readsEveryDocumentButTheReadme() {
        assertThat(docs.keySet())
                .containsExactlyInAnyOrder(
                        "WU-281", "WU-280", "BUG-ARCH-014", "BUG-BROKEN-1", "ADR-002", "ANTI-PATTERN-001");
        assertThat(docs.values())
                .extracting(KnowledgeDoc::id, KnowledgeDoc::type)
                .contains(
                        tuple("WU-280", NodeType.WORK_UNIT),
                        tuple("ADR-002", NodeType.ADR),
                        tuple("BUG-BROKEN-1", NodeType.BUG),
                        tuple("ANTI-PATTERN-001", NodeType.ANTI_PATTERN));
    }

    @Test
    void keepsFrontmatterFieldsAsProperties() {
        assertThat(docs.get("WU-281").properties())
                .containsEntry("tier", 2L)
                .containsEntry("owner", "{\"team\":\"platform\",\"reviewers\":[\"ana\",\"bo\"]}")
                .containsEntry("created", "2026-03-02")
                .containsEntry("files_changed", List.of("./src/auth/handler.py", "pom.xml", "src/auth/removed.py"))
                .containsEntry("name", "Fix session loss in the auth handler");
    }

    @Test
    void brokenDocumentKeepsItsIdBodyAndError() {
        KnowledgeDoc broken = docs.get("BUG-BROKEN-1");

        assertThat(broken.parseOk()).isFalse();
        assertThat(broken.parseError()).startsWith("frontmatter is not valid YAML at line ");
        assertThat(broken.properties()).containsEntry("body", "The body of a broken document is still indexed.");
    }

    @Test
    void linksWorkUnitToModulesStubsAndDependencies() {
        assertThat(targets(RelType.TOUCHES, "workflow:work_unit:WU-281"))
                .containsExactly(
                        "architecture:module:src/auth/handler.py",
                        "architecture:module:pom.xml",
                        "architecture:module:src/auth/removed.py");
        assertThat(links.nodes())
                .extracting(NodeRow::key, n -> n.properties().get("missing"))
                .containsExactly(tuple("pom.xml", false), tuple("src/auth/removed.py", true));
        assertThat(targets(RelType.DEPENDS_ON, "workflow:work_unit:WU-281"))
                .containsExactly("workflow:work_unit:WU-280");
        assertThat(targets(RelType.MENTIONS, "workflow:work_unit:WU-281"))
                .containsExactly(
                        "issues:bug:BUG-ARCH-014", "decisions:adr:ADR-002", "decisions:anti_pattern:ANTI-PATTERN-001");
        assertThat(targets(RelType.MENTIONS, "workflow:work_unit:WU-280")).containsExactly("workflow:work_unit:WU-281");
    }

    @Test
    void linksBugToWhatItAffectsAndWhatCausedIt() {
        assertThat(targets(RelType.AFFECTS, "issues:bug:BUG-ARCH-014"))
                .containsExactly(
                        "architecture:module:src/auth/handler.py", "architecture:function:auth.Handler#login(String)");
        assertThat(targets(RelType.CAUSED_BY, "issues:bug:BUG-ARCH-014"))
                .containsExactly("decisions:adr:ADR-002", "decisions:anti_pattern:ANTI-PATTERN-001");
        assertThat(targets(RelType.MENTIONS, "issues:bug:BUG-ARCH-014")).containsExactly("workflow:work_unit:WU-280");
        assertThat(links.warnings()).isEmpty();
    }
}
