package dev.graphmemory.indexer.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.indexer.model.FileResult;
import dev.graphmemory.indexer.model.NodeRow;
import dev.graphmemory.indexer.model.NodeUpdate;
import dev.graphmemory.queries.schema.NodeType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JavaEntryPointsTest {
    private final JavaLanguagePlugin plugin = new JavaLanguagePlugin();

    private NodeRow module(String text) {
        FileResult result = plugin.parse("src/main/java/p/App.java", text, "h");
        assertThat(result.parseOk()).as("%s", result.problem()).isTrue();
        return result.nodes().get(0);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "public static void main(String[] args) {}",
                "public static void main(String... args) {}",
                "public static void main(final java.lang.String[] args) {}",
                "static void main(String[] args) {}",
                "static void main() {}",
                "void main() {}",
                "void main(String[] args) {}",
            })
    void topLevelClassWithAnyMainFormIsAnEntryPoint(String main) {
        NodeRow module = module("package p; class App { " + main + " }");
        assertThat(module.types()).containsExactly(NodeType.MODULE, NodeType.CLI_ENTRY);
        assertThat(module.properties())
                .containsEntry("entry_kinds", List.of("main"))
                .containsEntry("entry_classes", List.of("p.App"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "private static void main(String[] args) {}",
                "public static int main(String[] args) { return 0; }",
                "public static void main(String[] args, int extra) {}",
                "public static void main(int[] args) {}",
                "public static void mainly(String[] args) {}",
            })
    void methodsThatAreNotMainAreNoEntryPoint(String notMain) {
        NodeRow module = module("package p; class App { " + notMain + " }");
        assertThat(module.types()).containsExactly(NodeType.MODULE);
        assertThat(module.properties()).doesNotContainKeys("entry_kinds", "entry_classes");
    }

    @Test
    void memberClassNeedsAStaticMainWithStringArray() {
        NodeRow module = module("""
                package p;
                class App {
                    static class Instance { void main() {} }
                    static class NoArgs { static void main() {} }
                    static class Classic { public static void main(String[] args) {} }
                    interface Tool { static void main(String[] args) {} }
                }
                """);
        assertThat(module.properties())
                .containsEntry("entry_kinds", List.of("main"))
                .containsEntry("entry_classes", List.of("p.App.Classic", "p.App.Tool"));
    }

    @Test
    void picocliCommandWithMainAndSpringBootApplication() {
        NodeRow module = module("""
                package p;
                import picocli.CommandLine;
                import picocli.CommandLine.Command;
                @Command(name = "app")
                public class App {
                    public static void main(String[] args) { new CommandLine(new App()).execute(args); }
                    @CommandLine.Command(name = "sub")
                    static class Sub { public static void main(String[] args) {} }
                    @Command(name = "no-main")
                    static class NoMain {}
                    @org.springframework.boot.autoconfigure.SpringBootApplication
                    static class Web {}
                }
                """);
        assertThat(module.types()).containsExactly(NodeType.MODULE, NodeType.CLI_ENTRY);
        assertThat(module.properties())
                .containsEntry("entry_kinds", List.of("main", "picocli", "spring_boot"))
                .containsEntry("entry_classes", List.of("p.App", "p.App.Sub", "p.App.Web"));
    }

    @Test
    void factsMarkWhichTypesAreEntryPoints() {
        FileResult result = plugin.parse("src/main/java/p/App.java", """
                package p;
                class App {
                    static class Helper {}
                    static class Cli { public static void main(String[] args) {} }
                }
                """, "h");
        JavaFacts.Types types = ((JavaFacts) result.facts()).types();
        assertThat(types.names()).containsExactly("p.App", "p.App.Helper", "p.App.Cli");
        assertThat(types.entryPoints().stream().toArray()).containsExactly(2);
    }

    @Test
    void springBootApplicationAloneIsAnEntryPoint() {
        NodeRow module = module("""
                package p;
                import org.springframework.boot.autoconfigure.SpringBootApplication;
                @SpringBootApplication
                public class App {}
                """);
        assertThat(module.properties())
                .containsEntry("entry_kinds", List.of("spring_boot"))
                .containsEntry("entry_classes", List.of("p.App"));
    }

    @Test
    void serviceFilesMarkTheModulesOfTheirRepositoryImplementations() {
        JavaFixture fixture = new JavaFixture()
                .file("src/main/java/com/acme/Spi.java", "package com.acme; public interface Spi {}")
                .file("src/main/java/com/acme/impl/FastSpi.java", """
                        package com.acme.impl;
                        public class FastSpi implements com.acme.Spi {
                            public static class Nested implements com.acme.Spi {}
                        }
                        """)
                .file("src/main/resources/META-INF/services/com.acme.Spi", """
                        # providers
                        com.acme.impl.FastSpi   # the fast one

                        com.acme.impl.FastSpi$Nested
                        org.other.NotInRepo
                        """);
        assertThat(fixture.updates())
                .containsExactly(
                        new NodeUpdate(
                                JavaFixture.moduleId("src/main/java/com/acme/impl/FastSpi.java"),
                                NodeType.CLI_ENTRY,
                                Map.of(
                                        "entry_kinds",
                                        List.of("service_loader"),
                                        "entry_classes",
                                        List.of("com.acme.impl.FastSpi"))),
                        new NodeUpdate(
                                JavaFixture.moduleId("src/main/java/com/acme/impl/FastSpi.java"),
                                NodeType.CLI_ENTRY,
                                Map.of(
                                        "entry_kinds",
                                        List.of("service_loader"),
                                        "entry_classes",
                                        List.of("com.acme.impl.FastSpi.Nested"))));
    }

    @Test
    void springFactoriesAndAutoConfigurationImportsMarkTheClassesTheyName() {
        JavaFixture fixture = new JavaFixture()
                .file(
                        "src/main/java/com/acme/boot/AcmeAutoConfiguration.java",
                        "package com.acme.boot; public class AcmeAutoConfiguration {}")
                .file(
                        "src/main/java/com/acme/boot/AcmeListener.java",
                        "package com.acme.boot; public class AcmeListener {}")
                .file(
                        "src/main/java/com/acme/boot/AcmeInitializer.java",
                        "package com.acme.boot; public class AcmeInitializer {}")
                .file("src/main/java/com/acme/boot/Unlisted.java", "package com.acme.boot; public class Unlisted {}")
                .file("src/main/resources/META-INF/spring.factories", """
                        # listeners
                        org.springframework.context.ApplicationListener=com.acme.boot.AcmeListener
                        org.springframework.context.ApplicationContextInitializer=\\
                          org.other.NotInRepo,\\
                          com.acme.boot.AcmeInitializer
                        """)
                .file(
                        "src/main/resources/META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports",
                        "# auto-configurations\ncom.acme.boot.AcmeAutoConfiguration\n");
        assertThat(fixture.updates())
                .extracting(NodeUpdate::id, u -> u.properties().get("entry_kinds"), u -> u.properties()
                        .get("entry_classes"))
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                JavaFixture.moduleId("src/main/java/com/acme/boot/AcmeListener.java"),
                                List.of("spring_factories"),
                                List.of("com.acme.boot.AcmeListener")),
                        org.assertj.core.groups.Tuple.tuple(
                                JavaFixture.moduleId("src/main/java/com/acme/boot/AcmeInitializer.java"),
                                List.of("spring_factories"),
                                List.of("com.acme.boot.AcmeInitializer")),
                        org.assertj.core.groups.Tuple.tuple(
                                JavaFixture.moduleId("src/main/java/com/acme/boot/AcmeAutoConfiguration.java"),
                                List.of("spring_factories"),
                                List.of("com.acme.boot.AcmeAutoConfiguration")));
    }
}
