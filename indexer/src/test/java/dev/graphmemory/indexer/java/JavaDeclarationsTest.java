package dev.graphmemory.indexer.java;

import static dev.graphmemory.indexer.java.JavaFixture.classId;
import static dev.graphmemory.indexer.java.JavaFixture.functionId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.graphmemory.indexer.model.NodeRow;
import dev.graphmemory.queries.schema.NodeType;
import java.util.List;
import org.junit.jupiter.api.Test;

class JavaDeclarationsTest {

    private static final String KINDS = """
            package com.acme;

            import picocli.CommandLine.Command;

            @Command(name = "tool")
            public abstract class Outer {
                interface Listener {}
                enum Color { RED, GREEN { void shade() {} } }
                record Point(int x, int y) {}
                @interface Marker {}
                static final class Inner {
                    class Deeper {}
                }
                void run() {
                    class Local { void ignored() {} }
                    Runnable r = new Runnable() { public void run() {} };
                }
            }
            """;

    @Test
    void emitsEveryKindOfTypeIncludingNestedOnesButNotLocalOrAnonymous() {
        JavaFixture fixture = new JavaFixture().file("src/com/acme/Outer.java", KINDS);
        List<NodeRow> classes = classes(fixture);
        assertThat(classes)
                .extracting(n -> n.key() + ":" + n.properties().get("kind"))
                .containsExactly(
                        "com.acme.Outer:class",
                        "com.acme.Outer.Listener:interface",
                        "com.acme.Outer.Color:enum",
                        "com.acme.Outer.Point:record",
                        "com.acme.Outer.Marker:annotation",
                        "com.acme.Outer.Inner:class",
                        "com.acme.Outer.Inner.Deeper:class");
        assertThat(fixture.nodeIds())
                .noneMatch(id -> id.contains("Local") || id.contains("ignored") || id.contains("shade"));
    }

    @Test
    void classNodesCarryNamesLinesModifiersAndAnnotations() {
        JavaFixture fixture = new JavaFixture().file("src/com/acme/Outer.java", KINDS);
        NodeRow outer = fixture.node(classId("com.acme.Outer"));
        assertThat(outer.properties())
                .containsExactly(
                        entry("name", "Outer"),
                        entry("qualified_name", "com.acme.Outer"),
                        entry("kind", "class"),
                        entry("path", "src/com/acme/Outer.java"),
                        entry("line_start", 5),
                        entry("line_end", 18),
                        entry("modifiers", List.of("public", "abstract")),
                        entry("annotations", List.of("Command")));
        assertThat(fixture.node(classId("com.acme.Outer.Inner")).properties())
                .containsEntry("modifiers", List.of("static", "final"))
                .containsEntry("line_start", 11)
                .containsEntry("line_end", 13);
    }

    @Test
    void functionKeysUseErasedParameterTypesVarargsAndArrays() {
        JavaFixture fixture = new JavaFixture().file("src/com/acme/auth/Handler.java", """
                package com.acme.auth;

                import java.util.*;

                public class Handler {
                    public Handler(int retries) {}
                    Handler() { this(3); }
                    public boolean login(String user, char[] password) { return true; }
                    boolean login(String user) { return false; }
                    <T extends Comparable<T>> List<T> sort(Map<String, List<T>> byName, @Deprecated final T... extra) {
                        return null;
                    }
                    void matrix(int[][] cells, String args[]) {}
                    void qualified(java.util.Map.Entry<String, Integer> e) {}
                }
                """);
        assertThat(functions(fixture))
                .extracting(NodeRow::key)
                .containsExactly(
                        "com.acme.auth.Handler#Handler(int)",
                        "com.acme.auth.Handler#Handler()",
                        "com.acme.auth.Handler#login(String,char[])",
                        "com.acme.auth.Handler#login(String)",
                        "com.acme.auth.Handler#sort(Map,T...)",
                        "com.acme.auth.Handler#matrix(int[][],String[])",
                        "com.acme.auth.Handler#qualified(java.util.Map.Entry)");

        NodeRow sort = fixture.node(functionId("com.acme.auth.Handler#sort(Map,T...)"));
        assertThat(sort.properties())
                .contains(
                        entry("name", "sort"),
                        entry("qualified_name", "com.acme.auth.Handler#sort"),
                        entry("signature", "sort(Map,T...)"),
                        entry("parameters", List.of("Map<String,List<T>> byName", "T... extra")),
                        entry("return_type", "List<T>"),
                        entry("is_constructor", false),
                        entry("line_start", 10),
                        entry("line_end", 12),
                        entry("path", "src/com/acme/auth/Handler.java"));

        NodeRow constructor = fixture.node(functionId("com.acme.auth.Handler#Handler(int)"));
        assertThat(constructor.properties())
                .contains(
                        entry("name", "Handler"),
                        entry("signature", "Handler(int)"),
                        entry("parameters", List.of("int retries")),
                        entry("modifiers", List.of("public")),
                        entry("is_constructor", true))
                .doesNotContainKey("return_type");
    }

