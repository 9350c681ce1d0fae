package dev.graphmemory.queries.schema;

import java.util.ArrayList;
import java.util.List;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * Creates the constraints and indexes graph-memory relies on. Idempotent: safe on every start.
 *
 * <p>Ids are unique per repository ({@code (repo, id)}), so several repositories share one
 * database. Lookups by type go through labels; lookups by path and key through range indexes;
 * titles, objectives and names through one full-text index.
 */
public final class GraphSchema {
    /** Name of the full-text index over titles, objectives and names. */
    public static final String FULLTEXT_INDEX = "gm_text";

    private GraphSchema() {}

    /** The statements, in order. */
    public static List<String> statements() {
        List<String> s = new ArrayList<>();
        String e = Keys.ENTITY_LABEL;
        s.add("CREATE CONSTRAINT gm_entity_id IF NOT EXISTS FOR (n:" + e + ") REQUIRE (n.repo, n.id) IS UNIQUE");
        s.add("CREATE CONSTRAINT gm_state_repo IF NOT EXISTS FOR (n:" + Keys.STATE_LABEL
                + ") REQUIRE n.repo IS UNIQUE");
        s.add("CREATE INDEX gm_entity_key IF NOT EXISTS FOR (n:" + e + ") ON (n.repo, n.key)");
        s.add("CREATE INDEX gm_entity_path IF NOT EXISTS FOR (n:" + e + ") ON (n.repo, n.path)");
        s.add("CREATE INDEX gm_entity_type IF NOT EXISTS FOR (n:" + e + ") ON (n.repo, n.type)");
        s.add("CREATE INDEX gm_entity_name IF NOT EXISTS FOR (n:" + e + ") ON (n.repo, n.name)");
        s.add("CREATE INDEX gm_function_qn IF NOT EXISTS FOR (n:" + NodeType.FUNCTION.label()
                + ") ON (n.qualified_name)");
        s.add("CREATE INDEX gm_class_qn IF NOT EXISTS FOR (n:" + NodeType.CLASS.label() + ") ON (n.qualified_name)");
        s.add("CREATE INDEX gm_commit_sha IF NOT EXISTS FOR (n:" + NodeType.COMMIT.label() + ") ON (n.sha)");
        s.add("CREATE FULLTEXT INDEX " + FULLTEXT_INDEX + " IF NOT EXISTS FOR (n:" + e
                + ") ON EACH [n.title, n.objective, n.name, n.root_cause]");
        return List.copyOf(s);
    }

    /** Applies every statement and waits for the indexes to come online. */
    public static void ensure(Driver driver) {
        try (Session session = driver.session()) {
            for (String statement : statements()) {
                session.run(statement).consume();
            }
            session.run("CALL db.awaitIndexes(300)").consume();
        }
    }
}
