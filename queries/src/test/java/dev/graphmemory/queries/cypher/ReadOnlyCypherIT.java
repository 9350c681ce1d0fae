package dev.graphmemory.queries.cypher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphmemory.queries.schema.Keys;
import dev.graphmemory.queries.testkit.TestNeo4j;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.summary.ResultSummary;

/**
 * {@link ReadOnlyCypher} on a Neo4j that, like an external server graph-memory does not configure,
 * lets {@code LOAD CSV} read any file: the policy alone keeps a caller's query inside the graph,
 * and the plan check refuses on its own what the text check would have caught first.
 */
class ReadOnlyCypherIT {
    private static final String REPO = TestNeo4j.newRepoKey();
    private static final String OTHER = TestNeo4j.newRepoKey();

    private static Driver driver;

    @TempDir
    static Path tmp;

    private static Path secret;

    @BeforeAll
    static void createGraph() throws Exception {
        driver = TestNeo4j.driver();
        secret = Files.writeString(tmp.resolve("secret.csv"), "the-planted-secret-4711\n");
        try (Session session = driver.session()) {
            for (String repo : List.of(REPO, OTHER)) {
                session.run(
                                "CREATE (:" + Keys.STATE_LABEL + " {repo: $repo, complete: true})"
                                        + " CREATE (:Entity:Module {repo: $repo, id: 'architecture:module:a.py',"
                                        + " path: 'a.py'})",
                                Map.of("repo", repo))
                        .consume();
            }
        }
    }

    private static ReadOnlyCypher cypher() {
        return new ReadOnlyCypher(driver, REPO);
    }

    @Test
    void thisNeo4jWouldReadTheFileItself() {
        try (Session session = driver.session()) {
            String row = session.run(
                            "LOAD CSV FROM $url AS l RETURN l[0] AS v",
                            Map.of("url", secret.toUri().toString()))
                    .single()
                    .get("v")
                    .asString();
            assertThat(row).isEqualTo("the-planted-secret-4711");
        }
    }

    @Test
    void refusesLoadCsvWhateverTheSpelling() {
        for (String q : List.of(
                "LOAD CSV FROM '" + secret.toUri() + "' AS l RETURN l",
                "load/**/csv FROM $u AS l RETURN l",
                "MATCH (n) WITH n LIMIT 1 LOAD CSV FROM $u AS l RETURN l")) {
            assertThatThrownBy(() -> cypher().run(q, Map.of("u", secret.toUri().toString()), 10))
                    .as(q)
                    .isInstanceOf(QueryRefusedException.class)
                    .hasMessageContaining("LOAD CSV")
                    .hasMessageNotContaining("the-planted-secret");
        }
    }

    @Test
    void thePlanCheckRefusesOnItsOwnWhatTheTextCheckCatchesFirst() {
        Map<String, String> refused = Map.of(
                "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l", "LOAD CSV",
                "SHOW TRANSACTIONS", "ShowTransactions",
                "TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "TerminateTransactions",
                "SHOW SETTINGS", "ShowSettings",
                "CALL dbms.components()", "CALL dbms.components is not allowed",
                "CALL db.info()", "CALL db.info is not allowed",
                "SHOW USERS", "administration",
                "MATCH (n) CALL { WITH n CALL db.clearQueryCaches() YIELD value RETURN value } RETURN n",
                        "CALL db.clearQueryCaches is not allowed",
                "CREATE (n:Scratch)", "read-only");
        refused.forEach((q, message) -> {
            ResultSummary explained;
            try (Session session = driver.session()) {
                explained = session.run("EXPLAIN " + q).consume();
            }
            assertThatThrownBy(() -> PlanCheck.check(explained))
                    .as(q)
                    .isInstanceOf(QueryRefusedException.class)
                    .hasMessageContaining(message)
                    .hasMessageContaining("graph_query runs one read-only query");
        });
        try (Session session = driver.session()) {
            PlanCheck.check(session.run("EXPLAIN CALL db.labels() YIELD label RETURN label")
                    .consume());
            PlanCheck.check(session.run("EXPLAIN MATCH (n) RETURN n LIMIT 1").consume());
        }
    }

    @Test
    void readsRunAndAQueryWithoutRepoIsToldOtherRepositoriesAreVisible() {
        ReadOnlyCypher.Result scoped = cypher().run("MATCH (m:Module {repo: $repo}) RETURN m.path AS p", Map.of(), 10);
        assertThat(scoped.rows()).containsExactly(Map.of("p", "a.py"));
        assertThat(scoped.scope()).isNull();

        ReadOnlyCypher.Result unscoped = cypher().run(
                        "MATCH (m:Module) WHERE m.repo IN [$a, $b] RETURN m.path AS p",
                        Map.of("a", REPO, "b", OTHER),
                        10);
        assertThat(unscoped.rows()).hasSize(2);
        assertThat(unscoped.scope()).contains("other repositor").contains("{repo: $repo}");
    }

    @Test
    void repoCannotBeRebound() {
        assertThatThrownBy(() -> cypher().run("MATCH (m:Module {repo: $repo}) RETURN m", Map.of("repo", OTHER), 10))
                .isInstanceOf(QueryRefusedException.class)
                .hasMessageContaining("params.repo is reserved");
        assertThat(cypher().run("MATCH (m:Module {repo: $repo}) RETURN m.path AS p", Map.of("repo", REPO), 10)
                        .rows())
                .hasSize(1);
    }
}
