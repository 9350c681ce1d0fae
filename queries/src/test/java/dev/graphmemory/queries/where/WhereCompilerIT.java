package dev.graphmemory.queries.where;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.queries.testkit.TestNeo4j;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.neo4j.driver.Session;

/** Runs compiled filters on a real Neo4j and checks exactly which nodes they select. */
class WhereCompilerIT {
    private static final String REPO = TestNeo4j.newRepoKey();
    private static final WhereCompiler COMPILER =
            new WhereCompiler(Set.of("id", "path", "name", "lines", "is_test", "tags", "status", "sizes", "score"));
    private static final List<String> ALL = List.of("a", "b", "c", "d", "e");

    @BeforeAll
    static void createNodes() {
        List<Map<String, Object>> rows = List.of(
                Map.of(
                        "id",
                        "a",
                        "path",
                        "src/app/Runner_main.py",
                        "name",
                        "Runner",
                        "lines",
                        120L,
                        "is_test",
                        false,
                        "tags",
                        List.of("Core", "CLI"),
                        "score",
                        1.5),
                Map.of(
                        "id",
                        "b",
                        "path",
                        "src/app/cli.py",
                        "name",
                        "cli",
                        "lines",
                        40L,
                        "is_test",
                        false,
                        "tags",
                        List.of("cli"),
                        "status",
                        "open"),
                Map.of(
                        "id",
                        "c",
                        "path",
                        "tests/test_runner.py",
                        "name",
                        "test_runner",
                        "lines",
                        15L,
                        "is_test",
                        true,
                        "tags",
                        List.of(),
                        "status",
                        "done"),
                // tags is a plain string here: frontmatter keys may be scalar on one node, a list on another.
                Map.of(
                        "id",
                        "d",
                        "path",
                        "docs/README.md",
                        "name",
                        "README",
                        "is_test",
                        false,
                        "status",
                        "open",
                        "tags",
                        "single"),
                Map.of(
                        "id",
                        "e",
                        "path",
                        "src/lib/util.java",
                        "name",
                        "Util",
                        "lines",
                        300L,
                        "is_test",
                        false,
                        "sizes",
                        List.of(1L, 2L, 3L)));
        try (Session session = TestNeo4j.driver().session()) {
            session.run(
                            "UNWIND $rows AS row CREATE (n:Entity) SET n = row, n.repo = $repo",
                            Map.of("rows", rows, "repo", REPO))
                    .consume();
        }
    }

    @AfterAll
    static void deleteNodes() {
        try (Session session = TestNeo4j.driver().session()) {
            session.run("MATCH (n:Entity {repo: $repo}) DETACH DELETE n", Map.of("repo", REPO))
                    .consume();
        }
    }

