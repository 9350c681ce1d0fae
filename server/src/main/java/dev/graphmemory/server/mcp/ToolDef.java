package dev.graphmemory.server.mcp;

import java.util.Map;
import java.util.Set;

/**
 * One MCP tool: its name, title, description, JSON schemas, whether it only reads, and its handler.
 * The handler returns the answer's content (the stamp is added by the server); a caller's mistake
 * is thrown as {@code ToolException}.
 */
public record ToolDef(
        String name,
        String title,
        String description,
        String inputSchema,
        String outputSchema,
        boolean readOnly,
        Set<String> arguments,
        Handler handler) {

    /** Runs the tool. */
    public interface Handler {
        Map<String, Object> call(Args args);
    }
}
