package dev.graphmemory.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphmemory.indexer.sessions.SessionSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionsConfigTest {
    @TempDir
    Path root;

    @Test
    void sessionsAreReadByDefaultFromClaudeCodesFolder() {
        SessionSources s = GraphMemoryConfig.defaults().indexOptions(false).sessions();
        assertThat(s.enabled()).isTrue();
        assertThat(s.claudeHome()).isEqualTo(SessionSources.defaultClaudeHome());
        assertThat(s.extraPaths()).isEmpty();
    }

    @Test
    void theTestJvmNeverPointsAtTheRealClaudeFolder() {
        assertThat(SessionSources.defaultClaudeHome().toString()).endsWith("no-claude-home");
    }

    @Test
    void switchesOffAndAddsFoldersRelativeToTheRepository() throws Exception {
        Files.writeString(
                root.resolve(".graph-memory.yml"),
                "sessions:\n  enabled: false\n  paths: [\"../exported\", \"/abs/x\"]\n");
        GraphMemoryConfig c = GraphMemoryConfig.load(root);
        SessionSources s = c.indexOptions(false).sessions();
        assertThat(s.enabled()).isFalse();
        assertThat(s.extraPaths())
                .containsExactly(root.toAbsolutePath().getParent().resolve("exported"), Path.of("/abs/x"));
    }

    @Test
    void aSettingThatIsNotABooleanIsNamed() {
        assertThatThrownBy(() -> GraphMemoryConfig.fromMap(Map.of("sessions", Map.of("enabled", "no way")), "f.yml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("sessions.enabled must be true or false");
        assertThatThrownBy(() -> GraphMemoryConfig.fromMap(Map.of("sessions", Map.of("folders", List.of())), "f.yml"))
                .hasMessageContaining("unknown setting 'sessions.folders'");
    }
}
