package dev.graphmemory.indexer.write;

import dev.graphmemory.queries.schema.NodeType;
import dev.graphmemory.queries.schema.RelType;
import java.util.List;
import java.util.Map;

/**
 * Creates nodes and relationships in the process that holds the store, through the database's own
 * API: no Cypher to plan, no Bolt messages to encode and decode. The store daemon offers it to the
 * full runs it makes, where writing through Cypher over Bolt cost more CPU than parsing (Spring:
 * 58 CPU-s in the daemon against 48 in the indexer).
 *
 * <p>Each call is one transaction: all of its rows are created, or (it throws) none. {@link
 * GraphWriter} then writes the same rows through Cypher, which finds the rows at fault and leaves
 * only them out, so both paths store the same graph. Both calls may run on two threads at once
 * (new nodes share no lock; relationships lock their ends, and a call that Neo4j stops for a
 * deadlock throws, so its batch goes through Cypher, which retries it).
 */
public interface DirectWrites {
    /**
     * Creates one node per row, with the entity label and the labels of {@code types}; each row is
     * every stored property (as {@link GraphWriter#properties} builds it). Returns how many.
     */
    long createNodes(List<NodeType> types, List<Map<String, Object>> rows);

    /**
     * Creates one relationship per row ({@code f}, {@code t}: the ids of its ends in this run's
     * repository; {@code p}: its properties). A row whose end does not exist is left out, as a
     * Cypher {@code MATCH} would. Returns how many were created.
     */
    long createEdges(RelType type, List<Map<String, Object>> rows);

    /**
     * Applies updates to existing nodes in order, in one transaction, as {@link GraphWriter#update}
     * does through Cypher: each update's properties merged into the node's ({@link
     * GraphWriter#apply}: lists joined without duplicates, other values replaced) and its type
     * added as a label and to {@code types}. An update naming no node is skipped. Returns how many
     * were applied, or -1 when this path does not make updates (the caller uses Cypher).
     */
    default long updateNodes(List<dev.graphmemory.indexer.model.NodeUpdate> updates) {
        return -1;
    }

    /** Nodes already created got new ids (old id to new id; see {@link GraphWriter#rename}). */
    void renamed(Map<String, String> ids);

    /** Makes the writes of one run against one repository. */
    @FunctionalInterface
    interface Factory {
        DirectWrites open(String repo);

        /** The repository's bookkeeping through the same database, or null: through Cypher. */
        default dev.graphmemory.queries.graph.RepoGraph.Local local(String repo) {
            return null;
        }
    }
}
