package dev.graphmemory.indexer.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BuildModulesTest {
    @Test
    void namesTheSourceSetByTheFolderAfterSrcKeepingAMultiReleaseFolder() {
        Map<String, String> expected = Map.of(
                "src/main/java/org/a/A.java", "main",
                "src/test/java/org/a/ATest.java", "test",
                "src/testFixtures/java/org/a/Fixture.java", "testFixtures",
                "src/main/java21/org/a/A.java", "main/java21",
                "src/test/java21/org/a/ATest.java", "test/java21",
                "src/main/resources/a.properties", "main",
                "src/main/kotlin/A.kt", "main",
                "src/jmh/java/org/a/Bench.java", "jmh",
                "src/integrationTest/resources/it.sql", "integrationTest",
                "pom.xml", "main");
        expected.forEach(
                (path, set) -> assertThat(BuildModules.sourceSet(path)).as(path).isEqualTo(set));
        assertThat(BuildModules.sourceSet("docs/src/test/A.java")).isEqualTo("main");
    }

    @Test
    void answersFilesOutsideEveryModuleWithNothingAndReadsNothingFromAnEmptyRepository() {
        BuildModules none = BuildModules.read(new RepoFiles() {
            @Override
            public Optional<String> text(String relativePath) {
                return Optional.empty();
            }

            @Override
            public boolean isFolder(String relativePath) {
                return false;
            }
        });
        assertThat(none.modules()).isEmpty();
        assertThat(none.warnings()).isEmpty();
        assertThat(none.moduleOf("src/main/java/A.java")).isEmpty();
    }

    @Test
    void refusesAModuleThatIsNoRepositoryRelativePath() {
        assertThatThrownBy(() -> new BuildModule("a", "/abs", "maven", "pom.xml", List.of()))
                .hasMessageContaining("path '/abs' must be relative");
        assertThatThrownBy(() -> new BuildModule("a", "a", "ant", "build.xml", List.of()))
                .hasMessageContaining("tool must be 'maven' or 'gradle', given 'ant'");
        assertThat(new BuildModule("a", "lib/a", "maven", "lib/a/pom.xml", List.of()).relativize("lib/a/src/x"))
                .isEqualTo("src/x");
    }

    @Test
    void resolvesPathsWithoutLeavingTheRepository() {
        assertThat(BuildReading.resolve("services", "../core")).hasValue("core");
        assertThat(BuildReading.resolve("services", "..")).hasValue("");
        assertThat(BuildReading.resolve("", "a\\b/./c/")).hasValue("a/b/c");
        assertThat(BuildReading.resolve("services", "../../x")).isEmpty();
        assertThat(BuildReading.resolve("", "/etc")).isEmpty();
        assertThat(BuildReading.resolve("", "C:/x")).isEmpty();
    }
}
