package dev.graphmemory.queries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphmemory.queries.schema.GraphSchema;
import dev.graphmemory.queries.testkit.TestNeo4j;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.ClientException;

@ExtendWith(TestNeo4j.class)
class GraphSchemaIT {

    @Test
    void schemaIsIdempotentAndIdsAreUniquePerRepository(Driver driver) {
        GraphSchema.ensure(driver);
        GraphSchema.ensure(driver);
        String repoA = TestNeo4j.newRepoKey();
        String repoB = TestNeo4j.newRepoKey();
        try (Session session = driver.session()) {
            String create = "CREATE (:Entity {repo: $repo, id: 'architecture:module:a.java'})";
            session.run(create, Map.of("repo", repoA)).consume();
            // The same id in another repository is fine: repositories share one database.
            session.run(create, Map.of("repo", repoB)).consume();
            assertThatThrownBy(() -> session.run(create, Map.of("repo", repoA)).consume())
                    .isInstanceOf(ClientException.class)
                    .hasMessageContaining("already exists");
            long indexes = session.run("SHOW INDEXES YIELD name WHERE name STARTS WITH 'gm_' RETURN count(*) AS c")
                    .single()
                    .get("c")
                    .asLong();
            assertThat(indexes).isEqualTo(GraphSchema.statements().size());
        }
    }

    @Test
    void theFullTextIndexCoversKnowledgeOnlyAndSurvivesAnotherEnsure(Driver driver) {
        GraphSchema.ensure(driver);
        String show = "SHOW FULLTEXT INDEXES YIELD name, id, labelsOrTypes WHERE name = $n RETURN id, labelsOrTypes";
        try (Session session = driver.session()) {
            var before =
                    session.run(show, Map.of("n", GraphSchema.FULLTEXT_INDEX)).single();
            assertThat(before.get("labelsOrTypes").asList(org.neo4j.driver.Value::asString))
                    .containsExactlyInAnyOrder("WorkUnit", "Bug", "Finding", "Adr", "AntiPattern");
            GraphSchema.ensure(driver);
            // The same index, not a dropped and rebuilt one (a rebuild re-reads every node).
            var after =
                    session.run(show, Map.of("n", GraphSchema.FULLTEXT_INDEX)).single();
            assertThat(after.get("id").asLong()).isEqualTo(before.get("id").asLong());
        }
    }

    @Test
    void aMissingIndexIsCreatedAgain(Driver driver) {
        GraphSchema.ensure(driver);
        String count = "SHOW INDEXES YIELD name WHERE name = 'gm_commit_sha' RETURN count(*) AS c";
        try (Session session = driver.session()) {
            session.run("DROP INDEX gm_commit_sha").consume();
            assertThat(session.run(count).single().get("c").asLong()).isZero();
            GraphSchema.ensure(driver);
            assertThat(session.run(count).single().get("c").asLong()).isEqualTo(1);
        }
    }

    @Test
    void aVectorIndexOfAnotherDefinitionIsReplacedAndTheRightOneKept(Driver driver) {
        GraphSchema.ensure(driver);
        String show = "SHOW VECTOR INDEXES YIELD name, id, properties, options WHERE name = $n"
                + " RETURN id, properties, options.indexConfig['vector.dimensions'] AS d";
        Map<String, Object> name = Map.of("n", GraphSchema.VECTOR_INDEX);
        try (Session session = driver.session()) {
            long id = session.run(show, name).single().get("id").asLong();
            GraphSchema.ensure(driver);
            assertThat(session.run(show, name).single().get("id").asLong()).isEqualTo(id);

            session.run("DROP INDEX " + GraphSchema.VECTOR_INDEX).consume();
            session.run(
                            "CREATE VECTOR INDEX " + GraphSchema.VECTOR_INDEX + " FOR (n:Entity) ON n.embedding"
                                    + " OPTIONS {indexConfig: {`vector.dimensions`: 3, `vector.similarity_function`: 'cosine'}}")
                    .consume();
            GraphSchema.ensure(driver);
            var now = session.run(show, name).single();
            assertThat(now.get("properties").asList(org.neo4j.driver.Value::asString))
                    .containsExactly("embedding", "repo");
            assertThat(now.get("d").asLong()).isEqualTo(GraphSchema.VECTOR_DIMENSIONS);
        }
    }
}
