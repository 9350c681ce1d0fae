package dev.graphmemory.queries.where;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.queries.testkit.TestNeo4j;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import tools.jackson.databind.JsonNode;

/**
 * Fuzzes the where-DSL: every random filter must either compile to Cypher that runs on a real Neo4j, or be
 * rejected with a {@link WhereException} that names something the filter contains. Anything else fails.
 *
 * <p>Planning a new query takes tens of milliseconds, so the database sees each distinct signature (Cypher text plus the
 * Java types of the parameter values) once: on the same nodes, filters that share a signature can only differ
 * in values of the same types, which cannot turn a running query into a failing one ({@code $regex} patterns
 * are checked at compile time). Signatures are run in batches: one query evaluates each predicate on every
 * node (stricter than {@code WHERE}, which may stop early). A failing batch is re-run filter by filter in
 * {@code WHERE} to name the culprit.
 */
class WhereFuzzIT {
    /** Override with {@code -Dwhere.fuzz.seed=...} to explore, or to replay a failure. */
    private static final long SEED = Long.getLong("where.fuzz.seed", 20_260_801L);
    /** Override with {@code -Dwhere.fuzz.filters=...} for a longer run; the default takes 10-25 s. */
    private static final int FILTERS = Integer.getInteger("where.fuzz.filters", 1_500);

    private static final int BATCH = 50;
    private static final String REPO = TestNeo4j.newRepoKey();
    private static final WhereCompiler COMPILER = new WhereCompiler(Set.copyOf(RandomFilters.VALID_KEYS));

    private record Compiled(JsonNode filter, CompiledWhere where) {}

