package dev.graphmemory.queries.picture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShortNamesTest {
    @Test
    void aPathIsCutToItsFileNameUnlessAnotherFolderHoldsTheSameName() {
        Map<String, String> names = ShortNames.of(List.of(
                "architecture:module:server/src/main/java/a/mcp/Args.java",
                "architecture:module:server/src/main/java/a/cli/Args.java",
                "architecture:module:server/src/main/java/a/cli/Main.java"));
        assertThat(names.values()).containsExactly("mcp/Args.java", "cli/Args.java", "Main.java");
    }

    @Test
    void aQualifiedNameKeepsItsMemberWithItsLastPart() {
        Map<String, String> names = ShortNames.of(List.of(
                "architecture:function:com.acme.auth.Handler#login(String,char[])",
                "architecture:class:com.acme.auth.Handler",
                "architecture:class:com.other.Handler",
                "dev.graphmemory.server"));
        assertThat(names.values())
                .containsExactly("Handler#login(String,char[])", "auth.Handler", "other.Handler", "server");
    }

    @Test
    void namesThatDifferOnlyInTheirFullLengthAreKeptWhole() {
        Map<String, String> names = ShortNames.of(List.of("a/b", "c/a/b", "b"));
        assertThat(names.values()).containsExactly("a/b", "c/a/b", "b");
    }

    @Test
    void aModuleAtTheRootKeepsItsWholeFileName() {
        Map<String, String> names =
                ShortNames.of(List.of("architecture:module:pom.xml", "architecture:class:com.acme.Pom"));
        assertThat(names.values()).containsExactly("pom.xml", "Pom");
    }
}
