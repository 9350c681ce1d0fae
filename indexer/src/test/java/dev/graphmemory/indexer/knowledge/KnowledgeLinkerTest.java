package dev.graphmemory.indexer.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.graphmemory.indexer.model.EdgeRow;
import dev.graphmemory.indexer.model.NodeRow;
import dev.graphmemory.queries.schema.RelType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KnowledgeLinkerTest {
    private static final Set<String> MODULES = Set.of("src/auth/handler.py", "src/auth/session.py");
    private static final Set<String> FILES = Set.of("src/auth/handler.py", "src/auth/session.py", "pom.xml");

    private final KnowledgeReader reader = new KnowledgeReader();
    private final KnowledgeLinker linker = new KnowledgeLinker(MODULES::contains, FILES::contains);

    private KnowledgeDoc doc(String path, String text) {
        return reader.read(path, text).orElseThrow();
    }

    private static List<EdgeRow> edges(KnowledgeLinks links, RelType type) {
        return links.edges().stream().filter(e -> e.type() == type).toList();
    }

    @Test
    void touchesIndexedModulesAndCreatesStubsForOtherPathsOnce() {
        KnowledgeDoc a =
                doc("work-units/WU-1.md", "---\nfiles_changed: [./src/auth/handler.py, pom.xml, gone/old.py]\n---\n");
        KnowledgeDoc b = doc("work-units/WU-2.md", "---\nfiles_changed: [pom.xml, /gone/old.py]\n---\n");

        KnowledgeLinks links = linker.link(List.of(a, b));

        assertThat(edges(links, RelType.TOUCHES))
                .extracting(EdgeRow::fromId, EdgeRow::toId)
                .containsExactly(
                        tuple("workflow:work_unit:WU-1", "architecture:module:src/auth/handler.py"),
                        tuple("workflow:work_unit:WU-1", "architecture:module:pom.xml"),
                        tuple("workflow:work_unit:WU-1", "architecture:module:gone/old.py"),
                        tuple("workflow:work_unit:WU-2", "architecture:module:pom.xml"),
                        tuple("workflow:work_unit:WU-2", "architecture:module:gone/old.py"));
        assertThat(links.nodes())
                .extracting(NodeRow::id)
                .containsExactly("architecture:module:pom.xml", "architecture:module:gone/old.py");
        assertThat(links.nodes().get(0).properties())
                .containsEntry("missing", false)
                .containsEntry("stub", true)
                .containsEntry("language", "xml")
                .containsEntry("name", "pom.xml")
                .containsEntry("path", "pom.xml");
        assertThat(links.nodes().get(1).properties())
                .containsEntry("missing", true)
                .containsEntry("language", "python")
                .containsEntry("name", "old.py");
        assertThat(links.warnings()).isEmpty();
    }

    @Test
    void affectsPathsAndIdsAndCausedByDecisions() {
        KnowledgeDoc bug = doc("bugs/BUG-ARCH-014.md", """
                ---
                affects: [src/auth/session.py, wu-7, "architecture:function:a.B#c(int)", README]
                caused_by: [ADR-002, ap-1, ADR-099]
                ---
                """);
        KnowledgeDoc wu = doc("work-units/WU-7.md", "---\n---\n");
        KnowledgeDoc adr = doc("docs/adr/ADR-002-neo4j.md", "---\n---\n");
        KnowledgeDoc ap = doc("anti-patterns/AP-1.md", "---\n---\n");

        KnowledgeLinks links = linker.link(List.of(bug, wu, adr, ap));

        assertThat(edges(links, RelType.AFFECTS))
                .extracting(EdgeRow::toId)
                .containsExactly(
                        "architecture:module:src/auth/session.py",
                        "workflow:work_unit:WU-7",
                        "architecture:function:a.B#c(int)",
                        "architecture:module:README");
        assertThat(edges(links, RelType.CAUSED_BY))
                .extracting(EdgeRow::fromId, EdgeRow::toId)
                .containsExactly(
                        tuple("issues:bug:BUG-ARCH-014", "decisions:adr:ADR-002"),
                        tuple("issues:bug:BUG-ARCH-014", "decisions:anti_pattern:AP-1"),
                        tuple("issues:bug:BUG-ARCH-014", "decisions:adr:ADR-099"));
        assertThat(links.warnings())
                .containsExactly("bugs/BUG-ARCH-014.md: caused_by 'ADR-099' names no document of this run");
        assertThat(links.nodes()).extracting(NodeRow::id).containsExactly("architecture:module:README");
    }

    @Test
    void dependsOnKnownAndUnknownWorkUnits() {
        KnowledgeDoc a = doc("work-units/WU-1.md", "---\ndependencies: [wu-2, WU-404, WU-1]\n---\n");
        KnowledgeDoc b = doc("work-units/WU-2.md", "---\ndependencies: WU-1\n---\n");

        KnowledgeLinks links = linker.link(List.of(a, b));

        assertThat(edges(links, RelType.DEPENDS_ON))
                .extracting(EdgeRow::fromId, EdgeRow::toId)
                .containsExactly(
                        tuple("workflow:work_unit:WU-1", "workflow:work_unit:WU-2"),
                        tuple("workflow:work_unit:WU-1", "workflow:work_unit:WU-404"),
                        tuple("workflow:work_unit:WU-2", "workflow:work_unit:WU-1"));
        assertThat(links.warnings())
                .containsExactly("work-units/WU-1.md: dependency 'WU-404' names no document of this run");
    }

    @Test
    void mentionsOtherDocumentsFromBodyAndTextFieldsButNotItself() {
        KnowledgeDoc a = doc("work-units/WU-28.md", """
                ---
                title: Follow-up of bug-1
                objective: Avoid ANTI-PATTERN-001
                ---
                Unlike WU-281 this is WU-28 itself; see also wu-281 and architecture:module:src/auth/handler.py.
                """);
        KnowledgeDoc b = doc("work-units/WU-281.md", "---\n---\nNot WU-2810 nor WU-28x.\n");
        KnowledgeDoc bug = doc("bugs/BUG-1.md", "---\nroot_cause: WU-28 skipped validation\n---\n");
        KnowledgeDoc ap = doc("docs/anti-patterns/ANTI-PATTERN-001.md", "---\n---\n");

        KnowledgeLinks links = linker.link(List.of(a, b, bug, ap));

        assertThat(edges(links, RelType.MENTIONS))
                .extracting(EdgeRow::fromId, EdgeRow::toId)
                .containsExactly(
                        tuple("workflow:work_unit:WU-28", "issues:bug:BUG-1"),
                        tuple("workflow:work_unit:WU-28", "decisions:anti_pattern:ANTI-PATTERN-001"),
                        tuple("workflow:work_unit:WU-28", "workflow:work_unit:WU-281"),
                        tuple("workflow:work_unit:WU-28", "architecture:module:src/auth/handler.py"),
                        tuple("issues:bug:BUG-1", "workflow:work_unit:WU-28"));
    }

    @Test
    void warnsWhenTwoFilesDeclareTheSameId() {
        KnowledgeDoc a = doc("work-units/WU-5-a.md", "---\n---\n");
        KnowledgeDoc b = doc("work-units/old/wu-5.md", "---\n---\n");

        assertThat(linker.link(List.of(a, b)).warnings())
                .containsExactly(
                        "id WU-5 is declared by 2 files (work-units/WU-5-a.md, work-units/old/wu-5.md); they write the same node");
    }

    @Test
    void linksAgainstIdsKnownBeyondTheRun() {
        KnowledgeDoc a = doc("work-units/WU-1.md", "---\ndependencies: [WU-9]\n---\nsee BUG-4\n");
        IdMentionMatcher known = IdMentionMatcher.of(java.util.Map.of(
                "WU-1", "workflow:work_unit:WU-1", "WU-9", "workflow:work_unit:WU-9", "BUG-4", "issues:bug:BUG-4"));

        KnowledgeLinks links = linker.link(List.of(a), known);

        assertThat(links.edges())
                .containsExactly(
                        EdgeRow.of(RelType.DEPENDS_ON, "workflow:work_unit:WU-1", "workflow:work_unit:WU-9"),
                        EdgeRow.of(RelType.MENTIONS, "workflow:work_unit:WU-1", "issues:bug:BUG-4"));
        assertThat(links.warnings()).isEmpty();
    }
}
