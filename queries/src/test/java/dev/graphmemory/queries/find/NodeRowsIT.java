package dev.graphmemory.queries.find;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.queries.schema.GraphSchema;
import dev.graphmemory.queries.testkit.TestNeo4j;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * The rows of {@code graph_find} and {@code graph_neighbors} on a real Neo4j, for a work unit that
 * carries an embedding as the indexer writes it: the row shows the work unit's properties and
 * never the vector, and the vector is not even fetched from the store.
 */
class NodeRowsIT {
    private static final String REPO = TestNeo4j.newRepoKey();
    private static final List<Double> VECTOR = Collections.nCopies(384, 0.05);

    private static Driver driver;

    @BeforeAll
    static void createGraph() {
        driver = TestNeo4j.driver();
        GraphSchema.ensure(driver);
        try (Session session = driver.session()) {
            session.run(
                            "CREATE (w:Entity:WorkUnit {repo: $repo, id: 'workflow:work_unit:WU-7', key: 'WU-7',"
                                    + " schema: 'workflow', type: 'work_unit', types: ['work_unit'],"
                                    + " name: 'Cache login tokens', title: 'Cache login tokens', status: 'open',"
                                    + " embedding: $vector, embedding_model: 'all-MiniLM-L6-v2-q'})"
                                    + " CREATE (w)-[:TOUCHES]->(:Entity:Module {repo: $repo,"
                                    + " id: 'architecture:module:auth/cache', key: 'auth/cache', schema: 'architecture',"
                                    + " type: 'module', types: ['module'], path: 'auth/cache', name: 'auth/cache'})",
                            Map.of("repo", REPO, "vector", VECTOR))
                    .consume();
        }
    }

    @Test
    void theProjectionLeavesTheVectorInTheStore() {
        try (Session session = driver.session()) {
            Map<String, Object> p = session.run(
                            "MATCH (n:WorkUnit {repo: $repo}) RETURN " + CompactRow.properties("n") + " AS p",
                            Map.of("repo", REPO))
                    .single()
                    .get("p")
                    .asMap();
            assertThat(p.get("embedding")).isNull();
            assertThat(p).containsEntry("title", "Cache login tokens").containsEntry("status", "open");
            // The vector is still stored: only the answer's projection leaves it out.
            assertThat(session.run(
                                    "MATCH (n:WorkUnit {repo: $repo}) RETURN size(n.embedding) AS d",
                                    Map.of("repo", REPO))
                            .single()
                            .get("d")
                            .asInt())
                    .isEqualTo(384);
        }
    }

    @Test
    void findAndNeighborsShowTheWorkUnitWithoutItsVector() {
        FindQuery.Page found = new FindQuery(driver, REPO, new PropertyKeys(driver))
                .run(new FindQuery.Request("workflow", "work_unit", null, null, null, List.of("*")));
        assertThat(found.rows()).hasSize(1);
        assertThat(found.rows().get(0))
                .containsEntry("title", "Cache login tokens")
                .doesNotContainKeys("embedding", "embedding_model");

        NeighborsQuery.Page reached = new NeighborsQuery(driver, REPO)
                .run(new NeighborsQuery.Request("architecture:module:auth/cache", "in", null, 1, null, null));
        assertThat(reached.rows()).hasSize(1);
        assertThat(reached.rows().get(0).toString())
                .contains("workflow:work_unit:WU-7")
                .contains("Cache login tokens")
                .doesNotContain("embedding");
    }
}
