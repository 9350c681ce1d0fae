package dev.graphmemory.indexer.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.indexer.model.FileResult;
import dev.graphmemory.indexer.model.NodeRow;
import dev.graphmemory.queries.schema.NodeType;
import java.util.List;
import org.junit.jupiter.api.Test;

class JavaParseFailureTest {
    private final JavaLanguagePlugin plugin = new JavaLanguagePlugin();

    @Test
    void unparsableFileYieldsItsModuleWithTheFirstProblemAndLine() {
        String text = """
                package p;

                class Broken {
                    void m() {
                        int x = ;
                    }
                }
                """;
        FileResult result = plugin.parse("src/p/Broken.java", text, "h1");

        assertThat(result.parseOk()).isFalse();
        assertThat(result.problem()).startsWith("line 5: Parse error. Found \";\"");
        NodeRow module = result.nodes().get(0);
        assertThat(module.types()).containsExactly(NodeType.MODULE);
        assertThat(module.properties())
                .containsEntry("parse_ok", false)
                .containsEntry("parse_error", result.problem())
                .containsEntry("path", "src/p/Broken.java")
                .containsEntry("lines", 7)
                .containsEntry("hash", "h1");
        assertThat(result.facts()).isInstanceOf(JavaFacts.class);
    }

    @Test
    void partialTreeStillYieldsWhatCanBeRead() {
        String text = """
                package p;
                class Half {
                    void good() { helper(); }
                    void bad() { int x = ; }
                }
                """;
        FileResult result = plugin.parse("src/p/Half.java", text, "h");

        assertThat(result.parseOk()).isFalse();
        assertThat(result.nodes().get(0).properties()).containsEntry("package", "p");
        assertThat(result.nodes()).extracting(NodeRow::key).contains("p.Half", "p.Half#good()");
    }

    @Test
    void modernJavaParses() {
        String text = """
                package p;
                sealed interface Shape permits Circle, Square {}
                record Circle(double r) implements Shape {}
                record Square(double side) implements Shape {}
                class Modern {
                    int yield = 0;
                    String describe(Object o) {
                        var text = \"""
                            text block
                            \""";
                        int size = switch (o) {
                            case Circle(var r) when r > 1 -> { yield 2; }
                            case Square _ -> 1;
                            default -> yield;
                        };
                        try { return text + size; } catch (RuntimeException _) { return ""; }
                    }
                }
                """;
        FileResult result = plugin.parse("p/Modern.java", text, "h");
        assertThat(result.parseOk()).as("%s", result.problem()).isTrue();
        assertThat(result.nodes())
                .extracting(NodeRow::key)
                .contains("p.Shape", "p.Circle", "p.Square", "p.Modern#describe(Object)");
        assertThat(((JavaFacts) result.facts()).referenced()).doesNotContain("var");
    }

    @Test
    void notJavaAtAllIsReportedNotThrown() {
        FileResult result = plugin.parse("x/Garbage.java", "this is {{{ not java <<<", "h");
        assertThat(result.parseOk()).isFalse();
        assertThat(result.problem()).startsWith("line 1: ");
        assertThat(result.nodes()).hasSize(1);
    }

    @Test
    void emptyFileParsesToAModuleWithoutClasses() {
        FileResult result = plugin.parse("x/Empty.java", "", "h");
        assertThat(result.parseOk()).isTrue();
        assertThat(result.nodes()).extracting(NodeRow::key).containsExactly("x/Empty.java");
        assertThat(result.nodes().get(0).properties()).containsEntry("lines", 0);
    }

    @Test
    void hugeDeeplyNestedExpressionIsReportedNotThrown() throws InterruptedException {
        StringBuilder sum = new StringBuilder("1");
        for (int i = 0; i < 50_000; i++) {
            sum.append(" + a");
        }
        String parens = "(".repeat(20_000) + "1" + ")".repeat(20_000);
        for (String expression : List.of(sum.toString(), parens)) {
            String deep = "package p; class Deep { int a; int m() { return " + expression + "; } }";
            FileResult[] results = new FileResult[2];
            // a small stack makes the overflow certain whatever the JVM's defaults
            Thread thread = new Thread(
                    null,
                    () -> {
                        results[0] = plugin.parse("p/Deep.java", deep, "h");
                        results[1] = plugin.parse("p/Fine.java", "package p; class Fine {}", "h");
                    },
                    "small-stack",
                    256 * 1024);
            thread.start();
            thread.join();

            assertThat(results[0].parseOk()).isFalse();
            assertThat(results[0].problem()).contains("StackOverflowError");
            assertThat(results[0].nodes()).hasSize(1);
            assertThat(results[0].nodes().get(0).properties())
                    .containsEntry("parse_ok", false)
                    .containsEntry("path", "p/Deep.java");
            assertThat(results[1].parseOk())
                    .as("the same thread parses the next file")
                    .isTrue();
            assertThat(results[1].nodes()).extracting(NodeRow::key).containsExactly("p/Fine.java", "p.Fine");
        }
    }
}
