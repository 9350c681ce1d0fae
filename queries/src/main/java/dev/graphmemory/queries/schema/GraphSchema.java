package dev.graphmemory.queries.schema;

import dev.graphmemory.queries.graph.Sessions;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.TransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the constraints and indexes graph-memory relies on. Idempotent: safe on every start.
 *
 * <p>Ids are unique per repository ({@code (repo, id)}), so several repositories share one
 * database. Lookups by type go through labels; lookups by path and key through range indexes;
 * titles, objectives and names through one full-text index.
 */
public final class GraphSchema {
    private static final Logger LOG = LoggerFactory.getLogger(GraphSchema.class);

    /** Name of the full-text index over titles, objectives and names. */
    public static final String FULLTEXT_INDEX = "gm_text";

    /**
     * Name of the vector index over the embeddings of work units and bugs ({@link Keys#EMBEDDING}),
     * filtered by repository inside the index. It is declared on the entity label: only work units
     * and bugs carry an embedding, so only they are in it.
     */
    public static final String VECTOR_INDEX = "gm_work_embedding";

    /** The length of the vectors the vector index takes (the embedding model's). */
    public static final int VECTOR_DIMENSIONS = 384;

    /**
     * The labels the full-text index covers: the written knowledge, where words matter. Code nodes
     * are left out: indexing every function's name in Lucene made writes several times slower, and
     * code is found by exact or substring filters on names and paths.
     */
    static final String FULLTEXT_LABELS = "WorkUnit|Bug|Finding|Adr|AntiPattern";

    private GraphSchema() {}

    /** The names of the indexes and constraints {@link #statements()} create. */
    public static Set<String> names() {
        Set<String> names = new HashSet<>();
        definitions().forEach(d -> names.add(d.name()));
        return names;
    }

    /** The properties of the vector index: the embedding, then the repository it is filtered by. */
    public static List<String> vectorProperties() {
        return List.of(Keys.EMBEDDING, Keys.REPO);
    }

    /** The labels the full-text index must cover. */
    public static Set<String> fulltextLabels() {
        return new TreeSet<>(List.of(FULLTEXT_LABELS.split("\\|")));
    }

    /** What kind of schema object a {@link Definition} is. */
    public enum Kind {
        /** A uniqueness constraint over the properties together (backed by a range index). */
        UNIQUE,
        /** A range index over the properties together. */
        RANGE,
        /** A full-text index over each of the properties, for every one of the labels. */
        FULLTEXT,
        /**
         * A vector index: the first property holds the vector, the others are filters stored in the
         * index ({@code WITH [...]}, Cypher 25).
         */
        VECTOR
    }

    /** One index or constraint: its name, kind, labels and properties. */
    public record Definition(String name, Kind kind, List<String> labels, List<String> properties) {
        public Definition {
            labels = List.copyOf(labels);
            properties = List.copyOf(properties);
        }

        /** The Cypher statement that creates it unless it exists. */
        public String statement() {
            String label = String.join("|", labels);
            return switch (kind) {
                case UNIQUE ->
                    "CREATE CONSTRAINT " + name + " IF NOT EXISTS FOR (n:" + label + ") REQUIRE " + tuple()
                            + " IS UNIQUE";
                case RANGE ->
                    "CREATE INDEX " + name + " IF NOT EXISTS FOR (n:" + label + ") ON (" + String.join(", ", keys())
                            + ")";
                case FULLTEXT ->
                    "CREATE FULLTEXT INDEX " + name + " IF NOT EXISTS FOR (n:" + label + ") ON EACH ["
                            + String.join(", ", keys()) + "]";
                // Cypher 25 (Neo4j 2026.01 on): the WITH clause makes the other properties filters
                // inside the index.
                case VECTOR ->
                    "CYPHER 25 CREATE VECTOR INDEX " + name + " IF NOT EXISTS FOR (n:" + label + ") ON n."
                            + properties.getFirst() + " WITH ["
                            + String.join(", ", keys().subList(1, properties.size()))
                            + "] OPTIONS {indexConfig: {`vector.dimensions`: " + VECTOR_DIMENSIONS
                            + ", `vector.similarity_function`: 'cosine'}}";
            };
        }

        private String tuple() {
            List<String> keys = keys();
            return keys.size() == 1 ? keys.getFirst() : "(" + String.join(", ", keys) + ")";
        }

        /** The properties as Cypher names them on {@code n}. */
        private List<String> keys() {
            return properties.stream().map(p -> "n." + p).toList();
        }
    }

