package dev.graphmemory.server.mcp;

import dev.graphmemory.indexer.IndexOptions;
import dev.graphmemory.indexer.Indexer;
import dev.graphmemory.indexer.LanguagePlugins;
import dev.graphmemory.indexer.ProgressListener;
import dev.graphmemory.queries.graph.IndexState;
import dev.graphmemory.queries.graph.RepoGraph;
import dev.graphmemory.server.store.GraphStore;
import io.modelcontextprotocol.server.McpSyncServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code graph-memory serve}: the MCP server over stdio. The server answers {@code initialize} and
 * {@code tools/list} at once while the store starts in the background (and, the first time, indexes
 * the repository); it ends when stdin ends or on SIGTERM, shutting the store down cleanly.
 */
public final class McpServe {
    private static final Logger LOG = LoggerFactory.getLogger(McpServe.class);

    private McpServe() {}

    /** Runs until stdin ends; returns the exit code. */
    public static int run(
            Path root,
            Supplier<GraphStore> opener,
            IndexOptions options,
            InputStream in,
            OutputStream out,
            String version) {
        CountDownLatch ended = new CountDownLatch(1);
        StoreHandle handle = StoreHandle.start(() -> openAndIndexIfNeeded(root, opener, options));
        GraphTools tools = new GraphTools(handle);
        Staleness staleness = new Staleness(root);
        StdioGuard guard;
        try {
            guard = new StdioGuard(in, out, ended);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        McpSyncServer server = McpServerFactory.start(
                guard.sdkInput(),
                guard.sdkOutput(),
                version,
                toolList(
                        tools,
                        new KnowledgeTool(handle, root, options.knowledgeGlobs()),
                        new WorkflowTools(handle, root)),
                () -> tools.stamp(staleness));
        guard.start();
        Thread hook = new Thread(() -> shutdown(server, handle), "gm-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            ended.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        shutdown(server, handle);
        return 0;
    }

    private static java.util.List<ToolDef> toolList(GraphTools graph, KnowledgeTool knowledge, WorkflowTools workflow) {
        java.util.List<ToolDef> all = new java.util.ArrayList<>(graph.all());
        all.addAll(workflow.all());
        all.add(TierTool.definition());
        all.add(knowledge.definition());
        return all;
    }

    private static GraphStore openAndIndexIfNeeded(Path root, Supplier<GraphStore> opener, IndexOptions options) {
        GraphStore store = opener.get();
        IndexState state = new RepoGraph(store.driver(), store.repoKey()).state();
        if (!state.complete()) {
            LOG.info("indexing {} for the first time", root);
            new Indexer(store.driver(), store.repoKey(), root, options, LanguagePlugins.all(), ProgressListener.NONE)
                    .run();
        }
        return store;
    }

    private static synchronized void shutdown(McpSyncServer server, StoreHandle handle) {
        try {
            server.closeGracefully();
        } catch (RuntimeException e) {
            LOG.debug("closing the MCP server: {}", e.toString());
        }
        handle.close();
    }
}