    @BeforeAll
    static void createNodes() {
        try (Session session = TestNeo4j.driver().session()) {
            // Each key takes several shapes across the nodes: string, integer, float, boolean, lists of each,
            // an empty list, absent, and types no filter value can have (date, point).
            session.run("""
                            UNWIND [
                              {id: 'a', path: 'src/app/Runner.py', name: 'Runner', lines: 120, is_test: false,
                               tags: ['CLI', 'core'], sizes: [1, 2]},
                              {id: 'b', path: 'tests/test_x.py', name: 'x', lines: -3, is_test: true,
                               tags: 'single', sizes: [0.5, 2.5]},
                              {id: 'c', path: 'ü/日本.md', name: ['a', 'b'], lines: 7.25, is_test: [true],
                               tags: [], sizes: [true, false]},
                              {id: 'd', name: 'd', tags: [1, 2], sizes: 3},
                              {id: 'e'}
                            ] AS row
                            CREATE (n:Entity) SET n = row, n.repo = $repo
                            """, Map.of("repo", REPO)).consume();
            session.run(
                            "MATCH (n:Entity {repo: $repo, id: 'e'}) SET n.lines = date('2024-02-03'),"
                                    + " n.path = point({x: 1, y: 2}), n.tags = [date('2024-01-01')]",
                            Map.of("repo", REPO))
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

    @Test
    void everyFilterRunsOrIsRejectedWithAMessageNamingIt() {
        long start = System.nanoTime();
        RandomFilters random = new RandomFilters(SEED);
        List<Compiled> batch = new ArrayList<>();
        Set<String> signatures = new HashSet<>();
        int rejected = 0;
        for (int i = 0; i < FILTERS; i++) {
            JsonNode filter = random.next();
            Optional<CompiledWhere> where = compileOrCheckRejection(filter);
            if (where.isEmpty()) {
                rejected++;
            } else if (signatures.add(signature(where.get()))) {
                // Recompiled with a prefix of its own, so the batch's parameters do not clash.
                batch.add(new Compiled(
                        filter,
                        COMPILER.withParamPrefix("f" + batch.size() + "_").compile(filter, "n")));
                if (batch.size() == BATCH) {
                    runBatch(batch);
                    batch.clear();
                }
            }
        }
        runBatch(batch);
        int compiled = FILTERS - rejected;
        System.err.printf(
                "where fuzz, seed %d: %d filters, %d compiled (%d distinct signatures run), %d rejected, %d ms%n",
                SEED, FILTERS, compiled, signatures.size(), rejected, (System.nanoTime() - start) / 1_000_000);
        // A generator that drifted to all-valid or all-invalid filters would make this test toothless.
        assertThat(compiled).as("compiled").isGreaterThan(FILTERS / 5);
        assertThat(rejected).as("rejected").isGreaterThan(FILTERS / 5);
    }

    /** The compiled filter, or empty when it was rejected as it should be; fails on anything else. */
    private static Optional<CompiledWhere> compileOrCheckRejection(JsonNode filter) {
        CompiledWhere where;
        try {
            where = COMPILER.compile(filter, "n");
        } catch (WhereException e) {
            assertNamesTheInput(filter, e);
            return Optional.empty();
        } catch (RuntimeException e) {
            throw new AssertionError("seed " + SEED + ": filter " + filter + " failed with " + e, e);
        }
        assertThat(where.cypher())
                .as("seed %d: Cypher of %s", SEED, filter)
                .doesNotContain("'", "\"", "//", ";", "DELETE", "\\");
        return Optional.of(where);
    }

    private static String signature(CompiledWhere where) {
        return where.cypher()
                + where.params().values().stream().map(WhereFuzzIT::type).toList();
    }

    private static String type(Object value) {
        return value instanceof List<?> list
                ? list.stream().map(WhereFuzzIT::type).toList().toString()
                : value.getClass().getSimpleName();
    }

    private static void assertNamesTheInput(JsonNode filter, WhereException e) {
        String message = e.getMessage();
        Set<String> names = new LinkedHashSet<>();
        collectNames(filter, names);
        assertThat(message).as("message for %s", filter).isNotBlank();
        assertThat(names)
                .as("seed %d: message %s for %s names one of %s", SEED, message, filter, names)
                .anyMatch(name -> message.contains(Messages.quote(name))
                        || message.contains(name + "[")
                        || message.contains(name + "."));
        assertThat(resolve(filter, e.path()))
                .as("seed %d: path '%s' of %s for %s", SEED, e.path(), message, filter)
                .isNotNull();
    }

    /** The node at a path such as {@code $or[1].path.$in}, or null if there is none. */
    private static JsonNode resolve(JsonNode root, String path) {
        JsonNode node = root;
        for (String segment : path.isEmpty() ? new String[0] : path.split("\\.")) {
            String[] parts = segment.split("\\[");
            node = node.get(parts[0]);
            for (int k = 1; k < parts.length && node != null; k++) {
                node = node.get(Integer.parseInt(parts[k].substring(0, parts[k].length() - 1)));
            }
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    private static void collectNames(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            node.properties().forEach(member -> {
                names.add(member.getKey());
                collectNames(member.getValue(), names);
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectNames(element, names));
        }
    }

    private static void runBatch(List<Compiled> batch) {
        if (batch.isEmpty()) {
            return;
        }
        StringBuilder query = new StringBuilder("MATCH (n:Entity {repo: $repo}) RETURN n.id AS id");
        Map<String, Object> params = new HashMap<>(Map.of("repo", REPO));
        for (int i = 0; i < batch.size(); i++) {
            query.append(", ")
                    .append(batch.get(i).where().cypher())
                    .append(" AS c")
                    .append(i);
            params.putAll(batch.get(i).where().params());
        }
        try (Session session = TestNeo4j.driver().session()) {
            session.run(query.toString(), params).consume();
        } catch (RuntimeException batchFailure) {
            batch.forEach(WhereFuzzIT::runAlone);
            throw new AssertionError("a batch failed but no filter alone did: " + batchFailure, batchFailure);
        }
    }

    private static void runAlone(Compiled compiled) {
        Map<String, Object> params = new HashMap<>(compiled.where().params());
        params.put("repo", REPO);
        String query =
                "MATCH (n:Entity {repo: $repo}) WHERE " + compiled.where().cypher() + " RETURN n.id";
        try (Session session = TestNeo4j.driver().session()) {
            session.run(query, params).consume();
        } catch (RuntimeException e) {
            throw new AssertionError(
                    "seed " + SEED + ": filter " + compiled.filter() + " compiled to " + compiled.where()
                            + " which failed: " + e,
                    e);
        }
    }
}
