package dev.graphmemory.server.mcp;

import dev.graphmemory.indexer.IndexSummary;
import dev.graphmemory.queries.cypher.ReadOnlyCypher;
import dev.graphmemory.queries.cypher.ReadPolicy;
import dev.graphmemory.queries.find.AnswerBudget;
import dev.graphmemory.queries.find.FindQuery;
import dev.graphmemory.queries.find.NeighborsQuery;
import dev.graphmemory.queries.find.PropertyKeys;
import dev.graphmemory.queries.graph.GraphStats;
import dev.graphmemory.queries.graph.IndexState;
import dev.graphmemory.queries.graph.RepoGraph;
import dev.graphmemory.server.store.GraphStore;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The query tools: {@code graph_find}, {@code graph_neighbors}, {@code graph_stats}, {@code graph_query}. */
public final class GraphTools {
    static final Duration STORE_WAIT = Duration.ofSeconds(90);

    private final StoreHandle handle;
    private volatile PropertyKeys keys;

    public GraphTools(StoreHandle handle) {
        this.handle = handle;
    }

    private GraphStore store() {
        return handle.await(STORE_WAIT);
    }

    private PropertyKeys keys(GraphStore store) {
        PropertyKeys k = keys;
        if (k == null) {
            keys = k = new PropertyKeys(store.driver());
        }
        return k;
    }

    /** The store these tools run on. */
    public StoreHandle handle() {
        return handle;
    }

    /** The read-only Cypher runner on this store. */
    public ReadOnlyCypher cypher() {
        GraphStore store = store();
        return new ReadOnlyCypher(store.driver(), store.repoKey());
    }

    public List<ToolDef> all() {
        return List.of(find(), neighbors(), stats(), query(), CostTool.definition(handle));
    }

    private ToolDef find() {
        return new ToolDef(
                "graph_find",
                "Find nodes in the code and workflow graph",
                "Find nodes of one schema/type that match a where-filter, as compact rows ordered by id, with total"
                        + " and next_cursor for more. A row is the id (schema:type:key; a module's key is its path, a"
                        + " function's ends in its signature) and only what the id does not say (a class's path and"
                        + " line, a work unit's title and status, is_test only when true); fields=[...] adds"
                        + " properties, [\"*\"] all of them. Types: architecture"
                        + " module|class|function|cli_entry|build_module, workflow work_unit|commit|session|command, issues bug|finding, decisions"
                        + " adr|anti_pattern. Example: which entry points exist? graph_find(schema='architecture',"
                        + " type='cli_entry'); functions calling ProcessBuilder: graph_find(schema='architecture',"
                        + " type='function', where={\"calls\": {\"$contains\": \"ProcessBuilder\"}}).",
                Schemas.FIND_INPUT,
                Schemas.FIND_OUTPUT,
                true,
                Set.of("schema", "type", "where", "limit", "cursor", "fields", "db_path"),
                args -> {
                    GraphStore store = store();
                    FindQuery.Page page = new FindQuery(store.driver(), store.repoKey(), keys(store))
                            .run(new FindQuery.Request(
                                    args.requiredString("schema", "architecture"),
                                    args.requiredString("type", "module"),
                                    args.json("where"),
                                    args.integer("limit"),
                                    args.string("cursor"),
                                    args.strings("fields")));
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("rows", page.rows());
                    out.put("total", page.total());
                    out.put("next_cursor", page.nextCursor());
                    return out;
                });
    }

    private ToolDef neighbors() {
        return new ToolDef(
                "graph_neighbors",
                "Walk the graph around a node",
                "List the nodes within depth 1-5 of a node, each with its depth (when depth > 1) and the relationship"
                        + " path that reached it (via: [\"<-IMPORTS-\"] means it imports the start node; left out when"
                        + " one relationship in one direction was asked at depth 1). direction: in, out or both; relationship: one type or a list (IMPORTS, CALLS, DECLARES, EXTENDS, IMPLEMENTS,"
                        + " TESTS, TOUCHES, MODIFIES, MENTIONS, ...). Example: who imports this module, two levels"
                        + " deep? graph_neighbors(node_id='architecture:module:src/auth/handler.py',"
                        + " direction='in', relationship='IMPORTS', depth=2). Which build modules use spring-core?"
                        + " graph_neighbors(node_id='architecture:build_module:spring-core', direction='in',"
                        + " relationship='DEPENDS_ON').",
                Schemas.NEIGHBORS_INPUT,
                Schemas.NEIGHBORS_OUTPUT,
                true,
                Set.of("node_id", "direction", "relationship", "depth", "limit", "cursor", "db_path"),
                args -> {
                    GraphStore store = store();
                    NeighborsQuery.Page page = new NeighborsQuery(store.driver(), store.repoKey())
                            .run(new NeighborsQuery.Request(
                                    args.requiredString("node_id", "architecture:module:src/app/Main.java"),
                                    args.string("direction"),
                                    args.strings("relationship"),
                                    args.integer("depth"),
                                    args.integer("limit"),
                                    args.string("cursor")));
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("node", page.node());
                    out.put("rows", page.rows());
                    out.put("total", page.total());
                    out.put("truncated", page.truncated());
                    out.put("next_cursor", page.nextCursor());
                    return out;
                });
    }

