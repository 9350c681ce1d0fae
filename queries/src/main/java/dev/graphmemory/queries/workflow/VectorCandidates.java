package dev.graphmemory.queries.workflow;

import dev.graphmemory.queries.graph.RepoGraph;
import dev.graphmemory.queries.schema.GraphSchema;
import dev.graphmemory.queries.schema.Keys;
import dev.graphmemory.queries.schema.NodeType;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds candidate work units and bugs for a proposal in Neo4j's vector index ({@value
 * GraphSchema#VECTOR_INDEX}) over the embeddings the indexer stores: the reports nearest in meaning,
 * whatever words they use, so a paraphrase the full-text index misses still reaches the scorer.
 *
 * <p>The search is filtered by repository inside the index ({@code WITH [n.repo]}), so another
 * repository's reports never crowd out this one's. A server without the index (an older Neo4j, or
 * one where creating it failed) answers with an error; the finder then keeps the full-text
 * candidates alone, and says so once in the log.
 */
final class VectorCandidates {
    private static final Logger LOG = LoggerFactory.getLogger(VectorCandidates.class);
    private static final String CYPHER = "CYPHER 25 MATCH (n:" + Keys.ENTITY_LABEL + ")"
            + " SEARCH n IN (VECTOR INDEX " + GraphSchema.VECTOR_INDEX + " FOR $vector WHERE n.repo = $repo"
            + " LIMIT $limit) SCORE AS score"
            + " WITH n, score WHERE (n:" + NodeType.WORK_UNIT.label() + " OR n:" + NodeType.BUG.label() + ")"
            + " AND n." + Keys.EMBEDDING_MODEL + " = $model"
            + " RETURN n.id AS id ORDER BY score DESC";
    private static volatile boolean warned;

    private final RepoGraph graph;

    VectorCandidates(RepoGraph graph) {
        this.graph = graph;
    }

    /** The ids of the nearest items to {@code vector}, nearest first; empty when the index cannot answer. */
    List<String> find(float[] vector, int limit) {
        try {
            return graph
                    .read(
                            CYPHER,
                            Map.of(
                                    "vector",
                                    Embeddings.values(vector),
                                    "limit",
                                    (long) limit,
                                    "model",
                                    Embeddings.MODEL))
                    .stream()
                    .map(r -> r.get("id").asString())
                    .toList();
        } catch (Neo4jException e) {
            if (!warned) {
                warned = true;
                LOG.warn(
                        "vector index {} cannot answer, duplicate candidates come from the full-text index alone: {}",
                        GraphSchema.VECTOR_INDEX,
                        e.getMessage());
            }
            return List.of();
        }
    }
}
