package dev.graphmemory.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.queries.picture.Diagram;
import dev.graphmemory.queries.picture.DiagramEdge;
import dev.graphmemory.queries.picture.DiagramNode;
import dev.graphmemory.queries.picture.Format;
import dev.graphmemory.queries.picture.Picture;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The answer of {@code graph_picture} and its text content, without a store. */
class PictureToolTest {
    private static Picture picture() {
        Diagram d = Diagram.of(
                        "t",
                        List.of(
                                new DiagramNode("architecture:module:a/A.java", "A.java", "module", 0, true),
                                DiagramNode.of("architecture:module:a/B.java", "B.java", "module"),
                                DiagramNode.of("architecture:module:a/C.java", "C.java", "module")),
                        List.of(
                                DiagramEdge.of(
                                        "architecture:module:a/A.java", "architecture:module:a/B.java", "IMPORTS"),
                                DiagramEdge.of(
                                        "architecture:module:a/A.java", "architecture:module:a/C.java", "IMPORTS")))
                .capped(2);
        return new Picture("neighbors", "architecture:module:a/A.java", d, List.of("2 more not drawn"), 3, false, null);
    }

    private static Map<String, Object> stamped(Format format) {
        Map<String, Object> answer = new LinkedHashMap<>(PictureTool.answer(picture(), format));
        answer.put("indexed_commit", "0123456789abcdef0123456789abcdef01234567");
        answer.put("stale", false);
        return answer;
    }

    @Test
    void theAnswerSaysWhatWasDrawnAndWhatWasLeftOut() {
        Map<String, Object> answer = PictureTool.answer(picture(), Format.MERMAID);
        assertThat(answer)
                .containsEntry("subject", "neighbors")
                .containsEntry("format", "mermaid")
                .containsEntry("focus", "architecture:module:a/A.java")
                .containsEntry("boxes", 2)
                .containsEntry("edges", 1)
                .containsEntry("more", 2)
                .containsEntry("total", 3L)
                .containsEntry("next_cursor", null)
                .doesNotContainKey("truncated");
        assertThat((String) answer.get("diagram")).contains("more>\"+2 more\"]").contains("%% 2 more not drawn");
    }

    @Test
    void theTextContentIsTheDiagramWithTheStampAsACommentOfItsFormat() {
        JsonMapper json = JsonMapper.builder().build();
        String mermaid = McpServerFactory.text(PictureTool.NAME, stamped(Format.MERMAID), json);
        assertThat(mermaid).startsWith("flowchart LR\n").endsWith("\n%% indexed_commit=0123456789ab; stale=false\n");
        assertThat(McpServerFactory.text(PictureTool.NAME, stamped(Format.DOT), json))
                .endsWith("}\n// indexed_commit=0123456789ab; stale=false\n");
        assertThat(McpServerFactory.text(PictureTool.NAME, stamped(Format.GRAPHML), json))
                .endsWith("</graphml>\n<!-- indexed_commit=0123456789ab; stale=false -->\n");
    }

    @Test
    void everySubjectsArgumentsAreDeclaredInTheInputSchema() {
        JsonMapper json = JsonMapper.builder().build();
        var properties = json.readTree(PictureSchemas.INPUT).get("properties");
        PictureTool.SUBJECTS
                .values()
                .forEach(args ->
                        args.forEach(a -> assertThat(properties.has(a)).as(a).isTrue()));
        assertThat(properties.get("subject").get("enum").valueStream().map(n -> n.asString()))
                .containsExactlyInAnyOrderElementsOf(PictureTool.SUBJECTS.keySet());
    }
}
