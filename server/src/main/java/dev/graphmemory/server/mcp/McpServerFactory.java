package dev.graphmemory.server.mcp;

import dev.graphmemory.queries.cypher.QueryRefusedException;
import dev.graphmemory.queries.find.ToolException;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the {@code graph-memory} MCP server over stdio from {@link ToolDef}s: each tool with a
 * title, description, input and output schema and annotations; each answer's whole content in
 * {@code structuredContent} and as text in {@code content} (JSON, or for the tools a model reads most
 * the compact lines of {@link #text}, which say the same in about half the tokens), stamped
 * with the indexed commit and staleness; a caller's mistake as a result with {@code isError}.
 */
public final class McpServerFactory {
    private static final Logger LOG = LoggerFactory.getLogger(McpServerFactory.class);
    /**
     * {@code GRAPH_MEMORY_TEXT_CONTENT=json}: every tool's text content is its serialized JSON, as the
     * MCP specification recommends for clients that read only {@code content} and parse it.
     */
    static final boolean JSON_TEXT = "json".equalsIgnoreCase(System.getenv("GRAPH_MEMORY_TEXT_CONTENT"));

    static final String INSTRUCTIONS = "graph-memory answers structural questions about this repository from a"
            + " Neo4j graph of its code (modules, classes, functions, imports, calls, entry points) and workflow"
            + " knowledge (work units, bugs, decisions, commits). Prefer one graph_find or graph_neighbors call to"
            + " reading many files. Every answer says which commit it reflects and whether it is stale.";

    private McpServerFactory() {}

    /** Builds and starts the server on the given streams. */
    public static McpSyncServer start(
            InputStream in, OutputStream out, String version, List<ToolDef> tools, StampSource stamps) {
        JsonMapper jackson = JsonMapper.builder().build();
        McpJsonMapper mapper = new JacksonMcpJsonMapper(jackson);
        SerialStdioTransportProvider transport = new SerialStdioTransportProvider(mapper, in, out);
        List<McpServerFeatures.SyncToolSpecification> specs =
                tools.stream().map(t -> spec(t, mapper, jackson, stamps)).toList();
        return McpServer.sync(transport)
                .serverInfo("graph-memory", version)
                .instructions(INSTRUCTIONS)
                .capabilities(
                        McpSchema.ServerCapabilities.builder().tools(false).build())
                .requestTimeout(Duration.ofMinutes(5))
                // Args checks arguments itself, with messages that name the argument and say how to
                // fix it; the SDK's schema validation would answer first, more blandly.
                .validateToolInputs(false)
                .tools(specs)
                .build();
    }

    /** Supplies the stamp ({@code indexed_commit}, {@code stale}) for an answer. */
    public interface StampSource {
        Map<String, Object> stamp();
    }

    private static McpServerFeatures.SyncToolSpecification spec(
            ToolDef def, McpJsonMapper mapper, JsonMapper jackson, StampSource stamps) {
        McpSchema.Tool tool = McpSchema.Tool.builder()
                .name(def.name())
                .title(def.title())
                .description(def.description())
                .inputSchema(mapper, def.inputSchema())
                .outputSchema(mapper, def.outputSchema())
                // A writing tool may replace a document (update: true): destructive, not idempotent in general.
                .annotations(new McpSchema.ToolAnnotations(
                        def.title(), def.readOnly(), def.readOnly() ? null : true, null, false, null))
                .build();
        return McpServerFeatures.SyncToolSpecification.builder()
                .tool(tool)
                .callHandler((exchange, request) -> call(def, request, jackson, stamps))
                .build();
    }

    static McpSchema.CallToolResult call(
            ToolDef def, McpSchema.CallToolRequest request, JsonMapper jackson, StampSource stamps) {
        try {
            Map<String, Object> content =
                    def.handler().call(new Args(def.name(), request.arguments(), def.arguments()));
            Map<String, Object> answer = new LinkedHashMap<>(content);
            answer.putAll(stamps.stamp());
            return McpSchema.CallToolResult.builder()
                    .structuredContent(answer)
                    .addTextContent(text(def.name(), answer, jackson))
                    .isError(false)
                    .build();
        } catch (RuntimeException e) {
            if (isCallerMistake(e)) {
                return error(e.getMessage());
            }
            LOG.error("{} failed", def.name(), e);
            return error(def.name() + " failed inside graph-memory: " + e
                    + ". This is not your input's fault; details are on the server's stderr.");
        }
    }

    /**
     * The text content of an answer: compact lines for the tools a model reads most ({@link
     * RowsText}, {@link QueryText}, {@link DuplicatesText}, {@link GapsText}), the diagram of {@link
     * PictureTool}, the serialized JSON for the rest or when {@link #JSON_TEXT}.
     */
    static String text(String tool, Map<String, Object> answer, JsonMapper jackson) {
        if (JSON_TEXT) {
            return jackson.writeValueAsString(answer);
        }
        return switch (tool) {
            case "graph_find", "graph_neighbors" -> RowsText.render(answer);
            case "graph_query" -> QueryText.render(answer);
            case "find_duplicate_work" -> DuplicatesText.render(answer, null);
            case "detect_integration_gaps" -> GapsText.render(answer);
            case PictureTool.NAME -> PictureTool.text(answer);
            case CostTool.NAME -> RowsText.render(CostTool.asRows(answer));
            default -> jackson.writeValueAsString(answer);
        };
    }

    /**
     * Runs a tool and returns its whole answer, stamped. The CLI's {@code find}, {@code neighbors} and
     * {@code query} call this too, so their {@code --json} is the tool's {@code structuredContent}.
     */
    public static Map<String, Object> invoke(ToolDef def, Map<String, Object> arguments, StampSource stamps) {
        Map<String, Object> content = def.handler().call(new Args(def.name(), arguments, def.arguments()));
        Map<String, Object> answer = new LinkedHashMap<>(content);
        answer.putAll(stamps.stamp());
        return answer;
    }

    /** Whether {@code e} is the caller's mistake (a result with isError), not a fault of ours. */
    public static boolean isCallerMistake(RuntimeException e) {
        return e instanceof ToolException
                || e instanceof QueryRefusedException
                || e instanceof IllegalArgumentException
                || e instanceof dev.graphmemory.queries.where.WhereException;
    }

    private static McpSchema.CallToolResult error(String message) {
        return McpSchema.CallToolResult.builder()
                .addTextContent(message)
                .isError(true)
                .build();
    }
}
