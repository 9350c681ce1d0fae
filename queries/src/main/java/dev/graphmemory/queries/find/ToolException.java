package dev.graphmemory.queries.find;

/**
 * A caller's mistake in a query (unknown id, bad type, depth out of range): the message says what
 * was wrong and how to fix it. Tools turn it into a result with {@code isError: true}.
 */
public class ToolException extends RuntimeException {
    public ToolException(String message) {
        super(message);
    }
}
