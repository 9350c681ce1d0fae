package dev.graphmemory.queries.graph;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;

/**
 * The one way graph-memory opens driver sessions, so that a routing URI ({@code neo4j://}) against
 * a cluster sends work where it belongs.
 *
 * <p>Design notes. Every unit of work runs in a managed transaction ({@code executeRead} goes to a
 * reader, {@code executeWrite} to the leader, both retried on transient cluster errors); a
 * session's default access mode decides only where its auto-commit statements go, which here are
 * the schema statements of {@code GraphSchema} (DDL runs on the leader, in auto-commit as Neo4j
 * expects for schema commands). All sessions share the driver's bookmark manager, so a read that
 * follows a write in the same process (an index run then its stats, {@code record_knowledge} then
 * {@code graph_find}) sees that write even when a follower serves it. On a single server all of
 * this costs nothing.
 */
public final class Sessions {
    private Sessions() {}

    /** A session for reading: managed reads, auto-commit statements to a reader. */
    public static Session read(Driver driver) {
        return driver.session(config(driver, AccessMode.READ));
    }

    /** A session for writing and for schema statements: auto-commit statements go to the leader. */
    public static Session write(Driver driver) {
        return driver.session(config(driver, AccessMode.WRITE));
    }

    private static SessionConfig config(Driver driver, AccessMode mode) {
        return SessionConfig.builder()
                .withDefaultAccessMode(mode)
                .withBookmarkManager(driver.executableQueryBookmarkManager())
                .build();
    }
}
