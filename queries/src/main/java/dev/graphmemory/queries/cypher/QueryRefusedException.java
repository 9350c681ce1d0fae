package dev.graphmemory.queries.cypher;

/** A caller's Cypher cannot run here (it would write, or it does not compile); the message says why. */
public class QueryRefusedException extends RuntimeException {
    public QueryRefusedException(String message) {
        super(message);
    }
}
