package dev.graphmemory.server.cli;

import dev.graphmemory.indexer.IndexOptions;
import dev.graphmemory.server.config.GraphMemoryConfig;
import dev.graphmemory.server.mcp.McpServe;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code graph-memory serve}: the MCP server over stdio. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Run the MCP server over stdio (stdout carries only MCP messages; logs go to stderr). Register it"
                + " with: claude mcp add graph-memory -- /abs/path/graph-memory --repo /abs/repo serve")
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    GraphMemoryCommand parent;

    @Override
    public Integer call() {
        Path root = parent.store.root();
        GraphMemoryConfig config = GraphMemoryConfig.load(root);
        IndexOptions options = config.indexOptions(false);
        return McpServe.run(
                root,
                () -> parent.store.open(root, config),
                options,
                new FileInputStream(FileDescriptor.in),
                parent.out,
                GraphMemoryCommand.version(),
                parent.store.externalUri(config) == null,
                true);
    }
}
