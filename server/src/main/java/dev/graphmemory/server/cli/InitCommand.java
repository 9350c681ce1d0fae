package dev.graphmemory.server.cli;

import dev.graphmemory.server.config.GraphMemoryConfig;
import dev.graphmemory.server.hook.HookInstaller;
import dev.graphmemory.server.hook.SessionEndHook;
import dev.graphmemory.server.store.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code graph-memory init}: set a repository up in one step. Indexes it, installs the git hooks and
 * the Claude Code {@code SessionEnd} hook ({@link SessionEndHook}), writes or updates the project's {@code .mcp.json} (other servers there are kept), and prints the
 * {@code claude mcp add} line for set-ups without a project file.
 */
@Command(
        name = "init",
        mixinStandardHelpOptions = true,
        description = "Install the git hooks, register the MCP server in .mcp.json (keeping the servers already"
                + " there), index the repository and print the `claude mcp add` line.")
final class InitCommand implements Callable<Integer> {
    static final String SERVER_NAME = "graph-memory";

    @ParentCommand
    GraphMemoryCommand parent;

    @Override
    public Integer call() {
        Path root = parent.store.root();
        GraphMemoryConfig config = GraphMemoryConfig.load(root);
        String launcher = HookCommand.launcherCommand();
        Path mcpJson = root.resolve(".mcp.json");
        ObjectNode project = readMcpJson(mcpJson); // fails before anything changes when the file is broken
        SessionEndHook sessionEnd = new SessionEndHook(root, launcher);
        sessionEnd.check(); // so does a broken .claude/settings.json
        new HookInstaller(root, launcher).install();
        parent.out.println("1. git hooks installed in " + new HookInstaller(root, launcher).hooksDir()
                + " (post-commit, post-merge, post-checkout, post-rewrite)");
        parent.out.println("   Claude Code SessionEnd hook in " + sessionEnd.install()
                + " (a session that made no commit is counted when it ends; `hook uninstall` removes it)");
        ObjectNode servers =
                project.has("mcpServers") && project.get("mcpServers").isObject()
                        ? (ObjectNode) project.get("mcpServers")
                        : project.putObject("mcpServers");
        ObjectNode server = servers.putObject(SERVER_NAME);
        server.put("command", launcher);
        ArrayNode args = server.putArray("args");
        args.add("--repo").add(".").add("serve");
        try {
            Files.writeString(
                    mcpJson,
                    JsonMapper.builder()
                                    .enable(SerializationFeature.INDENT_OUTPUT)
                                    .build()
                                    .writeValueAsString(project)
                            + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("cannot write " + mcpJson + ": " + e.getMessage(), e);
        }
        parent.out.println("2. " + mcpJson + ": server '" + SERVER_NAME + "' registered (" + (servers.size() - 1)
                + " other servers kept)");
        // Indexed last, so the files written above are part of the working tree the index saw and the
        // first answers are not stamped stale because of them.
        parent.out.println(
                "3. " + DaemonIndex.index(parent.store, root, config, false).oneLine());
        parent.out.println("For other set-ups (user scope, another client):");
        parent.out.println("   claude mcp add " + SERVER_NAME + " -- " + shellQuote(launcher) + " --repo "
                + shellQuote(root.toString()) + " serve");
        return 0;
    }

    private static ObjectNode readMcpJson(Path file) {
        JsonMapper json = JsonMapper.builder().build();
        if (!Files.exists(file)) {
            return json.createObjectNode();
        }
        try {
            JsonNode tree = json.readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                return json.createObjectNode();
            }
            if (!(tree instanceof ObjectNode object)) {
                throw new StoreException(
                        file + " must hold a JSON object like {\"mcpServers\": {...}}; it was left" + " unchanged");
            }
            if (object.has("mcpServers") && !object.get("mcpServers").isObject()) {
                throw new StoreException(file + ": \"mcpServers\" must be an object of servers; it was left unchanged");
            }
            return object;
        } catch (IOException | JacksonException e) {
            throw new StoreException(
                    file + " is not valid JSON (" + e.getMessage() + "); fix it or remove it, it was left unchanged",
                    e);
        }
    }

    private static String shellQuote(String s) {
        return s.matches("[A-Za-z0-9_./=:@+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
