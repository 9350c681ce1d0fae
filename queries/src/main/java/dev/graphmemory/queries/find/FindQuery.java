package dev.graphmemory.queries.find;

import dev.graphmemory.queries.graph.Sessions;
import dev.graphmemory.queries.schema.Keys;
import dev.graphmemory.queries.schema.NodeType;
import dev.graphmemory.queries.where.CompiledWhere;
import dev.graphmemory.queries.where.WhereCompiler;
import dev.graphmemory.queries.where.WhereException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import tools.jackson.databind.JsonNode;

/**
 * {@code graph_find}: nodes of one type matching a where-filter, as compact rows ordered by id,
 * a page at a time (keyset pagination on the id, so pages stay stable while reading).
 */
public final class FindQuery {
    public static final int DEFAULT_LIMIT = 25;
    public static final int MAX_LIMIT = 200;

    private final Driver driver;
    private final String repo;
    private final PropertyKeys keys;

    public FindQuery(Driver driver, String repo, PropertyKeys keys) {
        this.driver = driver;
        this.repo = repo;
        this.keys = keys;
    }

    /** The arguments of one call. {@code where} may be null; {@code limit} null means the default. */
    public record Request(
            String schema, String type, JsonNode where, Integer limit, String cursor, List<String> fields) {}

    /** One page: the rows, the total number of matches, and the cursor of the next page if any. */
    public record Page(List<Map<String, Object>> rows, long total, String nextCursor) {}

    /**
     * Compiles the filter; a mistake in it is reported again with the keys this type's nodes carry
     * (looked up only then, so a good filter costs no extra query) rather than every key of the graph.
     */
    private CompiledWhere compile(JsonNode filter, NodeType type) {
        WhereCompiler compiler = new WhereCompiler(keys.all());
        try {
            return compiler.compile(filter, "n");
        } catch (WhereException e) {
            compiler.listingKeysOf(type.type() + " nodes", keys.of(type, repo)).compile(filter, "n");
            throw e;
        }
    }

    public Page run(Request req) {
        NodeType type = type(req.schema(), req.type());
        int limit = req.limit() == null ? DEFAULT_LIMIT : req.limit();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ToolException(
                    "limit must be from 1 to " + MAX_LIMIT + ", was " + limit + "; page through more with next_cursor");
        }
        List<String> fields = req.fields() == null ? List.of() : req.fields();
        for (String f : fields) {
            if (!f.equals("*") && !keys.all().contains(f)) {
                Set<String> carried = keys.of(type, repo);
                throw new ToolException("fields: unknown property key '" + f + "'; keys " + type.type()
                        + " nodes carry: " + String.join(", ", carried.isEmpty() ? keys.all() : carried)
                        + " (or \"*\" for every property)");
            }
        }
        CompiledWhere where = compile(req.where(), type);
        String queryHash = Cursor.hash(type, req.where(), fields);
        String after = Cursor.afterFor(req.cursor(), queryHash);
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("repo", repo);
        params.put("after", after == null ? "" : after);
        params.put("limit", limit + 1);
        // Every typed node is an Entity. With the Entity label the planner can use the (repo, name),
        // (repo, path) and (repo, key) indexes, which a filter on those keys wants; without a
        // filter on them it would walk the (repo, id) index over the whole repository, so the type
        // label alone (a scan of just that type) is faster.
        String labels = usesIndexedKey(req.where()) ? Keys.ENTITY_LABEL + ":" + type.label() : type.label();
        String match = "MATCH (n:" + labels + " {repo: $repo}) WHERE (" + where.cypher() + ")";
        try (Session session = Sessions.read(driver)) {
            return session.executeRead(tx -> {
                long total = tx.run(match + " RETURN count(n) AS c", params)
                        .single()
                        .get("c")
                        .asLong();
                List<Record> records = tx.run(
                                match + " AND n.id > $after RETURN " + CompactRow.properties("n")
                                        + " AS p ORDER BY n.id LIMIT $limit",
                                params)
                        .list();
                return page(records, limit, total, fields, queryHash);
            });
        }
    }

    private static Page page(List<Record> records, int limit, long total, List<String> fields, String queryHash) {
        AnswerBudget budget =
                new AnswerBudget(limit == DEFAULT_LIMIT ? AnswerBudget.DEFAULT_CHARS : AnswerBudget.MAX_CHARS);
        List<Map<String, Object>> rows = new ArrayList<>();
        String lastId = null;
        boolean more = records.size() > limit;
        for (int i = 0; i < Math.min(limit, records.size()); i++) {
            Map<String, Object> row =
                    CompactRow.of(new LinkedHashMap<>(records.get(i).get("p").asMap()), fields, true);
            if (!budget.admit(row, rows.isEmpty())) {
                more = true;
                break;
            }
            rows.add(row);
            lastId = (String) row.get(Keys.ID);
        }
        String next = more && lastId != null ? new Cursor(lastId, queryHash).encode() : null;
        return new Page(rows, total, next);
    }

    private static final java.util.Set<String> ENTITY_INDEXED =
            java.util.Set.of(Keys.NAME, Keys.PATH, Keys.KEY, Keys.ID);

    /**
     * Whether the filter compares a key that has a (repo, key) index on Entity in a way the index
     * answers: equality, {@code $in} or {@code $startsWith} (a substring test scans either way).
     */
    static boolean usesIndexedKey(JsonNode where) {
        if (where == null) {
            return false;
        }
        if (where.isObject()) {
            for (var e : where.properties()) {
                JsonNode v = e.getValue();
                boolean seekable = !v.isContainer() || v.has("$eq") || v.has("$in") || v.has("$startsWith");
                if ((ENTITY_INDEXED.contains(e.getKey()) && seekable) || usesIndexedKey(v)) {
                    return true;
                }
            }
        } else if (where.isArray()) {
            for (JsonNode n : where) {
                if (usesIndexedKey(n)) {
                    return true;
                }
            }
        }
        return false;
    }

    static NodeType type(String schema, String type) {
        if (schema == null || type == null) {
            throw new ToolException(
                    "schema and type are required, e.g. schema='architecture', type='module'; valid: " + validTypes());
        }
        return NodeType.of(schema, type)
                .orElseThrow(() -> new ToolException(
                        "unknown schema/type '" + schema + "'/'" + type + "'; valid: " + validTypes()));
    }

    static List<String> validTypes() {
        return Arrays.stream(NodeType.values()).map(NodeType::qualifiedType).toList();
    }
}
