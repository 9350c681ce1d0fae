package dev.graphmemory.queries.where;

/**
 * A where-filter the caller can fix: an unknown property key or operator, a value of the wrong type, a
 * malformed structure, or a filter over the depth or size limit.
 *
 * <p>The message names the offending key or operator, the JSON path where it was found (for example
 * {@code $or[1].path}) and what is valid there, so a tool can hand it back to an agent as it is.
 */
public final class WhereException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String path;

    WhereException(String path, String message) {
        super(message);
        this.path = path;
    }

    /** The JSON path where the problem was found, for example {@code $or[1].path}; empty for the top level. */
    public String path() {
        return path;
    }
}
