package dev.graphmemory.server.cli;

import dev.graphmemory.indexer.IndexSummary;
import dev.graphmemory.server.config.GraphMemoryConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code graph-memory index}: index the repository, or refresh the index. */
@Command(
        name = "index",
        mixinStandardHelpOptions = true,
        description = "Index the repository (code, knowledge documents, git history), or refresh the index. A re-run on"
                + " an unchanged repository writes nothing.")
final class IndexCommand implements Callable<Integer> {
    @ParentCommand
    GraphMemoryCommand parent;

    @Option(names = "--full", description = "Rebuild even when nothing changed.")
    boolean full;

    @Option(names = "--json", description = "Print the summary as JSON on stdout.")
    boolean json;

    private static String shorten(String reason) {
        return reason.length() <= 160 ? reason : reason.substring(0, 160) + "…";
    }

    @Override
    public Integer call() {
        Path root = parent.store.root();
        print(DaemonIndex.index(parent.store, root, GraphMemoryConfig.load(root), full));
        return 0;
    }

    private void print(IndexSummary summary) {
        if (json) {
            parent.out.println(JsonMapper.builder()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .build()
                    .writeValueAsString(summary));
        } else {
            parent.out.println(summary.oneLine());
            summary.unparsedExamples()
                    .forEach(f -> parent.out.println("  parsed with errors: " + f.path() + ": " + shorten(f.reason())));
            summary.skippedExamples().forEach(f -> parent.out.println("  skipped: " + f.path() + ": " + f.reason()));
            summary.warningExamples()
                    .forEach(f -> parent.out.println("  warning: " + f.path() + ": " + shorten(f.reason())));
        }
    }
}
