package dev.graphmemory.server.cli;

import dev.graphmemory.queries.cypher.ReadOnlyCypher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.json.JsonMapper;

/** {@code graph-memory query CYPHER}: the {@code graph_query} tool on the command line. */
@Command(
        name = "query",
        mixinStandardHelpOptions = true,
        description = "Run one read-only Cypher query ($repo is bound to this repository's key); writes, LOAD CSV,"
                + " SHOW/TERMINATE, USE, query options and procedures outside the read list are refused (the"
                + " graph_query tool).")
final class QueryCommand implements Callable<Integer> {
    @ParentCommand
    GraphMemoryCommand parent;

    @Parameters(index = "0", paramLabel = "CYPHER", description = "The query, e.g. \"MATCH (m:Module) RETURN m.path\".")
    String cypher;

    @Option(names = "--limit", description = "Rows to return at most (1-1000, default 100).")
    Integer limit;

    @Option(names = "--json", description = "Print the tool's structured answer: {columns, rows, truncated, ...}.")
    boolean json;

    @Override
    public Integer call() {
        // The tool's structure, without the tool's character budget: scripts ask for many rows on
        // purpose, and the row cap (at most 1,000) still bounds the answer.
        return ToolCommandSupport.run(parent, "query", json, this::printTable, (tools, stamps) -> {
            ReadOnlyCypher.Result result =
                    tools.cypher().run(cypher, Map.of(), limit == null ? ReadOnlyCypher.DEFAULT_LIMIT : limit);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("columns", result.columns());
            answer.put("rows", result.rows());
            answer.put("truncated", result.truncated());
            if (result.scope() != null) {
                answer.put("scope", result.scope());
            }
            answer.putAll(stamps.stamp());
            return answer;
        });
    }

    @SuppressWarnings("unchecked")
    private void printTable(Map<String, Object> answer) {
        JsonMapper mapper = JsonMapper.builder().build();
        parent.out.println(String.join("\t", (List<String>) answer.get("columns")));
        for (Map<String, Object> row : (List<Map<String, Object>>) answer.get("rows")) {
            parent.out.println(String.join(
                    "\t",
                    row.values().stream()
                            .map(v -> v instanceof String s ? s : mapper.writeValueAsString(v))
                            .toList()));
        }
        if (answer.get("scope") instanceof String scope) {
            parent.err().println("graph-memory: " + scope);
        }
        if (Boolean.TRUE.equals(answer.get("truncated"))) {
            parent.err().println("graph-memory: more rows exist; raise --limit (at most 1000) or page with SKIP/LIMIT");
        }
    }
}
