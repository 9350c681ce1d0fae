package dev.graphmemory.server.store;

import org.neo4j.driver.Driver;

/**
 * Where the graph lives, behind one small interface: an embedded Neo4j this process owns, one
 * another graph-memory process owns and shares over Bolt, or an external Neo4j server or cluster.
 * Everything reads and writes through {@link #driver()}, so the rest of graph-memory does not know
 * which.
 */
public interface GraphStore extends AutoCloseable {
    /** The driver to read and write with. */
    Driver driver();

    /** The repository key that scopes this repository's nodes in the database. */
    String repoKey();

    /** A short human description, e.g. {@code embedded Neo4j at /r/.graph-memory (bolt://127.0.0.1:41234)}. */
    String describe();

    /** False when the process serving the store is known to be gone (then the store is reopened). */
    default boolean alive() {
        return true;
    }

    /** Closes the driver and, for an owned store, shuts the database down. */
    @Override
    void close();
}
