package dev.graphmemory.queries.picture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each format's own tool reads what the writers write, the hostile names and a capped diagram
 * included: Graphviz's {@code dot}, and Mermaid's parser through {@code bench/picture-parse.mjs}
 * (node, with mermaid and jsdom installed in {@code MERMAID_DIR}, default {@code /tmp/mmd}). Each
 * test is skipped where its tool is not installed; {@link FormatTest} checks the same texts
 * without them.
 */
class ExternalParsersTest {
    @TempDir
    Path tmp;

    private static List<Diagram> diagrams() {
        List<DiagramNode> many = new ArrayList<>();
        List<DiagramEdge> edges = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            many.add(DiagramNode.of("architecture:module:src/m" + i + "/A.java", "m" + i + "/A.java", "module"));
            if (i > 0) {
                edges.add(DiagramEdge.of(
                        "architecture:module:src/m" + (i - 1) + "/A.java",
                        "architecture:module:src/m" + i + "/A.java",
                        ""));
            }
        }
        edges.add(DiagramEdge.of("architecture:module:src/m3/A.java", "architecture:module:src/m0/A.java", ""));
        return List.of(
                FormatTest.small(),
                FormatTest.hostile(),
                Diagram.of("chain", many, edges).withCycles().capped(Diagram.DEFAULT_MAX_BOXES));
    }

    private List<Path> written(Format format, String extension) throws IOException {
        List<Path> files = new ArrayList<>();
        List<Diagram> all = diagrams();
        for (int i = 0; i < all.size(); i++) {
            Path file = tmp.resolve("d" + i + "." + extension);
            Files.writeString(
                    file,
                    format.write(all.get(i), List.of("note \"--> x"))
                            + format.comment("indexed_commit=abc; stale=false"));
            files.add(file);
        }
        return files;
    }

    @Test
    void dotReadsEveryDotDiagram() throws Exception {
        assumeTrue(onPath("dot"), "Graphviz's dot is not installed");
        for (Path file : written(Format.DOT, "dot")) {
            Run run = run(List.of("dot", "-Tsvg", "-o", tmp.resolve("out.svg").toString(), file.toString()));
            assertThat(run.code()).as(file + ": " + run.output()).isZero();
            assertThat(run.output()).as(file.toString()).doesNotContainIgnoringCase("warning");
        }
    }

    @Test
    void mermaidsParserReadsEveryMermaidDiagram() throws Exception {
        Path script =
                Path.of("..", "bench", "picture-parse.mjs").toAbsolutePath().normalize();
        String dir = System.getenv().getOrDefault("MERMAID_DIR", "/tmp/mmd");
        assumeTrue(
                onPath("node") && Files.exists(script) && Files.isDirectory(Path.of(dir, "node_modules", "mermaid")),
                "node with mermaid and jsdom in " + dir + " is not installed");
        List<String> command = new ArrayList<>(List.of("node", script.toString()));
        written(Format.MERMAID, "mmd").forEach(p -> command.add(p.toString()));
        Run run = run(command);
        assertThat(run.code()).as(run.output()).isZero();
        assertThat(run.output()).contains("flowchart");
    }

    private record Run(int code, String output) {}

    private static Run run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Run(-1, out + " (timed out)");
        }
        return new Run(p.exitValue(), out);
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
