package dev.graphmemory.server.mcp;

import dev.graphmemory.queries.find.ToolException;
import dev.graphmemory.server.store.GraphStore;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The store as the MCP server sees it: opened in the background so {@code initialize} and
 * {@code tools/list} are answered at once; a tool call waits for it, bounded, and a store that
 * cannot start yields an error that says why.
 */
public final class StoreHandle implements AutoCloseable {
    private volatile CompletableFuture<GraphStore> future;
    private final Supplier<GraphStore> reopener;

    private StoreHandle(CompletableFuture<GraphStore> future, Supplier<GraphStore> reopener) {
        this.future = future;
        this.reopener = reopener;
    }

    public static StoreHandle start(Supplier<GraphStore> opener) {
        return new StoreHandle(open(opener), opener);
    }

    private static CompletableFuture<GraphStore> open(Supplier<GraphStore> opener) {
        CompletableFuture<GraphStore> f = new CompletableFuture<>();
        Thread t = new Thread(
                () -> {
                    try {
                        f.complete(opener.get());
                    } catch (Throwable e) {
                        f.completeExceptionally(e);
                    }
                },
                "gm-store-start");
        t.setDaemon(true);
        t.start();
        return f;
    }

    /** A handle on a store that is already open (the CLI's case). */
    public static StoreHandle of(GraphStore store) {
        return new StoreHandle(CompletableFuture.completedFuture(store), null);
    }

    /** The store, waiting at most {@code wait} for it to start. */
    GraphStore await(Duration wait) {
        reopenIfGone();
        try {
            return future.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ToolException(
                    "the graph store is still starting (or indexing for the first time); retry in a" + " few seconds");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new ToolException("the graph store could not start: " + cause.getMessage()
                    + ". Fix the cause and restart the server (graph-memory serve); `graph-memory stats` shows the"
                    + " same error from a shell");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolException("interrupted while waiting for the graph store");
        }
    }

    /**
     * A store whose owner died (the daemon was killed) is opened afresh, which starts a new daemon:
     * a long-lived server recovers with no manual step.
     */
    private synchronized void reopenIfGone() {
        CompletableFuture<GraphStore> f = future;
        if (reopener == null || !f.isDone() || f.isCompletedExceptionally() || f.isCancelled()) {
            return;
        }
        GraphStore store = f.join();
        if (!store.alive()) {
            store.close();
            future = open(reopener);
        }
    }

    @Override
    public void close() {
        future.cancel(false);
        if (future.isDone() && !future.isCompletedExceptionally() && !future.isCancelled()) {
            future.join().close();
        }
    }
}
