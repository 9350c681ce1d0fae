package dev.graphmemory.queries.cypher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LexicalCheckTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l                         | LOAD CSV
            load csv from 'file:///etc/passwd' as l return l                         | LOAD CSV
            LOAD/**/CSV FROM 'file:///etc/passwd' AS l RETURN l                      | LOAD CSV
            // hi\\nLOAD CSV FROM 'http://127.0.0.1:1/' AS l RETURN l                 | LOAD CSV
            RETURN 1 /* ' */ LOAD CSV FROM 'file:///x' AS l RETURN l                 | LOAD CSV
            RETURN '\\'' AS a LOAD CSV FROM 'file:///x' AS l RETURN l                | LOAD CSV
            MATCH (n) CALL { LOAD CSV FROM 'file:///x' AS l RETURN l } RETURN l      | LOAD CSV
            RETURN 1\u00a0LOAD CSV FROM 'file:///x' AS l RETURN l                   | LOAD CSV
            RETURN 1\u200bLOAD CSV FROM 'file:///x' AS l RETURN l                   | LOAD CSV
            \\u004cOAD CSV FROM 'file:///x' AS l RETURN l                            | backslash
            SHOW TRANSACTIONS                                                        | SHOW
            sHoW USERS                                                               | SHOW
            TERMINATE TRANSACTIONS 'neo4j-transaction-1'                             | TERMINATE
            USE system SHOW USERS                                                    | USE
            MATCH (n) CALL { USE neo4j MATCH (m) RETURN m } RETURN n                 | USE
            PROFILE MATCH (n) RETURN n                                               | query options
            EXPLAIN MATCH (n) RETURN n                                               | query options
            CYPHER runtime=slotted MATCH (n) RETURN n                                | query options
            MATCH (n) DETACH DELETE n                                                | read-only
            CREATE (n:X)                                                             | read-only
            MATCH (n) SET n.x = 1                                                    | read-only
            GRANT ROLE admin TO neo4j                                                | read-only
            CALL dbms.components()                                                   | CALL dbms.components is not allowed
            CALL `dbms`.`listConfig`()                                               | CALL dbms.listConfig is not allowed
            CALL db . /* x */ createLabel('X')                                       | CALL db.createLabel is not allowed
            OPTIONAL CALL db.clearQueryCaches()                                      | not allowed
            CALL `db.labels`() YIELD label CALL dbms.killQueries(['x'])             | CALL dbms.killQueries
            MATCH (n) RETURN n; SHOW TRANSACTIONS                                    | one statement
            RETURN 'x                                                                | never closed
            RETURN 1 /* LOAD CSV                                                     | never closed
            RETURN `x                                                                | never closed
            """)
    void refuses(String cypher, String message) {
        String text = cypher.replace("\\n", "\n");
        assertThatThrownBy(() -> LexicalCheck.check(text))
                .isInstanceOf(QueryRefusedException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "MATCH (m:Module {repo: $repo}) RETURN m.path LIMIT 10",
                "RETURN 'LOAD CSV; SHOW USERS // x /* y' AS s;",
                "RETURN \"USE system\" AS s // LOAD CSV",
                "RETURN 1 /* SHOW TRANSACTIONS */ AS x",
                "MATCH (n) RETURN n.show, n.use, n.load, n.`set` AS `create`",
                "MATCH (n:Entity) RETURN {show: n.id, load: 1} AS m",
                "CALL db.labels() YIELD label RETURN label",
                "CALL DB.LABELS()",
                "CALL db.index.fulltext.queryNodes('gm_text', 'timeout') YIELD node RETURN node.id",
                "MATCH (n) CALL { WITH n RETURN n.id AS id } RETURN id",
                "MATCH (n) CALL (n) { RETURN n.id AS id } RETURN id",
                "MATCH (n) WHERE n.path STARTS WITH 'src/' RETURN count(*)",
                "RETURN $`repo` AS r",
            })
    void acceptsReads(String cypher) {
        LexicalCheck.check(cypher);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            MATCH (n {repo: $repo}) RETURN n | true
            MATCH (n) WHERE n.repo = $`repo` RETURN n | true
            MATCH (n) RETURN n, '$repo' AS s | false
            MATCH (n) RETURN n.repo // $repo | false
            """)
    void tellsWhetherTheQueryUsesRepo(String cypher, boolean uses) {
        assertThat(LexicalCheck.check(cypher).usesRepo()).isEqualTo(uses);
    }
}
