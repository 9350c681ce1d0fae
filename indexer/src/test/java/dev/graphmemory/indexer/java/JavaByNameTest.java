package dev.graphmemory.indexer.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.indexer.model.EdgeRow;
import dev.graphmemory.queries.schema.RelType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Classes loaded by name, programs started by path, and multi-release copies ({@link ByNameLinker}). */
class JavaByNameTest {
    private static final String HELPER = "src/main/java/org/example/helper/SomeExecutor.java";
    private static final String JAVA11 = "src/main/java11/org/example/helper/Java11Executor.java";
    private static final String LOADER = "src/main/java/org/example/app/Loader.java";
    private static final String RUNNER = "src/main/java/org/example/app/Runner.java";

    /** A repository whose {@code Loader.load} body returns {@code expression}. */
    private static JavaFixture loading(String expression) {
        return new JavaFixture()
                .file(HELPER, """
                        package org.example.helper;
                        class SomeExecutor { static class Inner {} }
                        """)
                .file(JAVA11, "package org.example.helper;\nclass Java11Executor {}\n")
                .file("src/main/java/org/example/Names.java", """
                        package org.example;
                        public final class Names {
                            public static final String EXECUTOR = "org.example.helper.SomeExecutor";
                            public static final String PKG = "org.example.helper";
                        }
                        """)
                .file(LOADER, """
                        package org.example.app;
                        import java.lang.invoke.MethodHandles;
                        import org.example.Names;
                        import org.springframework.util.ClassUtils;
                        import static org.example.Names.EXECUTOR;
                        class Loader {
                            static final String LOCAL = "org.example.helper.SomeExecutor";
                            static final String BUILT = Names.PKG + ".SomeExecutor";
                            static void log(String message) {}
                            static String name() { return "x"; }
                            Object load(ClassLoader loader) throws Exception {
                                String local = "org.example.helper.SomeExecutor";
                                return %s;
                            }
                        }
                        """.formatted(expression));
    }