    /** Every index and constraint, in the order they are created. */
    public static List<Definition> definitions() {
        String e = Keys.ENTITY_LABEL;
        return List.of(
                new Definition("gm_entity_id", Kind.UNIQUE, List.of(e), List.of(Keys.REPO, Keys.ID)),
                new Definition("gm_state_repo", Kind.UNIQUE, List.of(Keys.STATE_LABEL), List.of(Keys.REPO)),
                new Definition("gm_entity_key", Kind.RANGE, List.of(e), List.of(Keys.REPO, Keys.KEY)),
                new Definition("gm_entity_path", Kind.RANGE, List.of(e), List.of(Keys.REPO, "path")),
                new Definition("gm_entity_name", Kind.RANGE, List.of(e), List.of(Keys.REPO, "name")),
                new Definition(
                        "gm_function_qn", Kind.RANGE, List.of(NodeType.FUNCTION.label()), List.of("qualified_name")),
                new Definition("gm_class_qn", Kind.RANGE, List.of(NodeType.CLASS.label()), List.of("qualified_name")),
                new Definition("gm_commit_sha", Kind.RANGE, List.of(NodeType.COMMIT.label()), List.of("sha")),
                new Definition(
                        FULLTEXT_INDEX,
                        Kind.FULLTEXT,
                        List.of(FULLTEXT_LABELS.split("\\|")),
                        List.of("title", "objective", "name", "root_cause")),
                new Definition(VECTOR_INDEX, Kind.VECTOR, List.of(e), vectorProperties()));
    }

    /** The statements, in order. */
    public static List<String> statements() {
        return definitions().stream().map(Definition::statement).toList();
    }

    /**
     * Applies every statement and waits for the indexes to come online. Processes that start
     * together may ensure the schema at the same moment; Neo4j then breaks the lock cycle by failing
     * one with a transient error, which is retried.
     */
    public static void ensure(Driver driver) {
        for (int attempt = 1; ; attempt++) {
            try {
                ensureOnce(driver);
                return;
            } catch (TransientException e) {
                if (attempt >= 8) {
                    throw e;
                }
                try {
                    Thread.sleep(50L * attempt + (long) (Math.random() * 100));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** The name a schema statement creates: the word before {@code IF NOT EXISTS}. */
    static String name(String statement) {
        String head = statement.substring(0, statement.indexOf(" IF NOT EXISTS"));
        return head.substring(head.lastIndexOf(' ') + 1);
    }

    private static void ensureOnce(Driver driver) {
        // Schema commands run as auto-commit statements (Neo4j refuses them in a transaction that
        // also writes data) in a write session, so a routing driver sends them to the leader; the
        // wait covers the leader's indexes, followers build theirs from the same log.
        try (Session session = Sessions.write(driver)) {
            // An index from an older version with another definition is replaced: IF NOT EXISTS
            // would keep it.
            Set<String> replaced = new HashSet<>();
            if (fulltextStale(session)) {
                session.run("DROP INDEX " + FULLTEXT_INDEX).consume();
                replaced.add(FULLTEXT_INDEX);
            }
            if (vectorStale(session)) {
                session.run("DROP INDEX " + VECTOR_INDEX).consume();
                replaced.add(VECTOR_INDEX);
            }
            // Only what is missing: each schema command is a transaction of its own, and on a store
            // that has them all (every start but the first) they would only add to the start time.
            Set<String> present = new HashSet<>();
            session.run("SHOW INDEXES YIELD name RETURN name")
                    .forEachRemaining(r -> present.add(r.get(0).asString()));
            session.run("SHOW CONSTRAINTS YIELD name RETURN name")
                    .forEachRemaining(r -> present.add(r.get(0).asString()));
            present.removeAll(replaced);
            for (String statement : statements()) {
                if (!present.contains(name(statement))) {
                    try {
                        session.run(statement).consume();
                    } catch (Neo4jException ex) {
                        if (!name(statement).equals(VECTOR_INDEX)) {
                            throw ex;
                        }
                        // A server before 2026.01 has no filtered vector index: everything else works,
                        // duplicate detection takes its candidates from the full-text index alone.
                        LOG.warn("cannot create the vector index {}: {}", VECTOR_INDEX, ex.getMessage());
                    }
                }
            }
            try {
                session.run("CALL db.awaitIndexes(300)").consume();
            } catch (Neo4jException ex) {
                // A vector index that failed to build must not stop the store: only it is left out.
                List<String> notOnline = session.run(
                                "SHOW INDEXES YIELD name, state WHERE state <> 'ONLINE' RETURN name")
                        .list(r -> r.get(0).asString());
                if (!List.of(VECTOR_INDEX).equals(notOnline)) {
                    throw ex;
                }
                LOG.warn("the vector index {} is not online: {}", VECTOR_INDEX, ex.getMessage());
            }
        }
    }

    /** Whether the full-text index exists with other labels than {@link #FULLTEXT_LABELS}. */
    private static boolean fulltextStale(Session session) {
        Set<String> wanted = fulltextLabels();
        return session
                .run(
                        "SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes WHERE name = $n RETURN labelsOrTypes",
                        Map.of("n", FULLTEXT_INDEX))
                .list(r -> r.get(0).asList(Value::asString))
                .stream()
                .anyMatch(labels -> !new TreeSet<>(labels).equals(wanted));
    }

    /** Whether the vector index exists with other properties (no repo filter) or another length. */
    private static boolean vectorStale(Session session) {
        return session
                .run(
                        "SHOW VECTOR INDEXES YIELD name, properties, options WHERE name = $n"
                                + " RETURN properties, options.indexConfig['vector.dimensions'] AS dimensions",
                        Map.of("n", VECTOR_INDEX))
                .list()
                .stream()
                .anyMatch(r -> !r.get("properties").asList(Value::asString).equals(vectorProperties())
                        || r.get("dimensions").asLong(-1) != VECTOR_DIMENSIONS);
    }
}
