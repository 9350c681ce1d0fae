package dev.graphmemory.indexer.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Reads a real Spring Framework checkout (read-only) when one is at {@code /work/spring} or at the
 * folder the {@code graphmemory.spring} system property names; skipped otherwise.
 */
class SpringFrameworkBuildTest {
    private static final Path SPRING = Path.of(System.getProperty("graphmemory.spring", "/work/spring"));

    @Test
    void readsEverySubprojectOfTheSpringFrameworkAndItsProjectDependencies() throws Exception {
        assumeTrue(Files.isRegularFile(SPRING.resolve("settings.gradle")), "no Spring Framework checkout at " + SPRING);

        BuildModules build = BuildModules.read(SPRING);

        List<String> included = Pattern.compile("(?m)^include \"([^\"]+)\"")
                .matcher(Files.readString(SPRING.resolve("settings.gradle")))
                .results()
                .map(m -> ":" + m.group(1))
                .toList();
        assertThat(included).hasSizeGreaterThan(20);
        assertThat(build.modules()).extracting(BuildModule::name).containsExactlyElementsOf(included);
        assertThat(build.modules())
                .allSatisfy(m -> assertThat(m.buildFile()).isEqualTo(m.path() + "/" + m.path() + ".gradle"));
        assertThat(build.warnings()).isEmpty();

        assertThat(build.module(":spring-context").orElseThrow().dependencies())
                .contains(
                        new BuildDependency(":spring-aop", "api", false),
                        new BuildDependency(":spring-beans", "api", false),
                        new BuildDependency(":spring-core", "api", false),
                        new BuildDependency(":spring-expression", "api", false),
                        new BuildDependency(":spring-core", "testImplementation", true))
                .doesNotContain(new BuildDependency(":spring-context", "api", false));
        assertThat(build.module(":spring-core").orElseThrow().dependencies()).isEmpty();

        String threads = "spring-core/src/main/java21/org/springframework/core/task/VirtualThreadDelegate.java";
        if (Files.isRegularFile(SPRING.resolve(threads))) {
            BuildModule core = build.moduleOf(threads).orElseThrow();
            assertThat(core.name()).isEqualTo(":spring-core");
            assertThat(BuildModules.sourceSet(core.relativize(threads))).isEqualTo("main/java21");
        }
        assertThat(build.moduleOf("buildSrc/build.gradle")).isEmpty();
    }
}
