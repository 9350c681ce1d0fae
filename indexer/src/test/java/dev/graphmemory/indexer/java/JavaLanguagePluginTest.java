package dev.graphmemory.indexer.java;

import static dev.graphmemory.indexer.java.JavaFixture.classId;
import static dev.graphmemory.indexer.java.JavaFixture.moduleId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.graphmemory.indexer.model.FileResult;
import dev.graphmemory.indexer.model.NodeRow;
import dev.graphmemory.queries.schema.NodeType;
import dev.graphmemory.queries.schema.RelType;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JavaLanguagePluginTest {
    private final JavaLanguagePlugin plugin = new JavaLanguagePlugin();

    @Test
    void acceptsJavaSourcesAndWantsServiceFiles() {
        assertThat(plugin.language()).isEqualTo("java");
        assertThat(plugin.accepts("src/main/java/a/B.java")).isTrue();
        assertThat(plugin.accepts("src/main/java/a/B.kt")).isFalse();
        assertThat(plugin.accepts("README.java.md")).isFalse();
        assertThat(plugin.wantsResource("src/main/resources/META-INF/services/com.acme.Spi"))
                .isTrue();
        assertThat(plugin.wantsResource("META-INF/services/com.acme.Spi")).isTrue();
        // a manifest may name a Main-Class; other META-INF files name nothing to load
        assertThat(plugin.wantsResource("src/main/resources/META-INF/MANIFEST.MF"))
                .isTrue();
        assertThat(plugin.wantsResource("src/main/resources/META-INF/LICENSE.txt"))
                .isFalse();
    }

    @Test
    void moduleNodeComesFirstWithItsProperties() {
        String text = """
                package com.acme.auth;

                public class Handler {}
                """;
        FileResult result = plugin.parse("src/main/java/com/acme/auth/Handler.java", text, "abc123");

        assertThat(result.parseOk()).isTrue();
        assertThat(result.problem()).isNull();
        NodeRow module = result.nodes().get(0);
        assertThat(module.types()).containsExactly(NodeType.MODULE);
        assertThat(module.id()).isEqualTo(moduleId("src/main/java/com/acme/auth/Handler.java"));
        assertThat(module.properties())
                .containsExactly(
                        entry("name", "Handler.java"),
                        entry("path", "src/main/java/com/acme/auth/Handler.java"),
                        entry("language", "java"),
                        entry("package", "com.acme.auth"),
                        entry("lines", 3),
                        entry("hash", "abc123"),
                        entry("is_test", false),
                        entry("parse_ok", true));
        assertThat(result.edges())
                .extracting(e -> e.type() + " " + e.fromId() + " " + e.toId())
                .containsExactly("DECLARES " + module.id() + " " + classId("com.acme.auth.Handler"));
    }

    @Test
    void defaultPackageIsEmptyAndLinesCountALastLineWithoutNewline() {
        FileResult result = plugin.parse("Main.java", "class Main {\n}", "h");
        assertThat(result.nodes().get(0).properties())
                .contains(entry("package", ""), entry("lines", 2), entry("name", "Main.java"));
        assertThat(result.nodes().get(1).key()).isEqualTo("Main");
    }

    @ParameterizedTest
    @CsvSource({
        "src/test/java/a/Helper.java, true",
        "module/src/test/java/a/Helper.java, true",
        "src/main/java/a/HandlerTest.java, true",
        "src/main/java/a/HandlerTests.java, true",
        "src/main/java/a/HandlerIT.java, true",
        "src/main/java/a/TestSupport.java, true",
        "src/main/java/a/Testament.java, false",
        "src/main/java/a/Handler.java, false",
        "src/main/java/a/Contest.java, false",
    })
    void recognisesTestModulesByPathAndName(String path, boolean test) {
        FileResult result = plugin.parse(path, "package a; class X {}", "h");
        assertThat(result.nodes().get(0).properties()).containsEntry("is_test", test);
        assertThat(((JavaFacts) result.facts()).test()).isEqualTo(test);
    }

    @ParameterizedTest
    @CsvSource({
        "import org.junit.jupiter.api.Test;, true",
        "import static org.junit.Assert.*;, true",
        "import org.testng.annotations.*;, true",
        "import java.util.List;, false",
    })
    void recognisesTestModulesByTheirImports(String importLine, boolean test) {
        FileResult result =
                plugin.parse("src/main/java/a/Checks.java", "package a;\n" + importLine + "\nclass Checks {}", "h");
        assertThat(result.nodes().get(0).properties()).containsEntry("is_test", test);
    }

    @Test
    void parsesFromManyThreadsAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<FileResult>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String name = "C" + i;
                String text = "package p; class " + name + " { void m" + i + "() { other(); } }";
                futures.add(pool.submit(() -> plugin.parse("p/" + name + ".java", text, "h")));
            }
            for (int i = 0; i < futures.size(); i++) {
                FileResult r = futures.get(i).get();
                assertThat(r.parseOk()).isTrue();
                assertThat(r.nodes())
                        .extracting(NodeRow::key)
                        .containsExactly("p/C" + i + ".java", "p.C" + i, "p.C" + i + "#m" + i + "()");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void declaresEdgesGoFromModuleToTopLevelClassesAndFromClassesToMembers() {
        JavaFixture fixture = new JavaFixture().file("p/A.java", """
                package p;
                class A {
                    A() {}
                    void run() {}
                    static class B {
                        void go() {}
                    }
                }
                class Z {}
                """);
        assertThat(fixture.edges(RelType.DECLARES))
                .containsExactlyInAnyOrder(
                        "p/A.java -> p.A",
                        "p/A.java -> p.Z",
                        "p.A -> p.A.B",
                        "p.A -> p.A#A()",
                        "p.A -> p.A#run()",
                        "p.A.B -> p.A.B#go()");
    }
}
