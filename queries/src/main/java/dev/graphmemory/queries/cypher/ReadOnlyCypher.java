package dev.graphmemory.queries.cypher;

import dev.graphmemory.queries.graph.Sessions;
import dev.graphmemory.queries.schema.Keys;
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
import org.neo4j.driver.summary.ResultSummary;

/**
 * Runs a caller's Cypher read-only, under {@link ReadPolicy}: the text is checked first
 * ({@link LexicalCheck}: no LOAD CSV, SHOW, TERMINATE, USE, query options, writes, or CALL outside
 * the read procedures), then Neo4j's own {@code EXPLAIN} plan of it ({@link PlanCheck}: planned
 * {@link QueryType#READ_ONLY}, no operator outside the policy), so that a gap in one check is caught
 * by the other. It then runs in a read transaction (which the server also enforces) with a time
 * limit, and at most {@code limit} rows are kept, with a flag when more existed.
 *
 * <p>Scope. {@code $repo} is always bound to this repository's key (a caller may not rebind it).
 * The query reads the whole database of the store: in the embedded store that is this repository
 * and its worktrees, in a shared external database every repository in it. A query that does not
 * use {@code $repo} while the store holds other repositories gets a {@link Result#scope()} note
 * saying so; rows are not filtered after the fact, since a row need not name its node's repository.
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

    /**
     * The rows of a query: column names, rows as plain values, whether rows were cut off, and a note
     * when the query may have read other repositories' nodes ({@code null} otherwise).
     */
    public record Result(List<String> columns, List<Map<String, Object>> rows, boolean truncated, String scope) {}

    /** Runs {@code cypher}; throws {@link QueryRefusedException} for what the policy refuses and bad queries. */
    public Result run(String cypher, Map<String, Object> params, int limit) {
        if (cypher == null || cypher.isBlank()) {
            throw new QueryRefusedException("the query is empty; give a Cypher read query such as"
                    + " MATCH (m:Module) RETURN m.path LIMIT 10");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new QueryRefusedException("limit must be from 1 to " + MAX_LIMIT + ", was " + limit);
        }
        if (params != null && params.containsKey("repo") && !repo.equals(params.get("repo"))) {
            throw new QueryRefusedException("params.repo is reserved: $repo is always this repository's key (" + repo
                    + "); name your parameter otherwise");
        }
        LexicalCheck.Facts facts = LexicalCheck.check(cypher);
        Map<String, Object> all = new HashMap<>(params == null ? Map.of() : params);
        all.put("repo", repo);
        TransactionConfig config =
                TransactionConfig.builder().withTimeout(TIMEOUT).build();
        try (Session session = Sessions.read(driver)) {
            ResultSummary explained =
                    session.executeRead(tx -> tx.run("EXPLAIN " + cypher, all).consume(), config);
            PlanCheck.check(explained);
            Result result = rows(session, cypher, all, limit, config);
            return facts.usesRepo() ? result : withScope(session, result);
        } catch (ClientException e) {
            throw new QueryRefusedException("the query failed: " + e.getMessage());
        }
    }

    private static Result rows(
            Session session, String cypher, Map<String, Object> all, int limit, TransactionConfig config) {
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
                    return new Result(columns, rows, truncated, null);
                },
                config);
    }

    /** Adds a scope note when the store holds repositories besides this one. */
    private Result withScope(Session session, Result result) {
        long others = session.executeRead(tx -> tx.run(
                        "MATCH (s:" + Keys.STATE_LABEL + ") WHERE s.repo <> $repo RETURN count(s) AS n",
                        Map.of("repo", repo))
                .single()
                .get("n")
                .asLong());
        if (others == 0) {
            return result;
        }
        return new Result(
                result.columns(),
                result.rows(),
                result.truncated(),
                "this store holds " + others + " other repositor" + (others == 1 ? "y" : "ies")
                        + " (worktrees or, in a shared database, other projects) and the query does not use"
                        + " $repo: rows may come from them; filter with {repo: $repo} to read this repository only");
    }
}
