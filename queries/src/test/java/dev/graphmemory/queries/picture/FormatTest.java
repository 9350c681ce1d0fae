package dev.graphmemory.queries.picture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphmemory.queries.find.ToolException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The three writers: exact text for a small diagram, and names that try to break out of a label. */
class FormatTest {
    /** A focus module, a cycle of two imports and a dashed arrow standing for three. */
    static Diagram small() {
        return Diagram.of(
                        "around App.java",
                        List.of(
                                new DiagramNode("architecture:module:src/App.java", "App.java", "module", 0, true),
                                DiagramNode.of(
                                        "architecture:module:src/auth/Handler.java", "auth/Handler.java", "module"),
                                DiagramNode.of("issues:bug:BUG-1", "BUG-1 Login times out", "bug")),
                        List.of(
                                DiagramEdge.of(
                                        "architecture:module:src/App.java",
                                        "architecture:module:src/auth/Handler.java",
                                        "IMPORTS"),
                                DiagramEdge.of(
                                        "architecture:module:src/auth/Handler.java",
                                        "architecture:module:src/App.java",
                                        "IMPORTS"),
                                new DiagramEdge(
                                        "issues:bug:BUG-1",
                                        "architecture:module:src/auth/Handler.java",
                                        "AFFECTS",
                                        3,
                                        true,
                                        false)))
                .withCycles();
    }

    @Test
    void writesMermaid() {
        assertThat(Format.MERMAID.write(small(), List.of("1 more"))).isEqualTo("""
                flowchart LR
                  %% around App.java
                  %% 1 more
                  n_App_java["App.java"]
                  n_auth_Handler_java["auth/Handler.java"]
                  n_BUG_1{{"BUG-1 Login times out"}}
                  n_App_java ==>|"IMPORTS"| n_auth_Handler_java
                  n_auth_Handler_java ==>|"IMPORTS"| n_App_java
                  n_BUG_1 -.->|"AFFECTS ×3"| n_auth_Handler_java
                  classDef k_bug fill:#fde2e1,stroke:#667
                  class n_BUG_1 k_bug
                  style n_App_java stroke-width:3px
                  linkStyle 0,1 stroke:#d32f2f
                """);
    }

    @Test
    void writesDot() {
        assertThat(Format.DOT.write(small(), List.of("1 more"))).isEqualTo("""
                digraph G {
                  // 1 more
                  graph [rankdir=LR, fontname="Helvetica", fontsize=12, labelloc=t, label="around App.java"];
                  node [shape=box, style="rounded,filled", fillcolor="#e8f0fe", fontname="Helvetica", fontsize=10];
                  edge [fontname="Helvetica", fontsize=9, color="#556677"];
                  "n_App_java" [label="App.java", penwidth=2.5];
                  "n_auth_Handler_java" [label="auth/Handler.java"];
                  "n_BUG_1" [label="BUG-1 Login times out", shape=hexagon, fillcolor="#fde2e1"];
                  "n_App_java" -> "n_auth_Handler_java" [label="IMPORTS", color="#d32f2f"];
                  "n_auth_Handler_java" -> "n_App_java" [label="IMPORTS", color="#d32f2f"];
                  "n_BUG_1" -> "n_auth_Handler_java" [label="AFFECTS ×3", style=dashed, penwidth=1.8];
                }
                """);
    }

