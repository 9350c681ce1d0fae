package dev.graphmemory.server.cli;

import dev.graphmemory.indexer.IndexOptions;
import dev.graphmemory.indexer.IndexSummary;
import dev.graphmemory.indexer.Indexer;
import dev.graphmemory.indexer.LanguagePlugins;
import dev.graphmemory.indexer.walk.RepositoryWalker;
import dev.graphmemory.server.config.GraphMemoryConfig;
import dev.graphmemory.server.store.GraphStore;
import java.nio.file.Files;
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
                + " an unchanged repository writes nothing; after changes only changed files are parsed again.")
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
        GraphMemoryConfig config = GraphMemoryConfig.load(root);
        try (GraphStore store = parent.store.open(root, config, "graph-memory index");
                ProgressBar bar = ProgressBar.forStderr()) {
            // The cache makes the next run incremental (only changed files are parsed again). It
            // lives beside the embedded store; with an external store nothing is written into the
            // repository, and every run that finds a change rebuilds in full.
            Path storeDir = root.resolve(RepositoryWalker.STORE_DIR);
            IndexOptions options = Files.isDirectory(storeDir)
                    ? config.indexOptions(full).withCacheDir(storeDir.resolve("cache"))
                    : config.indexOptions(full);
            IndexSummary summary =
                    new Indexer(store.driver(), store.repoKey(), root, options, LanguagePlugins.all(), bar).run();
            bar.close();
            if (json) {
                parent.out.println(JsonMapper.builder()
                        .enable(SerializationFeature.INDENT_OUTPUT)
                        .build()
                        .writeValueAsString(summary));
            } else {
                parent.out.println(summary.oneLine());
                summary.unparsedExamples()
                        .forEach(f -> parent.out.println("  unparsed: " + f.path() + ": " + shorten(f.reason())));
                summary.skippedExamples()
                        .forEach(f -> parent.out.println("  skipped: " + f.path() + ": " + f.reason()));
            }
            return 0;
        }
    }
}
