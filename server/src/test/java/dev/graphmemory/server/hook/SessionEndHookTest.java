package dev.graphmemory.server.hook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphmemory.server.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SessionEndHookTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path repo;

    private Path settings() {
        return repo.resolve(".claude/settings.json");
    }

    @Test
    void addsTheHookToANewSettingsFileAndRemovesTheFileWithIt() throws Exception {
        SessionEndHook hook = new SessionEndHook(repo, "/opt/gm/graph-memory");
        hook.install();
        JsonNode entry = JSON.readTree(Files.readString(settings()))
                .get("hooks")
                .get("SessionEnd")
                .get(0)
                .get("hooks")
                .get(0);
        assertThat(entry.get("type").asString()).isEqualTo("command");
        assertThat(entry.get("command").asString())
                .isEqualTo("nohup '/opt/gm/graph-memory' --repo \"$CLAUDE_PROJECT_DIR\" reindex </dev/null >/dev/null"
                        + " 2>&1 & # graph-memory session-end");
        assertThat(hook.installed()).isTrue();

        assertThat(hook.uninstall()).isTrue();
        assertThat(settings()).doesNotExist();
        assertThat(hook.uninstall()).isFalse();
    }

    @Test
    void keepsWhatTheFileHoldsAndInstallsOnceHoweverOftenAsked() throws Exception {
        Files.createDirectories(settings().getParent());
        String mine = "{\"permissions\": {\"allow\": [\"Bash(ls)\"]}, \"hooks\": {\"SessionEnd\": [{\"hooks\":"
                + " [{\"type\": \"command\", \"command\": \"echo bye\"}]}], \"Stop\": []}}";
        Files.writeString(settings(), mine);
        SessionEndHook hook = new SessionEndHook(repo, "/opt/gm/graph-memory");
        hook.install();
        hook.install();
        JsonNode after = JSON.readTree(Files.readString(settings()));
        assertThat(after.get("hooks").get("SessionEnd")).hasSize(2);
        assertThat(after.get("permissions").toString()).isEqualTo("{\"allow\":[\"Bash(ls)\"]}");

        hook.uninstall();
        assertThat(JSON.readTree(Files.readString(settings()))).isEqualTo(JSON.readTree(mine));
    }

    @Test
    void aBrokenFileIsNamedAndLeftAsItWas() throws Exception {
        Files.createDirectories(settings().getParent());
        Files.writeString(settings(), "{\"hooks\": [");
        SessionEndHook hook = new SessionEndHook(repo, "/opt/gm/graph-memory");
        assertThatThrownBy(hook::install)
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("settings.json is not valid JSON");
        assertThat(settings()).hasContent("{\"hooks\": [");
    }
}
