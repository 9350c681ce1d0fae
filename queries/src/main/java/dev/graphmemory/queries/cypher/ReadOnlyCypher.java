package dev.graphmemory.queries.cypher;

import dev.graphmemory.queries.graph.Sessions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.summary.QueryType;

/**
 * Runs a caller's Cypher read-only. Whether it reads is decided by Neo4j itself: the query is
 * first compiled with {@code EXPLAIN} and refused unless the planner reports it as
 * {@link QueryType#READ_ONLY}; it then runs in a read transaction (which the server also enforces)
 * with a time limit, and at most {@code limit} rows are kept, with a flag when more existed.
 * {@code $repo} is bound to the repository key unless the caller binds it.
 */
public final class ReadOnlyCypher {
    /** Default and largest row caps, and the time limit. */
    public static final int DEFAULT_LIMIT = 100;

    public static final int MAX_LIMIT = 1000;
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Driver driver;
    private final String repo;

    public ReadOnlyCypher(Driver driver, String repo) {
        this.driver = driver;
        this.repo = repo;
    }

    /** The rows of a query: column names, rows as plain values, and whether rows were cut off. */
    public record Result(List<String> columns, List<Map<String, Object>> rows, boolean truncated) {}

    /** Runs {@code cypher}; throws {@link QueryRefusedException} for writes and bad queries. */
    public Result run(String cypher, Map<String, Object> params, int limit) {
        if (cypher == null || cypher.isBlank()) {
            throw new QueryRefusedException("the query is empty; give a Cypher read query such as"
                    + " MATCH (m:Module) RETURN m.path LIMIT 10");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new QueryRefusedException("limit must be from 1 to " + MAX_LIMIT + ", was " + limit);
        }
        Map<String, Object> all = new HashMap<>(params == null ? Map.of() : params);
        all.putIfAbsent("repo", repo);
        TransactionConfig config =
                TransactionConfig.builder().withTimeout(TIMEOUT).build();
        try (Session session = Sessions.read(driver)) {
            QueryType type = session.executeRead(
                    tx -> tx.run("EXPLAIN " + cypher, all).consume().queryType(), config);
            if (type != QueryType.READ_ONLY) {
                throw new QueryRefusedException("refused: Neo4j plans this query as " + type
                        + "; graph_query runs read-only queries only (MATCH ... RETURN). Knowledge is recorded"
                        + " through record_knowledge and the index through reindex.");
            }
            return session.executeRead(
                    tx -> {
                        var result = tx.run(cypher, all);
                        List<String> columns = result.keys();
                        List<Map<String, Object>> rows = new ArrayList<>();
                        boolean truncated = false;
                        while (result.hasNext()) {
                            if (rows.size() == limit) {
                                truncated = true;
                                break;
                            }
                            Record r = result.next();
                            Map<String, Object> row = new LinkedHashMap<>();
                            for (String c : columns) {
                                row.put(c, PlainValues.of(r.get(c)));
                            }
                            rows.add(row);
                        }
                        return new Result(columns, rows, truncated);
                    },
                    config);
        } catch (ClientException e) {
            throw new QueryRefusedException("the query failed: " + e.getMessage());
        }
    }
}
