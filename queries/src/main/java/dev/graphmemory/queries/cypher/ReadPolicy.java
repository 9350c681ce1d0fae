package dev.graphmemory.queries.cypher;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@code graph_query} may run: one read-only query over the graph, with no clause that reaches
 * outside it (files, URLs, other databases, the server's transactions, settings or users), and
 * {@code CALL} only of the read procedures listed here. {@link LexicalCheck} enforces it on the
 * text and {@link PlanCheck} on Neo4j's plan of it, so a gap in one is caught by the other.
 */
public final class ReadPolicy {
    /** The procedures a query may call: each reads the graph or its schema and nothing else. */
    public static final List<String> PROCEDURES = List.of(
            "db.labels",
            "db.relationshipTypes",
            "db.propertyKeys",
            "db.schema.visualization",
            "db.schema.nodeTypeProperties",
            "db.schema.relTypeProperties",
            "db.index.fulltext.queryNodes",
            "db.index.fulltext.queryRelationships",
            "db.index.vector.queryNodes");

    /** One sentence saying what is allowed, ending every refusal. */
    public static final String WHAT_IS_ALLOWED = "graph_query runs one read-only query over the graph: MATCH,"
            + " OPTIONAL MATCH, WHERE, WITH, UNWIND, RETURN, ORDER BY, SKIP, LIMIT, UNION, CALL { subqueries } and"
            + " CALL of the read procedures " + String.join(", ", PROCEDURES) + ".";

    private static final Set<String> LOWER =
            PROCEDURES.stream().map(p -> p.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());

    private ReadPolicy() {}

    /** Whether {@code name} (as written, any case) is one of {@link #PROCEDURES}. */
    static boolean allowsProcedure(String name) {
        return LOWER.contains(name.toLowerCase(Locale.ROOT));
    }

    /** The refusal for a procedure outside the list. */
    static QueryRefusedException procedureRefused(String name) {
        // WHAT_IS_ALLOWED lists the procedures; once is enough.
        return new QueryRefusedException("refused: CALL " + name + " is not allowed. " + WHAT_IS_ALLOWED);
    }

    /** A refusal: {@code why}, then what is allowed. */
    static QueryRefusedException refused(String why) {
        return new QueryRefusedException("refused: " + why + " " + WHAT_IS_ALLOWED);
    }
}
