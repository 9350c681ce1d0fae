package dev.graphmemory.indexer.sessions;

import java.nio.file.Path;
import java.util.List;

/**
 * Where an index run looks for agent session transcripts.
 *
 * @param enabled whether sessions are indexed at all ({@code sessions.enabled} in {@code .graph-memory.yml})
 * @param claudeHome the folder that holds Claude Code's {@code projects/} (normally {@code ~/.claude}),
 *     or null for none
 * @param extraPaths further folders of transcripts ({@code sessions.paths}), absolute
 */
public record SessionSources(boolean enabled, Path claudeHome, List<Path> extraPaths) {
    /** Environment variable that replaces {@code ~/.claude} (tests point it at a temporary folder). */
    public static final String CLAUDE_HOME_ENV = "GRAPH_MEMORY_CLAUDE_HOME";

    /** No sessions: what an index run does unless told where to look. */
    public static final SessionSources NONE = new SessionSources(false, null, List.of());

    public SessionSources {
        extraPaths = List.copyOf(extraPaths);
    }

    /**
     * Claude Code's folder: {@value #CLAUDE_HOME_ENV} when set, else {@code ~/.claude}.
     */
    public static Path defaultClaudeHome() {
        String env = System.getenv(CLAUDE_HOME_ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".claude");
    }
}