    @Test
    void sameKeyTwiceGetsTheLineAsSuffix() {
        JavaFixture fixture = new JavaFixture().file("p/Dup.java", """
                package p;
                class Dup {
                    void m(java.util.List<String> a) {}
                    void m(java.util.List<Integer> b) {}
                }
                """);
        assertThat(functions(fixture))
                .extracting(NodeRow::key)
                .containsExactly("p.Dup#m(java.util.List)", "p.Dup#m(java.util.List)~4");
    }

    @Test
    void recordCompactConstructorTakesTheComponentsAndAnnotationsAreSimpleNames() {
        JavaFixture fixture = new JavaFixture().file("p/Range.java", """
                package p;
                record Range(int lo, int hi) {
                    Range {
                        if (lo > hi) throw new IllegalArgumentException("lo > hi");
                    }
                    @Override @javax.annotation.Nonnull
                    public String toString() { return lo + ".." + hi; }
                }
                """);
        assertThat(fixture.node(functionId("p.Range#Range(int,int)")).properties())
                .containsEntry("is_constructor", true)
                .containsEntry("parameters", List.of("int lo", "int hi"))
                .containsEntry("calls", List.of("new IllegalArgumentException"));
        assertThat(fixture.node(functionId("p.Range#toString()")).properties())
                .containsEntry("annotations", List.of("Override", "Nonnull"))
                .containsEntry("return_type", "String");
    }

    @Test
    void callsAreListedAsWrittenOnceInOrder() {
        JavaFixture fixture = new JavaFixture().file("p/Runner.java", """
                package p;
                class Runner {
                    private Helper helper;
                    void run(String[] args) throws Exception {
                        helper.prepare();
                        this.local();
                        local();
                        System.out.println("x");
                        LlmCall.complete(args);
                        new ProcessBuilder(args).start();
                        new java.util.ArrayList<String>();
                        builder().with(1).build();
                        (helper).prepare();
                        this.helper.prepare();
                        helper.prepare();
                        Runnable r = () -> lambdaCall();
                        new Thread() { public void run() { insideAnonymous(); } };
                        class Local { void m() { insideLocal(); } }
                    }
                    void local() {}
                    Runner builder() { return this; }
                }
                """);
        assertThat(fixture.node(functionId("p.Runner#run(String[])"))
                        .properties()
                        .get("calls"))
                .isEqualTo(List.of(
                        "helper.prepare",
                        "local",
                        "System.out.println",
                        "LlmCall.complete",
                        "new ProcessBuilder",
                        "start",
                        "new ArrayList",
                        "builder",
                        "with",
                        "build",
                        "prepare",
                        "lambdaCall",
                        "new Thread",
                        "insideAnonymous",
                        "insideLocal"));
    }

    @Test
    void callListStopsAtTwoHundred() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 250; i++) {
            body.append("f").append(i).append("();\n");
        }
        JavaFixture fixture = new JavaFixture().file("p/Big.java", "package p; class Big { void m() {" + body + "} }");
        Object calls = fixture.node(functionId("p.Big#m()")).properties().get("calls");
        assertThat(calls)
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(String.class))
                .hasSize(200)
                .startsWith("f0", "f1")
                .endsWith("f199");
    }

    private static List<NodeRow> classes(JavaFixture fixture) {
        return fixture.parsed().stream()
                .flatMap(r -> r.nodes().stream())
                .filter(n -> n.type() == NodeType.CLASS)
                .toList();
    }

    private static List<NodeRow> functions(JavaFixture fixture) {
        return fixture.parsed().stream()
                .flatMap(r -> r.nodes().stream())
                .filter(n -> n.type() == NodeType.FUNCTION)
                .toList();
    }
}
