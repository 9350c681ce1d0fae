package dev.graphmemory.server.hook;

import dev.graphmemory.server.store.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Claude Code {@code SessionEnd} hook in the project's {@code .claude/settings.json} that asks
 * for a reindex when a session ends, so a session that made no commit is counted too.
 *
 * <p>It is merged with what the file holds: graph-memory's entry is the one whose command carries
 * {@link #MARKER}; installing replaces it, removing takes only it out (and the {@code SessionEnd}
 * list, the {@code hooks} object and the file when nothing else is left in them). The command
 * returns at once: the reindex request runs detached, as the git hooks' does. The format is
 * Claude Code's: {@code {"hooks": {"SessionEnd": [{"hooks": [{"type": "command", "command": ...}]}]}}}.
 */
public final class SessionEndHook {
    /** A shell comment at the end of the command that tells graph-memory's entry from others. */
    static final String MARKER = "# graph-memory session-end";

    private static final String EVENT = "SessionEnd";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path settings;
    private final String launcher;

    public SessionEndHook(Path worktree, String launcher) {
        this.settings = worktree.resolve(".claude").resolve("settings.json");
        this.launcher = launcher;
    }

    /** The settings file. */
    public Path file() {
        return settings;
    }

    /** The hook's command: a detached {@code reindex} request for the project Claude Code ran in. */
    String command() {
        return "nohup " + quote(launcher) + " --repo \"$CLAUDE_PROJECT_DIR\" reindex </dev/null >/dev/null 2>&1 & "
                + MARKER;
    }

    /**
     * Reads the settings and fails, changing nothing, when they are not a JSON object: call before
     * any other step of a set-up so a broken file leaves everything as it was.
     */
    public ObjectNode check() {
        if (!Files.exists(settings)) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode tree = JSON.readTree(Files.readString(settings, StandardCharsets.UTF_8));
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                return JSON.createObjectNode();
            }
            if (!(tree instanceof ObjectNode object)
                    || object.has("hooks") && !object.get("hooks").isObject()
                    || object.path("hooks").has(EVENT)
                            && !object.path("hooks").get(EVENT).isArray()) {
                throw new StoreException(settings + " must hold a JSON object whose \"hooks\" is an object of"
                        + " lists, as Claude Code writes it; it was left unchanged");
            }
            return object;
        } catch (IOException | JacksonException e) {
            throw new StoreException(
                    settings + " is not valid JSON (" + e.getMessage()
                            + "); fix it or remove it, it was left unchanged",
                    e);
        }
    }

    /** Adds (or refreshes) graph-memory's entry; returns the file written. */
    public Path install() {
        ObjectNode root = check();
        ObjectNode hooks = root.has("hooks") ? (ObjectNode) root.get("hooks") : root.putObject("hooks");
        ArrayNode groups = hooks.has(EVENT) ? (ArrayNode) hooks.get(EVENT) : hooks.putArray(EVENT);
        removeOurs(groups);
        ObjectNode entry = groups.addObject().putArray("hooks").addObject();
        entry.put("type", "command");
        entry.put("command", command());
        entry.put("timeout", 10);
        write(root);
        return settings;
    }

    /** Takes graph-memory's entry out; returns whether there was one. */
    public boolean uninstall() {
        if (!Files.exists(settings)) {
            return false;
        }
        ObjectNode root = check();
        if (!(root.get("hooks") instanceof ObjectNode hooks) || !(hooks.get(EVENT) instanceof ArrayNode groups)) {
            return false;
        }
        if (!removeOurs(groups)) {
            return false;
        }
        if (groups.isEmpty()) {
            hooks.remove(EVENT);
        }
        if (hooks.isEmpty()) {
            root.remove("hooks");
        }
        if (root.isEmpty()) {
            try {
                Files.delete(settings);
            } catch (IOException e) {
                throw new StoreException("cannot remove " + settings + ": " + e.getMessage(), e);
            }
        } else {
            write(root);
        }
        return true;
    }

    /** Whether graph-memory's entry is there. */
    public boolean installed() {
        try {
            return check().path("hooks").path(EVENT).toString().contains(MARKER);
        } catch (StoreException e) {
            return false;
        }
    }

    /** Removes the entries whose command carries the marker, and groups left empty; whether any was. */
    private static boolean removeOurs(ArrayNode groups) {
        boolean removed = false;
        for (int g = groups.size() - 1; g >= 0; g--) {
            if (!(groups.get(g) instanceof ObjectNode group) || !(group.get("hooks") instanceof ArrayNode list)) {
                continue;
            }
            for (int i = list.size() - 1; i >= 0; i--) {
                if (list.get(i).path("command").asString("").contains(MARKER)) {
                    list.remove(i);
                    removed = true;
                }
            }
            if (list.isEmpty() && removed) {
                groups.remove(g);
            }
        }
        return removed;
    }

    private void write(ObjectNode root) {
        try {
            Files.createDirectories(settings.getParent());
            Files.writeString(
                    settings,
                    JSON.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("cannot write " + settings + ": " + e.getMessage(), e);
        }
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
