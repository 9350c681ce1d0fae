package dev.graphmemory.server.cli;

import dev.graphmemory.server.config.GraphMemoryConfig;
import dev.graphmemory.server.reindex.IndexStatusReport;
import dev.graphmemory.server.store.GraphStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code graph-memory status}: what the {@code index_status} tool answers. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "The indexed commit and HEAD, files changed since, whether a run is under way or owed, the last"
                + " run's figures and the daemon. Exit 0 when the graph is current, 3 when it is behind.")
final class StatusCommand implements Callable<Integer> {
    @ParentCommand
    GraphMemoryCommand parent;

    @Option(names = "--json", description = "Print JSON (the index_status tool's answer).")
    boolean json;

    @Override
    public Integer call() {
        Path root = parent.store.root();
        GraphMemoryConfig config = GraphMemoryConfig.load(root);
        try (GraphStore store = parent.store.open(root, config)) {
            Map<String, Object> s = IndexStatusReport.of(store.driver(), store.repoKey(), root, store.describe());
            boolean current = Boolean.TRUE.equals(s.get("current"));
            if (json) {
                parent.out.println(JsonMapper.builder()
                        .enable(SerializationFeature.INDENT_OUTPUT)
                        .build()
                        .writeValueAsString(s));
            } else {
                parent.out.println("indexed commit: " + s.get("indexed_commit"));
                parent.out.println("HEAD:           " + s.get("head"));
                parent.out.println("current:        " + (current ? "yes" : "no (" + s.get("behind") + ")"));
                Object changed = s.get("files_changed_since");
                parent.out.println("changed since:  " + (changed == null ? "unknown" : changed + " files"));
                if (s.get("changed_files") instanceof List<?> files && !files.isEmpty()) {
                    files.forEach(f -> parent.out.println("  " + f));
                }
                parent.out.println(
                        "run:            " + (Boolean.TRUE.equals(s.get("run_under_way")) ? "under way" : "none")
                                + (Boolean.TRUE.equals(s.get("reindex_owed")) ? ", a reindex is owed" : ""));
                if (s.get("run") instanceof Map<?, ?> run) {
                    parent.out.println("last run:       " + run);
                }
                parent.out.println("store:          " + s.get("store"));
            }
            return current ? 0 : 3;
        }
    }
}
