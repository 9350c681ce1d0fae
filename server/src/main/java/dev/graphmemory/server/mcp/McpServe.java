package dev.graphmemory.server.mcp;

import dev.graphmemory.indexer.IndexOptions;
import dev.graphmemory.queries.graph.IndexState;
import dev.graphmemory.queries.graph.RepoGraph;
import dev.graphmemory.server.reindex.IndexRunner;
import dev.graphmemory.server.reindex.Reindexing;
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

    /**
     * Runs one MCP session until {@code in} ends; returns the exit code. {@code ownProcess} says
     * whether the session is the process's only one (a {@code serve} JVM): then SIGTERM ends it
     * through a shutdown hook, and it indexes a repository that has no complete index before
     * answering. The store daemon runs sessions among others, ends them itself, and leaves indexing
     * to its own runs (a session then answers from the graph as it is, stamped stale).
     */
    public static int run(
            Path root,
            Supplier<GraphStore> opener,
            IndexOptions options,
            InputStream in,
            OutputStream out,
            String version,
            boolean viaDaemon,
            boolean ownProcess) {
        CountDownLatch ended = new CountDownLatch(1);
        StoreHandle handle =
                StoreHandle.start(() -> ownProcess ? openAndIndexIfNeeded(root, opener, options) : opener.get());
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
                        new WorkflowTools(handle, root),
                        new IndexTools(handle, root, new Reindexing(new IndexRunner(root), viaDaemon, options)),
                        new PictureTool(handle, root)),
                () -> tools.stamp(staleness));
        guard.start();
        if (ownProcess) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(server, handle), "gm-serve-shutdown"));
        }
        try {
            ended.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        shutdown(server, handle);
        return 0;
    }

    private static java.util.List<ToolDef> toolList(
            GraphTools graph, KnowledgeTool knowledge, WorkflowTools workflow, IndexTools index, PictureTool picture) {
        java.util.List<ToolDef> all = new java.util.ArrayList<>(graph.all());
        all.addAll(workflow.all());
        all.addAll(index.all());
        all.add(TierTool.definition());
        all.add(knowledge.definition());
        all.add(picture.definition());
        return all;
    }

    private static GraphStore openAndIndexIfNeeded(Path root, Supplier<GraphStore> opener, IndexOptions options) {
        GraphStore store = opener.get();
        IndexState state = new RepoGraph(store.driver(), store.repoKey()).state();
        if (!state.complete()) {
            // Many servers may start at once on a repository never indexed: one indexes, the others
            // wait for it (the run lock) and find the work done.
            LOG.info("indexing {} (no complete index yet)", root);
            new IndexRunner(root).run(store.driver(), store.repoKey(), options, java.time.Duration.ofMinutes(30));
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
