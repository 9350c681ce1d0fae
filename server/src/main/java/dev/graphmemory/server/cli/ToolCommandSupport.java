package dev.graphmemory.server.cli;

import dev.graphmemory.server.config.GraphMemoryConfig;
import dev.graphmemory.server.mcp.GraphTools;
import dev.graphmemory.server.mcp.McpServerFactory;
import dev.graphmemory.server.mcp.RowsText;
import dev.graphmemory.server.mcp.Staleness;
import dev.graphmemory.server.mcp.StoreHandle;
import dev.graphmemory.server.mcp.ToolDef;
import dev.graphmemory.server.store.GraphStore;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs an MCP tool from the command line: the same handler, so {@code --json} prints exactly the
 * tool's {@code structuredContent}. A caller's mistake prints the tool's message on stderr and
 * exits 2 (usage); an internal failure exits 1.
 */
final class ToolCommandSupport {
    private ToolCommandSupport() {}

    static int run(
            GraphMemoryCommand parent,
            String tool,
            Map<String, Object> arguments,
            boolean json,
            Consumer<Map<String, Object>> text) {
        return run(parent, tool, json, text, (tools, stamps) -> {
            ToolDef def = tools.all().stream()
                    .filter(t -> t.name().equals(tool))
                    .findFirst()
                    .orElseThrow();
            return McpServerFactory.invoke(def, arguments, stamps);
        });
    }

    /** Computes an answer from the open store's tools and the stamp source. */
    interface Answerer {
        Map<String, Object> answer(GraphTools tools, McpServerFactory.StampSource stamps);
    }

    static int run(
            GraphMemoryCommand parent,
            String command,
            boolean json,
            Consumer<Map<String, Object>> text,
            Answerer answerer) {
        return run(parent, command, json, text, answerer, answer -> 0);
    }

    /** Like the above, with the exit code of a successful answer chosen by {@code exitCode}. */
    static int run(
            GraphMemoryCommand parent,
            String command,
            boolean json,
            Consumer<Map<String, Object>> text,
            Answerer answerer,
            java.util.function.ToIntFunction<Map<String, Object>> exitCode) {
        Path root = parent.store.root();
        GraphMemoryConfig config = GraphMemoryConfig.load(root);
        try (GraphStore store = parent.store.open(root, config)) {
            GraphTools tools = new GraphTools(StoreHandle.of(store));
            Staleness staleness = new Staleness(root);
            Map<String, Object> answer;
            try {
                answer = answerer.answer(tools, () -> tools.stamp(staleness));
            } catch (RuntimeException e) {
                if (McpServerFactory.isCallerMistake(e)) {
                    parent.err().println("graph-memory: " + e.getMessage());
                    return 2;
                }
                throw e;
            }
            if (json) {
                parent.out.println(JsonMapper.builder()
                        .enable(SerializationFeature.INDENT_OUTPUT)
                        .build()
                        .writeValueAsString(answer));
            } else {
                text.accept(answer);
                if (Boolean.TRUE.equals(answer.get("stale"))) {
                    parent.err().println("graph-memory: stale: " + answer.get("stale_reason"));
                }
            }
            return exitCode.applyAsInt(answer);
        }
    }

    /** Prints rows one a line, as the MCP tools' text content shows them ({@link RowsText}). */
    static void printRows(GraphMemoryCommand parent, Map<String, Object> answer) {
        Map<String, Object> shown = new LinkedHashMap<>(answer);
        // The stamp goes to stderr when it matters (stale), the cursor to its own line below.
        shown.keySet().removeAll(List.of("indexed_commit", "stale", "stale_reason", "next_cursor"));
        parent.out.print(RowsText.render(shown));
        if (answer.get("next_cursor") != null) {
            parent.out.println("more: repeat with --cursor " + answer.get("next_cursor"));
        }
    }
}
