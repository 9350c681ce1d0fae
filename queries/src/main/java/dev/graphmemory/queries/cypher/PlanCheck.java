package dev.graphmemory.queries.cypher;

import org.neo4j.driver.Value;
import org.neo4j.driver.summary.Plan;
import org.neo4j.driver.summary.QueryType;
import org.neo4j.driver.summary.ResultSummary;

/**
 * The plan half of {@link ReadPolicy}: Neo4j's own {@code EXPLAIN} of the query, which the server
 * decides however the text was spelt. The query must be planned as {@link QueryType#READ_ONLY}, and
 * no operator may load CSV, show or terminate anything, run an administration command, or call a
 * procedure outside {@link ReadPolicy#PROCEDURES} (operator types read {@code LoadCSV@neo4j},
 * {@code ShowTransactions@neo4j}, {@code ProcedureCall@neo4j} with the signature in its details).
 */
final class PlanCheck {
    private PlanCheck() {}

    /** Checks an {@code EXPLAIN} summary; throws {@link QueryRefusedException} naming what is refused. */
    static void check(ResultSummary explained) {
        Plan root = explained
                .queryPlan()
                .orElseThrow(() -> ReadPolicy.refused("Neo4j gave no plan for this query, so it cannot be checked."));
        walk(root);
        QueryType type = explained.queryType();
        if (type != QueryType.READ_ONLY) {
            throw ReadPolicy.refused("Neo4j plans this query as " + type + "; graph_query runs read-only queries"
                    + " only (MATCH ... RETURN). Knowledge is recorded through record_knowledge and the index"
                    + " through reindex.");
        }
    }

    private static void walk(Plan plan) {
        String full = plan.operatorType();
        int at = full.indexOf('@');
        String operator = at < 0 ? full : full.substring(0, at);
        String database = at < 0 ? "" : full.substring(at + 1);
        if (operator.equals("LoadCSV")) {
            throw ReadPolicy.refused("LOAD CSV reads files and URLs outside the graph.");
        }
        if (operator.startsWith("Show") || operator.startsWith("Terminate")) {
            throw ReadPolicy.refused(operator + " reads or ends the server's transactions, settings, users,"
                    + " databases or procedures, not the graph.");
        }
        if (operator.contains("Administration") || database.equalsIgnoreCase("system")) {
            throw ReadPolicy.refused("administration commands are not graph reads.");
        }
        if (operator.startsWith("ProcedureCall")) {
            String name = procedureName(plan.arguments().get("Details"));
            if (name == null || !ReadPolicy.allowsProcedure(name)) {
                throw ReadPolicy.procedureRefused(name == null ? "(a procedure Neo4j does not name)" : name);
            }
        }
        for (Plan child : plan.children()) {
            walk(child);
        }
    }

    /** {@code db.labels() :: (label :: STRING)} gives {@code db.labels}; quoted parts lose their backticks. */
    private static String procedureName(Value details) {
        if (details == null || details.isNull()) {
            return null;
        }
        String text = details.asString();
        int paren = text.indexOf('(');
        String name = (paren < 0 ? text : text.substring(0, paren)).strip();
        return name.isEmpty() ? null : name.replace("`", "");
    }
}