    @Test
    void writesGraphMl() {
        assertThat(Format.GRAPHML.write(small(), List.of("1 more"))).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- 1 more -->
                <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
                  <key id="label" for="node" attr.name="label" attr.type="string"/>
                  <key id="kind" for="node" attr.name="kind" attr.type="string"/>
                  <key id="node_id" for="node" attr.name="node_id" attr.type="string"/>
                  <key id="focus" for="node" attr.name="focus" attr.type="boolean"/>
                  <key id="elabel" for="edge" attr.name="label" attr.type="string"/>
                  <key id="weight" for="edge" attr.name="weight" attr.type="long"/>
                  <key id="dashed" for="edge" attr.name="dashed" attr.type="boolean"/>
                  <key id="cycle" for="edge" attr.name="cycle" attr.type="boolean"/>
                  <graph id="G" edgedefault="directed">
                    <desc>around App.java</desc>
                    <node id="n_App_java"><data key="label">App.java</data><data key="kind">module</data><data key="node_id">architecture:module:src/App.java</data><data key="focus">true</data></node>
                    <node id="n_auth_Handler_java"><data key="label">auth/Handler.java</data><data key="kind">module</data><data key="node_id">architecture:module:src/auth/Handler.java</data></node>
                    <node id="n_BUG_1"><data key="label">BUG-1 Login times out</data><data key="kind">bug</data><data key="node_id">issues:bug:BUG-1</data></node>
                    <edge id="e0" source="n_App_java" target="n_auth_Handler_java"><data key="elabel">IMPORTS</data><data key="weight">1</data><data key="cycle">true</data></edge>
                    <edge id="e1" source="n_auth_Handler_java" target="n_App_java"><data key="elabel">IMPORTS</data><data key="weight">1</data><data key="cycle">true</data></edge>
                    <edge id="e2" source="n_BUG_1" target="n_auth_Handler_java"><data key="elabel">AFFECTS</data><data key="weight">3</data><data key="dashed">true</data></edge>
                  </graph>
                </graphml>
                """);
    }

    /** Names that would end a label, open a shape, draw an arrow or start a directive if pasted raw. */
    static final List<String> HOSTILE = List.of(
            "say \"hi\"",
            "a[b]c{d}(e)",
            "x --> y",
            "p -.-> q ==> r",
            "<b>bold</b> & co",
            "#quot; #35; %%{init: {}}%%",
            "back\\slash \\N \\l",
            "pipe | semi; end",
            "`tick` 'apos'",
            "line\nbreak\ttab\u0001ctl",
            "end",
            "subgraph",
            "--",
            "\u00e9t\u00e9 \u65e5\u672c \ud83d\ude00");

    static Diagram hostile() {
        List<DiagramNode> nodes = new ArrayList<>();
        List<DiagramEdge> edges = new ArrayList<>();
        for (int i = 0; i < HOSTILE.size(); i++) {
            nodes.add(DiagramNode.of("k" + i + ":" + HOSTILE.get(i), HOSTILE.get(i), i % 2 == 0 ? "module" : "bug"));
            if (i > 0) {
                edges.add(new DiagramEdge(
                        "k" + (i - 1) + ":" + HOSTILE.get(i - 1),
                        "k" + i + ":" + HOSTILE.get(i),
                        HOSTILE.get(i),
                        1,
                        i % 3 == 0,
                        false));
            }
        }
        return Diagram.of("title \"with\" --> {all}", nodes, edges);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            say "hi"                 | say #quot;hi#quot;
            x --> y                  | x --#gt; y
            <b>bold</b> & co         | #lt;b#gt;bold#lt;/b#gt; #amp; co
            '#quot; #35; x'          | #35;quot; #35;35; x
            '%%{init}%%'             | #37;#37;{init}#37;#37;
            '`t`'                    | #96;t#96;
            a[b]c{d}(e)              | a[b]c{d}(e)
            """)
    void mermaidLabelsUseEntityCodesForWhatWouldEndThem(String name, String escaped) {
        assertThat(MermaidWriter.escape(name)).isEqualTo(escaped);
    }

    @Test
    void mermaidPipeInALabelIsAnEntityToo() {
        assertThat(MermaidWriter.escape("a|b")).isEqualTo("a#124;b");
    }

