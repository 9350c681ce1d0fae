package dev.graphmemory.indexer.java;

import static dev.graphmemory.indexer.java.JavaFixture.functionId;
import static dev.graphmemory.indexer.java.JavaFixture.moduleId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.indexer.model.FileResult;
import dev.graphmemory.indexer.model.NodeRow;
import dev.graphmemory.indexer.model.NodeUpdate;
import dev.graphmemory.queries.schema.NodeType;
import dev.graphmemory.queries.schema.RelType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The whole plugin over a small picocli application under {@code fixtures/java-cli-app}. */
class JavaCliAppFixtureTest {
    private static final String CLI = "src/main/java/com/acme/cli/";
    private static final String CORE = "src/main/java/com/acme/core/";
    private static final String TEST = "src/test/java/com/acme/core/PoliteGreeterTest.java";

    private final JavaFixture app = JavaFixture.fromResources("java-cli-app");

    @Test
    void everyFileParsesAndTheCommandIsAnEntryPoint() {
        assertThat(app.parsed()).allMatch(FileResult::parseOk).hasSize(5);
        NodeRow main = app.result(CLI + "Main.java").nodes().get(0);
        assertThat(main.types()).containsExactly(NodeType.MODULE, NodeType.CLI_ENTRY);
        assertThat(main.properties())
                .containsEntry("entry_kinds", List.of("main", "picocli"))
                .containsEntry("entry_classes", List.of("com.acme.cli.Main"))
                .containsEntry("is_test", false);
        assertThat(app.result(TEST).nodes().get(0).properties()).containsEntry("is_test", true);
    }

    @Test
    void functionsListTheirCallsAsWritten() {
        assertThat(app.node(functionId("com.acme.cli.Main#call()")).properties())
                .containsEntry("calls", List.of("System.out.println", "greeter.greet"))
                .containsEntry("return_type", "Integer")
                .containsEntry("annotations", List.of("Override"));
        assertThat(app.node(functionId("com.acme.cli.Main#main(String[])")).properties())
                .containsEntry("calls", List.of("System.exit", "new CommandLine", "new Main", "execute"));
    }

    @Test
    void linksImportsInheritanceCallsTestsAndTheServiceEntry() {
        assertThat(app.edges(RelType.IMPORTS))
                .containsExactlyInAnyOrder(
                        CLI + "Main.java -> " + CORE + "Greeter.java",
                        CORE + "Greeter.java -> " + CORE + "PoliteGreeter.java",
                        CORE + "PoliteGreeter.java -> " + CORE + "Greeter.java",
                        CORE + "PoliteGreeter.java -> " + CORE + "Names.java",
                        TEST + " -> " + CORE + "PoliteGreeter.java");
        assertThat(app.edges(RelType.TESTS)).containsExactly(TEST + " -> " + CORE + "PoliteGreeter.java");
        assertThat(app.edges(RelType.IMPLEMENTS))
                .containsExactly("com.acme.core.PoliteGreeter -> com.acme.core.Greeter");
        assertThat(app.edges(RelType.CALLS))
                .containsExactlyInAnyOrder(
                        "com.acme.cli.Main#call() -> com.acme.core.Greeter#greet(String)",
                        "com.acme.core.Greeter#standard() -> com.acme.core.PoliteGreeter#PoliteGreeter(String)",
                        "com.acme.core.PoliteGreeter#greet(String) -> com.acme.core.Names#capitalise(String)",
                        "com.acme.core.PoliteGreeterTest#greetsPolitely() -> com.acme.core.PoliteGreeter#PoliteGreeter(String)",
                        "com.acme.core.PoliteGreeterTest#greetsPolitely() -> com.acme.core.PoliteGreeter#greet(String)");
        assertThat(app.updates())
                .containsExactly(new NodeUpdate(
                        moduleId(CORE + "PoliteGreeter.java"),
                        NodeType.CLI_ENTRY,
                        Map.of(
                                "entry_kinds", List.of("service_loader"),
                                "entry_classes", List.of("com.acme.core.PoliteGreeter"))));
        app.assertNoDuplicateEdges();
    }
}