    static Stream<Arguments> filters() {
        return Stream.of(
                row("{}", ALL),
                row("{'path': 'src/app/cli.py'}", "b"),
                row("{'tags': 'cli'}", "b"),
                row("{'tags': 'single'}", "d"),
                row("{'tags': ['cli']}", "b"),
                row("{'tags': []}", "c"),
                row("{'lines': 40}", "b"),
                row("{'lines': 40.0}", "b"),
                row("{'is_test': true}", "c"),
                row("{'score': 1.5}", "a"),
                row("{'status': {'$eq': 'open'}}", "b", "d"),
                row("{'status': {'$ne': 'open'}}", "a", "c", "e"),
                row("{'tags': {'$ne': 'cli'}}", "a", "c", "d", "e"),
                row("{'status': null}", "a", "e"),
                row("{'status': {'$ne': null}}", "b", "c", "d"),
                row("{'status': {'$exists': true}}", "b", "c", "d"),
                row("{'lines': {'$exists': false}}", "d"),
                row("{'lines': {'$gt': 40}}", "a", "e"),
                row("{'lines': {'$gte': 40}}", "a", "b", "e"),
                row("{'lines': {'$lt': 40}}", "c"),
                row("{'lines': {'$lte': 40}}", "b", "c"),
                row("{'lines': {'$gte': 40, '$lt': 200}}", "a", "b"),
                row("{'score': {'$gt': 1}}", "a"),
                row("{'sizes': {'$gt': 2}}", "e"),
                row("{'name': {'$gte': 'a'}}", "b", "c"),
                row("{'lines': {'$gt': 'a'}}"),
                row("{'path': {'$contains': 'RUNNER'}}", "a", "c"),
                row("{'tags': {'$contains': 'cl'}}", "a", "b"),
                row("{'tags': {'$contains': 'SIN'}}", "d"),
                row("{'lines': {'$contains': '1'}}"),
                row("{'sizes': {'$contains': '1'}}"),
                row("{'path': {'$startsWith': 'src/'}}", "a", "b", "e"),
                row("{'path': {'$startsWith': 'SRC/'}}"),
                row("{'tags': {'$startsWith': 'C'}}", "a"),
                row("{'path': {'$endsWith': '.py'}}", "a", "b", "c"),
                row("{'path': {'$endsWith': '.PY'}}"),
                row("{'path': {'$regex': '.*/test_.*\\\\.py'}}", "c"),
                row("{'path': {'$regex': '(?i).*readme.*'}}", "d"),
                row("{'path': {'$regex': 'src'}}"),
                row("{'tags': {'$regex': 'C.*'}}", "a"),
                row("{'lines': {'$regex': '.*'}}"),
                row("{'status': {'$in': ['open', 'closed']}}", "b", "d"),
                row("{'tags': {'$in': ['CLI', 'single']}}", "a", "d"),
                row("{'sizes': {'$in': [3, 9]}}", "e"),
                row("{'lines': {'$in': [15, 'x', true]}}", "c"),
                row("{'name': {'$in': []}}"),
                row("{'status': {'$nin': ['open']}}", "a", "c", "e"),
                row("{'tags': {'$nin': ['cli', 'Core']}}", "c", "d", "e"),
                row("{'name': {'$nin': []}}", ALL),
                row("{'$or': [{'path': {'$contains': '_runner'}}, {'path': {'$endsWith': '/cli.py'}}]}", "b", "c"),
                row("{'$not': {'is_test': true}}", "a", "b", "d", "e"),
                row("{'$not': {'status': 'open'}}", "a", "c", "e"),
                row("{'$not': {'$not': {'status': 'open'}}}", "b", "d"),
                row("{'$and': [{'is_test': false}, {'lines': {'$gte': 100}}]}", "a", "e"),
                row("{'tags': {'$not': {'$contains': 'cli'}}}", "c", "d", "e"),
                row("{'is_test': false, 'path': {'$startsWith': 'src/'}, 'lines': {'$lt': 200}}", "a", "b"),
                row("{'$or': [{'status': 'open'}, {'is_test': true}], '$not': {'name': 'README'}}", "b", "c"));
    }

    private static Arguments row(String singleQuotedJson, String... ids) {
        return row(singleQuotedJson, List.of(ids));
    }

    private static Arguments row(String singleQuotedJson, List<String> ids) {
        return Arguments.of(singleQuotedJson.replace('\'', '"'), ids);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void selectsExactlyTheMatchingNodes(String filter, List<String> expected) {
        CompiledWhere where = COMPILER.compile(filter, "n");
        // The expression must mean the same under both Cypher versions the server offers; which one is the
        // default depends on the server's configuration.
        for (String version : List.of("CYPHER 5 ", "CYPHER 25 ")) {
            assertThat(ids(version + "MATCH (n:Entity {repo: $repo}) WHERE " + where.cypher(), where.params()))
                    .as("%s%s -> %s", version, filter, where.cypher())
                    .isEqualTo(expected);
        }
    }

    @Test
    void twoFiltersWithDifferentPrefixesShareOneQuery() {
        CompiledWhere first = COMPILER.compile("{\"path\": {\"$startsWith\": \"src/\"}}", "n");
        CompiledWhere second = COMPILER.withParamPrefix("v").compile("{\"name\": {\"$contains\": \"U\"}}", "n");
        Map<String, Object> params = new HashMap<>(first.params());
        params.putAll(second.params());
        String query = "MATCH (n:Entity {repo: $repo}) WHERE " + first.cypher() + " AND " + second.cypher();
        assertThat(ids(query, params)).containsExactly("a", "e");
    }

    private static List<String> ids(String matchWhere, Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("repo", REPO);
        try (Session session = TestNeo4j.driver().session()) {
            return session.run(matchWhere + " RETURN n.id AS id ORDER BY id", all)
                    .list(r -> r.get("id").asString());
        }
    }
}
