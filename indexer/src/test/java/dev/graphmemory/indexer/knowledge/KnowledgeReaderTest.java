package dev.graphmemory.indexer.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.queries.schema.NodeType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KnowledgeReaderTest {
    private final KnowledgeReader reader = new KnowledgeReader();

    private KnowledgeDoc read(String path, String text) {
        return reader.read(path, text).orElseThrow();
    }

    @Test
    void readsAWorkUnitWithItsIdTitleAndBody() {
        KnowledgeDoc doc = read(".claude/work-units/WU-281-fix-auth.md", """
                ---
                id: WU-281
                title: Fix auth handler
                tier: 2
                status: in_progress
                ---
                # Fix auth handler

                The handler loses the session.
                """);

        assertThat(doc.type()).isEqualTo(NodeType.WORK_UNIT);
        assertThat(doc.id()).isEqualTo("WU-281");
        assertThat(doc.nodeId()).isEqualTo("workflow:work_unit:WU-281");
        assertThat(doc.path()).isEqualTo(".claude/work-units/WU-281-fix-auth.md");
        assertThat(doc.properties())
                .containsEntry("name", "Fix auth handler")
                .containsEntry("title", "Fix auth handler")
                .containsEntry("tier", 2L)
                .containsEntry("status", "in_progress")
                .containsEntry("path", ".claude/work-units/WU-281-fix-auth.md")
                .containsEntry("body", "# Fix auth handler\n\nThe handler loses the session.")
                .containsEntry("parse_ok", true)
                .doesNotContainKeys("id", "parse_error");
        assertThat(doc.node().id()).isEqualTo("workflow:work_unit:WU-281");
        assertThat(doc.parseOk()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "work_unit, WORK_UNIT",
        "work-unit, WORK_UNIT",
        "workunit, WORK_UNIT",
        "WU, WORK_UNIT",
        "bug, BUG",
        "adr, ADR",
        "Decision, ADR",
        "anti_pattern, ANTI_PATTERN",
        "anti-pattern, ANTI_PATTERN"
    })
    void typeFieldWinsOverPrefixAndFolder(String word, NodeType expected) {
        KnowledgeDoc doc = read("bugs/X-1.md", "---\nid: X-1\ntype: " + word + "\n---\n");

        assertThat(doc.type()).isEqualTo(expected);
        assertThat(doc.properties()).doesNotContainKeys("type", "doc_type");
    }

    @ParameterizedTest
    @CsvSource({
        "WU-7, WORK_UNIT",
        "wu-7, WORK_UNIT",
        "BUG-ARCH-014, BUG",
        "ADR-002, ADR",
        "ANTI-PATTERN-001, ANTI_PATTERN",
        "ap-3, ANTI_PATTERN"
    })
    void typeComesFromTheIdPrefixWhenThereIsNoTypeField(String id, NodeType expected) {
        assertThat(read("notes/x.md", "---\nid: " + id + "\n---\n").type()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        ".claude/work-units/plan.md, WORK_UNIT",
        "work-units/sub/plan.md, WORK_UNIT",
        "bugs/login.md, BUG",
        "docs/adr/use-neo4j.md, ADR",
        "docs/decisions/use-neo4j.md, ADR",
        "docs/anti-patterns/god-class.md, ANTI_PATTERN",
        "anti-patterns/god-class.md, ANTI_PATTERN"
    })
    void typeComesFromTheFolderWhenNeitherFieldNorPrefixSayIt(String path, NodeType expected) {
        assertThat(read(path, "---\ntitle: Something\n---\nbody\n").type()).isEqualTo(expected);
    }

    @Test
    void anUnrecognisedTypeWordIsKeptAsDocTypeAndTheIdDecides() {
        KnowledgeDoc doc = read("notes/x.md", "---\nid: BUG-9\ntype: regression\n---\n");

        assertThat(doc.type()).isEqualTo(NodeType.BUG);
        assertThat(doc.properties()).containsEntry("doc_type", "regression").doesNotContainKey("type");
    }

    @Test
    void aDocumentThatNothingTypesIsSkipped() {
        assertThat(reader.read("notes/plan.md", "---\ntitle: A plan\n---\n")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "WU-281-fix-auth.md, WU-281",
        "WU-281.md, WU-281",
        "BUG-ARCH-014-path-resolution.md, BUG-ARCH-014",
        "ADR-002-use-neo4j.md, ADR-002",
        "ANTI-PATTERN-001-god-class.md, ANTI-PATTERN-001",
        "WU-hadoop-13277398.md, WU-hadoop-13277398",
        "use-neo4j.md, use-neo4j"
    })
    void idComesFromTheFileNameWhenTheFieldIsAbsent(String fileName, String id) {
        KnowledgeDoc doc = read("docs/adr/" + fileName, "---\ntitle: T\n---\n");

        assertThat(doc.id()).isEqualTo(id);
        assertThat(doc.properties()).containsEntry("name", "T");
    }

    @Test
    void nameFallsBackToTheId() {
        assertThat(read("bugs/BUG-3.md", "---\nstatus: open\n---\n").properties())
                .containsEntry("name", "BUG-3");
    }

    @Test
    void convertsFrontmatterValuesToNeo4jProperties() {
        KnowledgeDoc doc = read("work-units/WU-hadoop-1.md", """
                ---
                id: "WU-hadoop-1"
                Files-Changed: []
                estimate: 1.5
                done: true
                created: 2026-01-05
                reviewed_at: 2026-01-05T10:00:00Z
                big: 123456789012345678901
                empty:
                labels: [perf, 3, true]
                steps: [{name: build, ok: true}, plain]
                source: {"dataset": "gitbugs", "issue_id": "13277398"}
                ---
                """);

        assertThat(doc.properties())
                .containsEntry("files_changed", List.of())
                .containsEntry("estimate", 1.5)
                .containsEntry("done", true)
                .containsEntry("created", "2026-01-05")
                .containsEntry("reviewed_at", "2026-01-05T10:00:00Z")
                .containsEntry("big", "123456789012345678901")
                .containsEntry("labels", List.of("perf", "3", "true"))
                .containsEntry("steps", List.of("{\"name\":\"build\",\"ok\":true}", "plain"))
                .containsEntry("source", "{\"dataset\":\"gitbugs\",\"issue_id\":\"13277398\"}")
                .doesNotContainKey("empty");
    }

    @Test
    void filingDatesOfAnyFormAreStoredAsUtcInstantsAndUnreadableOnesAsWritten() {
        KnowledgeDoc doc = read("work-units/WU-7.md", """
                ---
                id: WU-7
                title: Dated in a tracker's own forms
                created: 2020-01-23 12:06:53+00:00
                createdAt: 1579781213
                opened: "Thu, 23 Jan 2020 13:06:53 +0100"
                reported: 23/Jan/20 12:06 PM
                date: sometime next week
                filed: 23 January 2020
                due: 2020-02-01 10:00
                ---
                """);

        assertThat(doc.properties())
                .containsEntry("created", "2020-01-23T12:06:53Z")
                .containsEntry("createdat", "2020-01-23T12:06:53Z")
                .containsEntry("opened", "2020-01-23T12:06:53Z")
                .containsEntry("reported", "2020-01-23T12:06:00Z")
                .containsEntry("date", "sometime next week")
                .containsEntry("filed", "2020-01-23")
                .containsEntry("due", "2020-02-01 10:00");
        assertThat(DocProperties.unreadableDates(doc.properties())).containsExactly("date: 'sometime next week'");
    }

    @Test
    void reservedAndReaderOwnedKeysAreKeptUnderDocPrefix() {
        KnowledgeDoc doc = read("bugs/BUG-1.md", """
                ---
                id: BUG-1
                repo: other
                schema: mine
                key: k
                types: [a]
                path: elsewhere/x.md
                body: not the body
                parse_ok: maybe
                "Severity Level!": high
                2nd: x
                ---
                real body
                """);

        assertThat(doc.properties())
                .containsEntry("doc_repo", "other")
                .containsEntry("doc_schema", "mine")
                .containsEntry("doc_key", "k")
                .containsEntry("doc_types", List.of("a"))
                .containsEntry("doc_path", "elsewhere/x.md")
                .containsEntry("doc_body", "not the body")
                .containsEntry("doc_parse_ok", "maybe")
                .containsEntry("severity_level_", "high")
                .containsEntry("_2nd", "x")
                .containsEntry("path", "bugs/BUG-1.md")
                .containsEntry("body", "real body")
                .containsEntry("parse_ok", true)
                .doesNotContainKeys("repo", "schema", "key", "types", "id");
    }

    @Test
    void brokenYamlIsRecordedWithTheFileLineAndItsBody() {
        KnowledgeDoc doc = read("bugs/broken.md", """
                ---
                id: BUG-77
                title: Paths break
                  status: open: now
                ---
                The body survives.
                """);

        assertThat(doc.id()).isEqualTo("BUG-77");
        assertThat(doc.type()).isEqualTo(NodeType.BUG);
        assertThat(doc.parseOk()).isFalse();
        assertThat(doc.parseError())
                .startsWith("frontmatter is not valid YAML at line 4, column")
                .contains("mapping values are not allowed here");
        assertThat(doc.properties())
                .containsEntry("parse_ok", false)
                .containsEntry("name", "Paths break")
                .containsEntry("body", "The body survives.");
    }

    @Test
    void brokenYamlWithoutIdLineFallsBackToFileNameAndFolder() {
        KnowledgeDoc doc = read("docs/decisions/0007-cache.md", "---\n[unclosed\n---\nWhy we cache.\n");

        assertThat(doc.id()).isEqualTo("0007-cache");
        assertThat(doc.type()).isEqualTo(NodeType.ADR);
        assertThat(doc.parseOk()).isFalse();
        assertThat(doc.parseError()).contains("line ");
        assertThat(doc.properties()).containsEntry("body", "Why we cache.");
    }

    @Test
    void frontmatterThatIsNotAMappingIsAParseError() {
        KnowledgeDoc doc = read("bugs/BUG-5.md", "---\n- a\n- b\n---\ntext\n");

        assertThat(doc.parseOk()).isFalse();
        assertThat(doc.parseError())
                .isEqualTo("frontmatter is a list, expected a mapping of fields such as 'id: WU-1' and 'title: ...'");
    }

    @Test
    void unclosedFrontmatterIsAParseError() {
        KnowledgeDoc doc = read("bugs/BUG-6.md", "---\nid: BUG-6\nno end\n");

        assertThat(doc.parseOk()).isFalse();
        assertThat(doc.parseError()).contains("never closed");
        assertThat(doc.id()).isEqualTo("BUG-6");
    }

    @Test
    void fileWithoutFrontmatterIsSkippedUnlessItsNameIsAnId() {
        assertThat(reader.read("work-units/README.md", "# Work units\n\nOne file per unit.\n"))
                .isEmpty();
        assertThat(reader.read("docs/adr/index.md", "- ADR-001\n")).isEmpty();

        KnowledgeDoc doc = read("docs/adr/ADR-004-logging.md", "# Logging\n\nUse stderr.\n");
        assertThat(doc.id()).isEqualTo("ADR-004");
        assertThat(doc.type()).isEqualTo(NodeType.ADR);
        assertThat(doc.parseOk()).isTrue();
        assertThat(doc.properties()).containsEntry("name", "ADR-004").containsEntry("body", "# Logging\n\nUse stderr.");
    }

    @Test
    void toleratesByteOrderMarkCrlfAndEmptyFrontmatter() {
        KnowledgeDoc crlf = read("bugs\\BUG-8.md", "\uFEFF---\r\nid: BUG-8\r\ntitle: CRLF\r\n---\r\nbody\r\n");
        assertThat(crlf.path()).isEqualTo("bugs/BUG-8.md");
        assertThat(crlf.properties()).containsEntry("title", "CRLF").containsEntry("body", "body");

        KnowledgeDoc empty = read("bugs/BUG-9.md", "---\n---\nonly body\n");
        assertThat(empty.parseOk()).isTrue();
        assertThat(empty.properties()).containsEntry("body", "only body");
    }

    @Test
    void bodyIsTruncated() {
        KnowledgeDoc doc = read("bugs/BUG-10.md", "---\n---\n" + "x".repeat(25_000));

        assertThat((String) doc.properties().get("body")).hasSize(KnowledgeReader.BODY_LIMIT);
    }

    @Test
    void readsLinkFieldsAsListsOrCommaSeparatedText() {
        KnowledgeDoc doc = read("bugs/BUG-11.md", """
                ---
                id: BUG-11
                dependencies: "WU-1, WU-2 (auth part)"
                files_changed: ["./src/a.py", "/src/b.py", "src\\\\c.py", "src/d.py (new)", {path: src/e.py}]
                affects: [src/a.py, BUG-2, "architecture:function:a.B#c(int)"]
                caused_by: ADR-002
                ---
                """);

        assertThat(doc.dependencies()).containsExactly("WU-1", "WU-2");
        assertThat(doc.filesChanged()).containsExactly("src/a.py", "src/b.py", "src/c.py", "src/d.py", "src/e.py");
        assertThat(doc.affects()).containsExactly("src/a.py", "BUG-2", "architecture:function:a.B#c(int)");
        assertThat(doc.causedBy()).containsExactly("ADR-002");
    }

    @Test
    void dropsPlaceholderEntriesInLinkFields() {
        KnowledgeDoc doc =
                read("work-units/WU-12.md", "---\ndependencies: none\nfiles_changed: [TBD, n/a, src/x.py]\n---\n");

        assertThat(doc.dependencies()).isEmpty();
        assertThat(doc.filesChanged()).containsExactly("src/x.py");
    }

    @Test
    void neverThrowsOnOddInput() {
        assertThat(reader.read("bugs/BUG-12.md", "---\nid: [a, b]\nx: .inf\n---\n"))
                .hasValueSatisfying(d -> assertThat(d.id()).isEqualTo("BUG-12"));
        assertThat(reader.read("bugs/BUG-13.md", ""))
                .hasValueSatisfying(d -> assertThat(d.parseOk()).isTrue());
        assertThat(reader.read("bugs/notes.md", "---"))
                .hasValueSatisfying(d -> assertThat(d.parseOk()).isFalse());
    }
}
