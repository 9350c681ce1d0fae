package dev.graphmemory.server.cli;

import dev.graphmemory.queries.cypher.QueryRefusedException;
import dev.graphmemory.queries.cypher.ReadOnlyCypher;
import dev.graphmemory.server.config.GraphMemoryConfig;
import dev.graphmemory.server.store.GraphStore;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.json.JsonMapper;

/** {@code graph-memory query CYPHER}: a read-only Cypher query, for scripts. */
@Command(
        name = "query",
        mixinStandardHelpOptions = true,
        description = "Run a read-only Cypher query ($repo is bound to this repository's key). Writes are refused.")
final class QueryCommand implements Callable<Integer> {
    @ParentCommand
    GraphMemoryCommand parent;

    @Parameters(index = "0", paramLabel = "CYPHER", description = "The query, e.g. \"MATCH (m:Module) RETURN m.path\".")
    String cypher;

    @Option(names = "--limit", description = "Rows to return at most (1-1000, default 100).")
    int limit = ReadOnlyCypher.DEFAULT_LIMIT;

    @Option(names = "--json", description = "Print JSON: {columns, rows, truncated}.")
    boolean json;

    @Override
    public Integer call() {
        Path root = parent.store.root();
        GraphMemoryConfig config = GraphMemoryConfig.load(root);
        try (GraphStore store = parent.store.open(root, config, "graph-memory query")) {
            ReadOnlyCypher.Result result;
            try {
                result = new ReadOnlyCypher(store.driver(), store.repoKey()).run(cypher, Map.of(), limit);
            } catch (QueryRefusedException e) {
                parent.err().println("graph-memory: " + e.getMessage());
                return 1;
            }
            JsonMapper mapper = JsonMapper.builder().build();
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("columns", result.columns());
                out.put("rows", result.rows());
                out.put("truncated", result.truncated());
                parent.out.println(mapper.writeValueAsString(out));
            } else {
                parent.out.println(String.join("\t", result.columns()));
                for (Map<String, Object> row : result.rows()) {
                    parent.out.println(String.join(
                            "\t",
                            row.values().stream()
                                    .map(v -> v instanceof String s ? s : mapper.writeValueAsString(v))
                                    .toList()));
                }
                if (result.truncated()) {
                    parent.err()
                            .println("graph-memory: more rows exist; raise --limit (at most 1000) or narrow the query");
                }
            }
            return 0;
        }
    }
}
