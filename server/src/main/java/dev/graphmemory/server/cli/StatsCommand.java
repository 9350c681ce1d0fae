package dev.graphmemory.server.cli;

import dev.graphmemory.indexer.IndexSummary;
import dev.graphmemory.indexer.lang.SourceLanguages;
import dev.graphmemory.queries.graph.Fingerprint;
import dev.graphmemory.queries.graph.GraphStats;
import dev.graphmemory.queries.graph.IndexState;
import dev.graphmemory.queries.graph.RepoGraph;
import dev.graphmemory.server.config.GraphMemoryConfig;
import dev.graphmemory.server.store.GraphStore;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code graph-memory stats}: what the graph holds. */
@Command(
        name = "stats",
        mixinStandardHelpOptions = true,
        description = "Node counts per schema:type, relationship counts per type, files of languages not parsed (per"
                + " language), the indexed commit and the store.")
final class StatsCommand implements Callable<Integer> {
    @ParentCommand
    GraphMemoryCommand parent;

    @Option(names = "--json", description = "Print JSON (keys indexed_commit, nodes, relationships, not_parsed, ...).")
    boolean json;

    @Option(
            names = "--fingerprint",
            description = "Print one line: a stable hash of every node and edge with its properties.")
    boolean fingerprint;

    @Override
    public Integer call() {
        Path root = parent.store.root();
        GraphMemoryConfig config = GraphMemoryConfig.load(root);
        try (GraphStore store = parent.store.open(root, config)) {
            if (fingerprint) {
                parent.out.println(Fingerprint.of(store.driver(), store.repoKey()));
                return 0;
            }
            RepoGraph graph = new RepoGraph(store.driver(), store.repoKey());
            IndexState state = graph.state();
            GraphStats stats = GraphStats.of(graph);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("indexed_commit", state.indexedCommit());
            out.put("nodes", stats.sortedNodes());
            out.put("relationships", stats.sortedRelationships());
            out.put("not_parsed", IndexSummary.notParsedOf(state.lastRunJson()));
            out.put("complete", state.complete());
            out.put("store", store.describe());
            out.put("repo", store.repoKey());
            JsonMapper mapper = JsonMapper.builder().build();
            if (state.lastRunJson() != null) {
                out.put("last_run", mapper.readValue(state.lastRunJson(), Map.class));
            }
            if (json) {
                parent.out.println(
                        mapper.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
            } else {
                printText(state, stats, store);
            }
            return 0;
        }
    }

    private void printText(IndexState state, GraphStats stats, GraphStore store) {
        var o = parent.out;
        o.println("store:          " + store.describe());
        o.println("indexed commit: " + (state.indexedCommit() == null ? "(none)" : state.indexedCommit())
                + (state.exists() && !state.complete()
                        ? "  (last run did not complete: run `graph-memory index`)"
                        : ""));
        if (!state.exists()) {
            o.println("not indexed yet: run `graph-memory index`");
        }
        String notParsed = SourceLanguages.describe(IndexSummary.notParsedOf(state.lastRunJson()));
        if (!notParsed.isEmpty()) {
            o.println("not parsed:     " + notParsed + " (files of languages graph-memory does not parse)");
        }
        o.println("nodes:");
        stats.sortedNodes().forEach((k, v) -> o.printf("  %-28s %,d%n", k, v));
        o.println("relationships:");
        stats.sortedRelationships().forEach((k, v) -> o.printf("  %-28s %,d%n", k, v));
    }
}