    private static List<EdgeRow> byName(JavaFixture fixture) {
        return fixture.linked().stream()
                .filter(EdgeRow.class::isInstance)
                .map(EdgeRow.class::cast)
                .filter(e -> e.type() == RelType.IMPORTS && e.properties().containsKey(ByNameLinker.BY_NAME))
                .toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Class.forName("org.example.helper.SomeExecutor")                                      | %1$s
            Class.forName("org.example.helper.SomeExecutor", true, loader)                        | %1$s
            java.lang.Class.forName("org.example.helper.SomeExecutor")                            | %1$s
            Class.forName(LOCAL)                                                                  | %1$s
            Class.forName(EXECUTOR)                                                               | %1$s
            Class.forName(Names.EXECUTOR)                                                         | %1$s
            Class.forName(org.example.Names.EXECUTOR)                                             | %1$s
            Class.forName(BUILT)                                                                  | %1$s
            Class.forName(Names.PKG + ".SomeExecutor")                                            | %1$s
            Class.forName(local)                                                                  | %1$s
            Class.forName("org.example.helper.SomeExecutor$Inner")                                | %1$s
            loader.loadClass("org.example.helper.SomeExecutor")                                   | %1$s
            getClass().getClassLoader().loadClass("org.example.helper.SomeExecutor")              | %1$s
            Thread.currentThread().getContextClassLoader().loadClass(Names.EXECUTOR)              | %1$s
            MethodHandles.lookup().findClass("org.example.helper.SomeExecutor")                   | %1$s
            ClassUtils.forName("org.example.helper.SomeExecutor", loader)                         | %1$s
            Class.forName("org.example.helper.Java11Executor")                                    | %2$s
            """)
    void aClassLoadedByItsNameIsImportedByName(String expression, String target) {
        JavaFixture fixture = loading(expression);
        String expected = target.formatted(HELPER, JAVA11);
        assertThat(byName(fixture)).singleElement().satisfies(e -> {
            assertThat(e.fromId()).isEqualTo(JavaFixture.moduleId(LOADER));
            assertThat(e.toId()).isEqualTo(JavaFixture.moduleId(expected));
            assertThat(e.properties())
                    .containsEntry("by_name", true)
                    .containsEntry("via", "reflection")
                    .containsEntry("line", 13);
        });
        fixture.assertNoDuplicateEdges();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Class.forName(\"java.util.ArrayList\")",
                "Class.forName(\"org.example.helper.Missing\")",
                "Class.forName(\"org.example.helper.\" + System.getenv(\"IMPL\"))",
                "Class.forName(System.getProperty(\"impl\"))",
                "Class.forName(name())",
                "Class.forName(\"[Lorg.example.helper.SomeExecutor;\")",
                "Class.forName(\"org.example.helper.SomeExecutor\".substring(1))",
                "java.util.Objects.hash(\"org.example.helper.SomeExecutor\")",
                "String.valueOf(\"org.example.helper.SomeExecutor\")",
                "loader.getResource(\"org.example.helper.SomeExecutor\")",
                "new StringBuilder(\"org.example.helper.SomeExecutor\")",
            })
    void namesNotInTheRepositoryOrNotGivenToALoaderLinkNothing(String expression) {
        assertThat(byName(loading(expression))).isEmpty();
    }

    @Test
    void aParameterHidesAConstantOfTheSameName() {
        JavaFixture fixture = new JavaFixture()
                .file(HELPER, "package org.example.helper;\nclass SomeExecutor {}\n")
                .file(LOADER, """
                        package org.example.app;
                        class Loader {
                            static final String NAME = "org.example.helper.SomeExecutor";
                            Object load(String NAME) throws Exception { return Class.forName(NAME); }
                        }
                        """);
        assertThat(byName(fixture)).isEmpty();
    }

    @Test
    void aLogMessageNamingAClassLinksNothing() {
        JavaFixture fixture = loading("null");
        fixture.file("src/main/java/org/example/app/Audit.java", """
                package org.example.app;
                class Audit {
                    static final String WHAT = "org.example.helper.SomeExecutor";
                    void run() { Loader.log("starting org.example.helper.SomeExecutor"); Loader.log(WHAT); }
                }
                """);
        assertThat(byName(fixture)).isEmpty();
    }

    @Test
    void aClassTheFileImportsAlreadyIsNotLinkedTwice() {
        JavaFixture fixture = new JavaFixture()
                .file(HELPER, "package org.example.helper;\npublic class SomeExecutor {}\n")
                .file(LOADER, """
                        package org.example.app;
                        import org.example.helper.SomeExecutor;
                        class Loader {
                            SomeExecutor direct;
                            Object load() throws Exception { return Class.forName("org.example.helper.SomeExecutor"); }
                        }
                        """);
        assertThat(fixture.edgesFrom(RelType.IMPORTS, LOADER)).containsExactly(HELPER);
        assertThat(byName(fixture)).isEmpty();
    }

    @Test
    void aStaticInitializerLoadsByNameToo() {
        JavaFixture fixture = loading("null");
        fixture.file("src/main/java/org/example/app/Boot.java", """
                package org.example.app;
                class Boot {
                    private static final Class<?> IMPL;
                    static {
                        Class<?> found = null;
                        try { found = Class.forName("org.example.helper.SomeExecutor"); } catch (Exception e) { }
                        IMPL = found;
                    }
                }
                """);
        assertThat(byName(fixture))
                .extracting(EdgeRow::fromId, EdgeRow::toId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        JavaFixture.moduleId("src/main/java/org/example/app/Boot.java"), JavaFixture.moduleId(HELPER)));
    }

    /** A repository whose {@code Runner.run} body returns {@code expression}, with a Python and a JS script. */
    private static JavaFixture running(String expression) {
        return new JavaFixture()
                .module("tools/report.py")
                .module("scripts/build.js")
                .file("src/main/java/org/example/app/Scripts.java", """
                        package org.example.app;
                        public interface Scripts { String NODE_BUILD = "scripts/build.js"; }
                        """)
                .file(RUNNER, """
                        package org.example.app;
                        import java.io.File;
                        import java.nio.file.Path;
                        import java.nio.file.Paths;
                        import java.util.List;
                        class Runner implements Scripts {
                            private static final String SCRIPT = "tools/report.py";
                            private static final Path TOOLS = Path.of("tools");
                            static String name() { return "x"; }
                            Object run(Path root) throws Exception {
                                List<String> cmd = List.of("python3", SCRIPT, "--all");
                                return %s;
                            }
                        }
                        """.formatted(expression));
    }

    private static List<EdgeRow> invokes(JavaFixture fixture) {
        return fixture.linked().stream()
                .filter(EdgeRow.class::isInstance)
                .map(EdgeRow.class::cast)
                .filter(e -> e.type() == RelType.INVOKES)
                .toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            new ProcessBuilder("python3", "tools/report.py")                                          | tools/report.py  | exact
            new ProcessBuilder(List.of("python3", SCRIPT))                                            | tools/report.py  | exact
            new ProcessBuilder(cmd)                                                                   | tools/report.py  | exact
            new ProcessBuilder(new String[] {"node", "scripts/build.js"})                             | scripts/build.js | exact
            new ProcessBuilder("node", NODE_BUILD)                                                    | scripts/build.js | exact
            new ProcessBuilder("node", Scripts.NODE_BUILD).inheritIO()                                | scripts/build.js | exact
            new ProcessBuilder().command("node", "./scripts/build.js")                                | scripts/build.js | exact
            Runtime.getRuntime().exec("python3 tools/report.py --all")                                | tools/report.py  | exact
            Runtime.getRuntime().exec(new String[] {"python3", Path.of("tools", "report.py").toString()}) | tools/report.py | exact
            new ProcessBuilder("python3", Paths.get("tools", "report.py").toAbsolutePath().toString()) | tools/report.py  | exact
            new ProcessBuilder("python3", TOOLS.resolve("report.py").toString())                      | tools/report.py  | exact
            new ProcessBuilder("python3", root.resolve("tools/report.py").toString())                 | tools/report.py  | exact
            new ProcessBuilder("python3", root + File.separator + "tools/report.py")                  | tools/report.py  | exact
            new ProcessBuilder("python3", new File("tools", "report.py").getPath())                   | tools/report.py  | exact
            new ProcessBuilder("sh", "-c", "python3 tools/report.py > out.txt")                       | tools/report.py  | exact
            new ProcessBuilder("python3", "../report.py")                                             | tools/report.py  | tail
            """)
    void aProgramStartNamingARepositoryScriptInvokesIt(String expression, String script, String resolution) {
        JavaFixture fixture = running(expression);
        assertThat(invokes(fixture))
                .extracting(EdgeRow::fromId, EdgeRow::toId, e -> e.properties().get("resolution"))
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                JavaFixture.moduleId(RUNNER), JavaFixture.moduleId(script), resolution),
                        org.assertj.core.groups.Tuple.tuple(
                                JavaFixture.functionId("org.example.app.Runner#run(Path)"),
                                JavaFixture.moduleId(script),
                                resolution));
        assertThat(invokes(fixture)).allSatisfy(e -> assertThat(e.properties()).containsEntry("line", 12));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "new ProcessBuilder(\"git\", \"status\")",
                "new ProcessBuilder(\"python3\", System.getenv(\"SCRIPT\"))",
                "new ProcessBuilder(\"python3\", \"tools/missing.py\")",
                "new ProcessBuilder(\"python3\", \"/opt/tools/report.py\")",
                "new ProcessBuilder(\"python3\", \"tools/\" + name())",
                "new ProcessBuilder(\"sh\", \"scripts/deploy.sh\")",
                "java.util.Objects.hash(\"python3 tools/report.py\")",
                "new StringBuilder(\"python3 tools/report.py\")",
                "List.of(\"python3\", \"tools/report.py\")",
            })
    void startsOfUnknownOrOutsideProgramsAndLookalikeStringsInvokeNothing(String expression) {
        assertThat(invokes(running(expression))).isEmpty();
    }

    @Test
    void aMultiReleaseCopyIsImportedByItsBaseClassFile() {
        String base = "src/main/java/org/example/helper/Impl.java";
        String copy = "src/main/java11/org/example/helper/Impl.java";
        JavaFixture fixture = new JavaFixture()
                .file(base, "package org.example.helper;\npublic class Impl {}\n")
                .file(copy, "package org.example.helper;\npublic class Impl { void faster() {} }\n")
                .file("src/main/java/org/example/helper/Only.java", "package org.example.helper;\nclass Only {}\n")
                .file(
                        "src/main/java21/org/example/helper/Only21.java",
                        "package org.example.helper;\nclass Only21 { Only base; }\n");
        assertThat(byName(fixture)).singleElement().satisfies(e -> {
            assertThat(e.fromId()).isEqualTo(JavaFixture.moduleId(base));
            assertThat(e.toId()).isEqualTo(JavaFixture.moduleId(copy));
            assertThat(e.properties()).isEqualTo(Map.of("by_name", true, "via", "multi_release"));
        });
        // the multi-release tree shares the package namespace of src/main/java
        assertThat(fixture.edgesFrom(RelType.IMPORTS, "src/main/java21/org/example/helper/Only21.java"))
                .containsExactly("src/main/java/org/example/helper/Only.java");
    }
}
