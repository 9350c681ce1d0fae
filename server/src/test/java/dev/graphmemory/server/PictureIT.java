package dev.graphmemory.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code graph-memory picture} (the {@code graph_picture} tool's handler) on the workflow fixture
 * indexed once into the shared test Neo4j, with one planted gap (an exporter only its test uses):
 * each subject in each format, what the boxes and arrows are, that two runs write the same text,
 * and that each text parses (GraphML with the JDK's parser always, DOT and Mermaid with their own
 * tools where installed).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PictureIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String AUTH = "src/main/java/com/acme/auth/";
    private static final String EXPORTER = FixtureRepo.PLANTED_GAP;

    @TempDir
    static Path tmp;

    Path repo;

    /** Each subject's arguments on the command line. */
    static final Map<String, List<String>> SUBJECTS = new LinkedHashMap<>();

    static {
        SUBJECTS.put(
                "neighbors",
                List.of(
                        "neighbors",
                        "architecture:module:" + AUTH + "Handler.java",
                        "--relationship",
                        "IMPORTS,TESTS"));
        SUBJECTS.put("dependencies", List.of("dependencies", "src/main/java"));
        SUBJECTS.put("gaps", List.of("gaps"));
        SUBJECTS.put("work_unit", List.of("work_unit", "WU-281"));
    }

    /** subject → format → the structured answer. */
    final Map<String, Map<String, JsonNode>> answers = new LinkedHashMap<>();

    @BeforeAll
    void indexFixtureAndDrawEverything() throws Exception {
        repo = FixtureRepo.workflowRepoWithPlantedGap(tmp.resolve("repo"));
        Cli index = Cli.onTestStore(repo, "index");
        assertThat(index.exitCode()).as(index.err()).isZero();
        for (Map.Entry<String, List<String>> s : SUBJECTS.entrySet()) {
            Map<String, JsonNode> byFormat = new LinkedHashMap<>();
            for (String format : List.of("mermaid", "dot", "graphml")) {
                List<String> args = new ArrayList<>(List.of("picture"));
                args.addAll(s.getValue());
                args.addAll(List.of("--format", format, "--json"));
                Cli run = Cli.onTestStore(repo, args.toArray(String[]::new));
                assertThat(run.exitCode())
                        .as(s.getKey() + " " + format + ": " + run.err())
                        .isZero();
                byFormat.put(format, JSON.readTree(run.out()));
            }
            answers.put(s.getKey(), byFormat);
        }
    }

    private String diagram(String subject, String format) {
        return answers.get(subject).get(format).get("diagram").asString();
    }

    /** The labels of the boxes, read back from the GraphML (which keeps them unescaped). */
    private List<String> labels(String subject) throws Exception {
        Document doc = graphMl(diagram(subject, "graphml"));
        List<String> out = new ArrayList<>();
        var nodes = doc.getElementsByTagNameNS(GRAPHML, "node");
        for (int i = 0; i < nodes.getLength(); i++) {
            var data = ((org.w3c.dom.Element) nodes.item(i)).getElementsByTagNameNS(GRAPHML, "data");
            out.add(data.item(0).getTextContent());
        }
        return out;
    }

    private static final String GRAPHML = "http://graphml.graphdrawing.org/xmlns";

    private static Document graphMl(String text) throws Exception {
        return DocumentBuilderFactory.newNSInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void drawsANodesNeighbourhoodWithTheRelationshipsAsked() throws Exception {
        assertThat(labels("neighbors"))
                .containsExactly(
                        "Handler.java",
                        "App.java",
                        "Authenticator.java",
                        "BaseHandler.java",
                        "TokenCache.java",
                        "HandlerTest.java");
        assertThat(diagram("neighbors", "mermaid"))
                .contains("  n_App_java -->|\"IMPORTS\"| n_Handler_java\n")
                .contains("  n_HandlerTest_java -->|\"TESTS\"| n_Handler_java\n")
                .contains("  style n_Handler_java stroke-width:3px\n");
        JsonNode answer = answers.get("neighbors").get("mermaid");
        assertThat(answer.get("focus").asString()).isEqualTo("architecture:module:" + AUTH + "Handler.java");
        assertThat(answer.get("edges").asInt()).isEqualTo(6);
        assertThat(answer.get("more").asInt()).isZero();
    }

    @Test
    void drawsAFoldersModulesAndTheImportsAmongThem() throws Exception {
        assertThat(labels("dependencies"))
                .containsExactlyInAnyOrder(
                        "Handler.java",
                        "App.java",
                        "Authenticator.java",
                        "BaseHandler.java",
                        "TokenCache.java",
                        "Plugin.java",
                        "FastPlugin.java",
                        "Broken.java",
                        "Tool.java",
                        "Exporter.java");
        assertThat(diagram("dependencies", "dot"))
                .contains("  \"n_App_java\" -> \"n_Handler_java\";\n")
                .contains("  \"n_FastPlugin_java\" -> \"n_Plugin_java\";\n");
        assertThat(answers.get("dependencies").get("dot").get("edges").asInt()).isEqualTo(5);
    }

    @Test
    void collapsesModulesToFoldersWhenTheyExceedTheBoxes() throws Exception {
        Cli run = Cli.onTestStore(repo, "picture", "dependencies", "src/main/java", "--max-boxes", "5", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode answer = JSON.readTree(run.out());
        // 10 modules in 5 folders: acme (App, Broken), auth (4), cli, spi, spi/impl, report; spi/impl folds into spi.
        String text = answer.get("diagram").asString();
        assertThat(text)
                .contains("  n_auth[\"auth/ (4)\"]\n")
                .contains("  n_spi[\"spi/ (2)\"]\n")
                .contains("  n_acme --> n_auth\n")
                .contains("10 modules collapsed to 5 folders");
        assertThat(answer.get("boxes").asInt()).isEqualTo(5);
    }

    @Test
    void drawsTheGapsWithTheirSuggestedWiringDashed() throws Exception {
        assertThat(labels("gaps")).contains("Exporter.java · tests_only 0.90", "ExporterTest.java");
        String mermaid = diagram("gaps", "mermaid");
        assertThat(mermaid)
                .contains("  n_ExporterTest_java -->|\"uses\"| n_Exporter_java\n")
                .containsPattern("n_App_java -\\.->\\|\"wire\\? 0\\.\\d\\d\"\\| n_Exporter_java");
        assertThat(diagram("gaps", "dot")).contains("style=dashed");
        JsonNode answer = answers.get("gaps").get("mermaid");
        assertThat(answer.get("total").asInt()).isPositive();
        assertThat(answer.has("next_cursor")).isTrue();
    }

    @Test
    void drawsAWorkUnitsFootprint() throws Exception {
        assertThat(labels("work_unit"))
                .contains(
                        "WU-281 Fix authentication timeout",
                        "BUG-ARCH-014 Login times out on a cold cache",
                        "ADR-002 Cache tokens lazily",
                        "Handler.java",
                        "TokenCache.java")
                .anyMatch(l -> l.endsWith(" " + FixtureRepo.FIX_MESSAGE));
        assertThat(diagram("work_unit", "mermaid"))
                .contains("  n_WU_281 -->|\"TOUCHES\"| n_Handler_java\n")
                .contains("  n_BUG_ARCH_014 -->|\"CAUSED_BY\"| n_ADR_002\n");
    }

    @Test
    void capsAPictureWithOneMoreBoxThatCountsTheRest() {
        Cli run = Cli.onTestStore(
                repo,
                "picture",
                "neighbors",
                "architecture:module:" + AUTH + "Handler.java",
                "--depth",
                "2",
                "--max-boxes",
                "5",
                "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode answer = JSON.readTree(run.out());
        int more = answer.get("more").asInt();
        assertThat(answer.get("boxes").asInt()).isEqualTo(5);
        assertThat(more).isEqualTo(answer.get("total").asInt() - 4);
        assertThat(answer.get("diagram").asString())
                .contains("more>\"+" + more + " more\"]")
                .contains("%% " + more + " more not drawn");
    }

    @Test
    void everyFormatDrawsTheSameBoxesAndArrowsAndTwoRunsWriteTheSameText() {
        answers.forEach((subject, byFormat) -> {
            assertThat(byFormat.values().stream()
                            .map(a -> a.get("boxes").asInt())
                            .distinct())
                    .as(subject)
                    .hasSize(1);
            assertThat(byFormat.values().stream()
                            .map(a -> a.get("edges").asInt())
                            .distinct())
                    .as(subject)
                    .hasSize(1);
            assertThat(byFormat.get("mermaid").get("indexed_commit").asString()).hasSize(40);
        });
        List<String> args = new ArrayList<>(List.of("picture"));
        args.addAll(SUBJECTS.get("work_unit"));
        Cli again = Cli.onTestStore(repo, args.toArray(String[]::new));
        assertThat(again.out()).isEqualTo(diagram("work_unit", "mermaid"));
    }

    @Test
    void everyGraphMlIsWellFormed() throws Exception {
        for (String subject : SUBJECTS.keySet()) {
            Document doc = graphMl(diagram(subject, "graphml"));
            assertThat(doc.getElementsByTagNameNS(GRAPHML, "edge").getLength())
                    .as(subject)
                    .isEqualTo(answers.get(subject).get("graphml").get("edges").asInt());
        }
    }

    @Test
    void dotAndMermaidReadEveryDiagramWhereInstalled() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("texts"));
        List<String> mermaid = new ArrayList<>();
        boolean dot = Tools.onPath("dot");
        for (String subject : SUBJECTS.keySet()) {
            Path m = dir.resolve(subject + ".mmd");
            Files.writeString(m, diagram(subject, "mermaid"));
            mermaid.add(m.toString());
            if (dot) {
                Path d = dir.resolve(subject + ".dot");
                Files.writeString(d, diagram(subject, "dot"));
                Tools.Run run = Tools.run(List.of(
                        "dot", "-Tsvg", "-o", dir.resolve(subject + ".svg").toString(), d.toString()));
                assertThat(run.code()).as(subject + ": " + run.output()).isZero();
            }
        }
        Path script =
                Path.of("..", "bench", "picture-parse.mjs").toAbsolutePath().normalize();
        String modules = System.getenv().getOrDefault("MERMAID_DIR", "/tmp/mmd");
        if (Tools.onPath("node") && Files.isDirectory(Path.of(modules, "node_modules", "mermaid"))) {
            List<String> command = new ArrayList<>(List.of("node", script.toString()));
            command.addAll(mermaid);
            Tools.Run run = Tools.run(command);
            assertThat(run.code()).as(run.output()).isZero();
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(
                dot, "dot is not installed: only the Mermaid texts were parsed, if node was");
    }

    @Test
    void anArgumentOfAnotherSubjectIsAUsageErrorNamingIt() {
        Cli run = Cli.onTestStore(
                repo, "picture", "neighbors", "architecture:module:" + AUTH + "Handler.java", "--package", "com.acme");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'package' belongs to subject=dependencies");
    }

    /** External tools, found on the PATH. */
    static final class Tools {
        record Run(int code, String output) {}

        static boolean onPath(String tool) {
            for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) {
                    return true;
                }
            }
            return false;
        }

        static Run run(List<String> command) throws Exception {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Run(-1, out + " (timed out)");
            }
            return new Run(p.exitValue(), out);
        }
    }
}