    private ToolDef stats() {
        return new ToolDef(
                "graph_stats",
                "What the graph holds",
                "Node counts per schema:type (e.g. \"architecture:module\": 120), relationship counts per type, the"
                        + " files of source languages graph-memory does not parse, per language (not_parsed, e.g."
                        + " {\"Kotlin\": 392}: code the graph does not see), the indexed commit and the store in use."
                        + " Call it first to see what there is to ask about. Example: graph_stats().",
                Schemas.EMPTY_INPUT,
                Schemas.STATS_OUTPUT,
                true,
                Set.of("db_path"),
                args -> {
                    GraphStore store = store();
                    RepoGraph graph = new RepoGraph(store.driver(), store.repoKey());
                    GraphStats stats = GraphStats.of(graph);
                    IndexState state = graph.state();
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("nodes", stats.sortedNodes());
                    out.put("relationships", stats.sortedRelationships());
                    out.put("not_parsed", IndexSummary.notParsedOf(state.lastRunJson()));
                    out.put("complete", state.complete());
                    out.put("store", store.describe());
                    return out;
                });
    }

    private ToolDef query() {
        return new ToolDef(
                "graph_query",
                "Read-only Cypher over the graph",
                "Run one read-only Cypher query when graph_find and graph_neighbors cannot express the question."
                        + " Allowed: MATCH, OPTIONAL MATCH, WHERE, WITH, UNWIND, RETURN, ORDER BY, SKIP, LIMIT, UNION,"
                        + " CALL { subqueries } and CALL of the read procedures "
                        + String.join(", ", ReadPolicy.PROCEDURES)
                        + ". Refused, with a message: writes, LOAD CSV (no files or URLs), SHOW/TERMINATE, USE,"
                        + " administration commands, other procedures, and query options (CYPHER, EXPLAIN,"
                        + " PROFILE). Nodes carry the label Entity plus their type label (Module, Class, Function,"
                        + " CliEntry, WorkUnit, Commit, Bug, Adr, AntiPattern). The store may hold other"
                        + " repositories (worktrees, a shared database): $repo is bound to this repository's key,"
                        + " so filter with {repo: $repo}; an answer whose query does not carries a 'scope' note"
                        + " when others exist. Example: graph_query(cypher='MATCH (c:Commit {repo: $repo})"
                        + "-[:MENTIONS]->(w:WorkUnit {key: \"WU-281\"}) RETURN c.sha, c.time').",
                Schemas.QUERY_INPUT,
                Schemas.QUERY_OUTPUT,
                true,
                Set.of("cypher", "params", "limit", "db_path"),
                args -> {
                    GraphStore store = store();
                    Integer limit = args.integer("limit");
                    ReadOnlyCypher.Result result = new ReadOnlyCypher(store.driver(), store.repoKey())
                            .run(
                                    args.requiredString("cypher", "\"MATCH (m:Module) RETURN m.path LIMIT 10\""),
                                    args.map("params"),
                                    limit == null ? ReadOnlyCypher.DEFAULT_LIMIT : limit);
                    AnswerBudget budget =
                            new AnswerBudget(limit == null ? AnswerBudget.DEFAULT_CHARS : AnswerBudget.MAX_CHARS);
                    List<Map<String, Object>> rows = new java.util.ArrayList<>();
                    boolean truncated = result.truncated();
                    for (Map<String, Object> row : result.rows()) {
                        if (!budget.admit(row, rows.isEmpty())) {
                            truncated = true;
                            break;
                        }
                        rows.add(row);
                    }
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("columns", result.columns());
                    out.put("rows", rows);
                    out.put("truncated", truncated);
                    if (truncated) {
                        out.put("note", "more rows exist than fit this answer; add LIMIT/SKIP or narrow the query");
                    }
                    if (result.scope() != null) {
                        out.put("scope", result.scope());
                    }
                    return out;
                });
    }

    /** The stamp for an answer, or a stamp saying the store is not ready. */
    public Map<String, Object> stamp(Staleness staleness) {
        GraphStore store = handle.await(STORE_WAIT);
        return staleness.stamp(new RepoGraph(store.driver(), store.repoKey()));
    }
}