    @Test
    void everyMermaidLabelIsOneQuotedStringWithNoQuoteInside() {
        String text = Format.MERMAID.write(hostile(), List.of("note \"x\" --> y"));
        for (String line : text.lines().toList()) {
            String body = line.strip();
            if (body.startsWith("%%")
                    || body.startsWith("class")
                    || body.startsWith("style")
                    || body.startsWith("flowchart")) {
                continue;
            }
            // Outside the quoted strings only ids, shapes and arrows remain.
            String outside = body.replaceAll("\"[^\"]*\"", "\"\"");
            assertThat(outside)
                    .as(line)
                    .matches("[A-Za-z0-9_]+(\\S*\"\"\\S*|\\s+(-->|-\\.->|==>)(\\|\"\"\\|)?\\s+[A-Za-z0-9_]+)");
        }
        assertThat(text).doesNotContain("\n  end").doesNotContain("%%{");
    }

    @Test
    void dotQuotesEveryIdAndLabelAndEscapesBackslashesAndQuotes() {
        assertThat(DotWriter.quote("say \"hi\" \\N")).isEqualTo("\"say \\\"hi\\\" \\\\N\"");
        String text = Format.DOT.write(hostile(), List.of());
        for (String line : text.lines().toList()) {
            // Remove each quoted string (escapes included): what is left has no quote.
            String outside = line.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "S");
            assertThat(outside).as(line).doesNotContain("\"").doesNotContain("\\");
        }
        assertThat(text.chars().filter(c -> c == '{').count()
                        - text.chars().filter(c -> c == '}').count())
                .as("braces outside strings balance")
                .isEqualTo(labelsBraces(text));
    }

    private static long labelsBraces(String text) {
        long open = 0;
        for (var m = java.util.regex.Pattern.compile("\"(\\\\.|[^\"\\\\])*\"").matcher(text); m.find(); ) {
            String s = m.group();
            open += s.chars().filter(c -> c == '{').count()
                    - s.chars().filter(c -> c == '}').count();
        }
        return open;
    }

    @Test
    void graphMlIsWellFormedAndReadsBackEveryNameAsWritten() throws Exception {
        String text = Format.GRAPHML.write(hostile(), List.of("a -- note --> with dashes -"));
        Document doc = DocumentBuilderFactory.newNSInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        NodeList nodes = doc.getElementsByTagNameNS("http://graphml.graphdrawing.org/xmlns", "node");
        assertThat(nodes.getLength()).isEqualTo(HOSTILE.size());
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element data = (Element)
                    ((Element) nodes.item(i)).getElementsByTagName("data").item(0);
            assertThat(data.getAttribute("key")).isEqualTo("label");
            labels.add(data.getTextContent());
        }
        List<String> expected = hostile().nodes().stream()
                .map(n -> Labels.of(n.label()).replace("\u0001", ""))
                .toList();
        assertThat(labels).isEqualTo(expected);
        assertThat(labels).contains("line break tab ctl", "say \"hi\"", "<b>bold</b> & co", "--");
        assertThat(doc.getElementsByTagNameNS("http://graphml.graphdrawing.org/xmlns", "edge")
                        .getLength())
                .isEqualTo(HOSTILE.size() - 1);
    }

    @Test
    void aLongLabelIsCutWithAnEllipsis() {
        String label = Labels.of("x".repeat(100));
        assertThat(label).hasSize(Labels.MAX).endsWith("…");
    }

    @Test
    void aFormatIsNamedCaseInsensitivelyAndAnUnknownOneIsRefusedWithTheValidOnes() {
        assertThat(Format.of(null)).isEqualTo(Format.MERMAID);
        assertThat(Format.of("DOT")).isEqualTo(Format.DOT);
        assertThat(Format.of("graphml")).isEqualTo(Format.GRAPHML);
        assertThatThrownBy(() -> Format.of("png"))
                .isInstanceOf(ToolException.class)
                .hasMessageContaining("mermaid, dot or graphml");
    }

    @Test
    void aCommentCannotEndItsFormatsCommentEarly() {
        assertThat(Format.GRAPHML.comment("a --> b -")).isEqualTo("<!-- a - -> b -  -->\n");
        assertThat(Format.MERMAID.comment("a\nb")).isEqualTo("%% a b\n");
        assertThat(Format.DOT.comment("a\nb")).isEqualTo("// a b\n");
    }
}
