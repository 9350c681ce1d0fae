package dev.graphmemory.server.cli;

import dev.graphmemory.queries.graph.RepoGraph;
import dev.graphmemory.server.config.GraphMemoryConfig;
import dev.graphmemory.server.mcp.McpServe;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MCP sessions that the store daemon runs for {@code graph-memory serve}. When a daemon of the same
 * build serves the repository, the launcher does not start a JVM for {@code serve}: it connects to
 * the daemon's command-line socket ({@link DaemonCli}), asks for {@code serve} and then copies its
 * stdin to the connection and the connection to its stdout, with two {@code cat}s. The session runs
 * in the daemon's warm JVM, on the daemon's own driver, exactly as {@link McpServe} runs it in a JVM
 * of its own: {@code initialize} is answered in milliseconds instead of the 2 s of a JVM's start.
 *
 * <p>The request is the command-line request with the argument {@code serve} alone, followed by one
 * more field, the launcher's pid. The daemon answers {@code mcp} and NUL and then speaks MCP on the
 * connection (newline-delimited JSON-RPC, as over stdio), or {@link DaemonCli#FALLBACK} when it
 * does not take the session: the repository is configured for an external Neo4j, has no complete
 * index yet (the JVM's {@code serve} indexes it first), or the daemon's environment sets one of
 * {@link #CLIENT_SETTINGS}. A shell cannot half-close a socket, so the
 * launcher ends its input with the five bytes {@code NUL e n d NUL}, which no JSON text contains;
 * the session then finishes what it was asked, as at the end of stdin, and closes the connection.
 * A launcher killed without a word is found by its pid, checked every few seconds, and its session
 * closed. While sessions are open the daemon does not stop for being idle, as with a Bolt client.
 */
final class McpSessions implements AutoCloseable {
    static final String ACCEPTED = "mcp";

    /**
     * Settings that change a session's answers: the client's environment decides them (the launcher
     * sends a client that sets one to a JVM), so a daemon whose own environment sets one, from
     * whoever started it, runs no sessions.
     */
    private static final java.util.List<String> CLIENT_SETTINGS =
            java.util.List.of("GRAPH_MEMORY_TEXT_CONTENT", "GRAPH_MEMORY_EMBEDDINGS");

    private static final Logger LOG = LoggerFactory.getLogger(McpSessions.class);
    private static final long TICK_SECONDS = 5;

    private final Runnable served;
    private final Set<Session> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger count = new AtomicInteger();
    private final ScheduledExecutorService ticker;

    private record Session(Socket socket, Optional<ProcessHandle> launcher) {}

    McpSessions(Runnable served) {
        this.served = served;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gm-mcp-tick");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::tick, TICK_SECONDS, TICK_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * Takes the session for {@code worktree} on this connection, or answers {@link DaemonCli#FALLBACK}.
     * Returns whether the connection is now the session's (it then closes it when the session ends).
     */
    boolean open(
            Socket socket,
            InputStream in,
            OutputStream out,
            Path worktree,
            String launcherPid,
            StoreOptions.InDaemon store,
            Runnable servedNow)
            throws IOException {
        Target target = launcherPid == null ? null : targetFor(worktree, store);
        if (target == null) {
            out.write((DaemonCli.FALLBACK + "\0").getBytes(StandardCharsets.US_ASCII));
            return false;
        }
        servedNow.run();
        out.write((ACCEPTED + "\0").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        socket.setSoTimeout(0);
        Optional<ProcessHandle> launcher =
                launcherPid.matches("\\d{1,10}") ? ProcessHandle.of(Long.parseLong(launcherPid)) : Optional.empty();
        Session session = new Session(socket, launcher);
        open.add(session);
        Thread t = new Thread(() -> run(session, in, out, target), "gm-mcp-" + count.incrementAndGet());
        t.setDaemon(true);
        t.start();
        return true;
    }

    /** The session's target, or null when the daemon leaves the session to a JVM. */
    private static Target targetFor(Path worktree, StoreOptions.InDaemon store) {
        if (!CLIENT_SETTINGS.stream().allMatch(k -> System.getenv(k) == null)) {
            return null;
        }
        try {
            return Target.of(worktree, store);
        } catch (RuntimeException e) {
            // A broken configuration file and the like: the JVM's serve reports it as it always has.
            LOG.debug("MCP session for {} left to a JVM: {}", worktree, e.toString());
            return null;
        }
    }

    private void run(Session session, InputStream in, OutputStream out, Target target) {
        LOG.debug("MCP session for {} opened", target.worktree());
        try {
            target.serve(new UntilEndMark(dev.graphmemory.server.store.DaemonActivity.marking(in)), out);
        } catch (RuntimeException e) {
            LOG.warn("MCP session for {} failed: {}", target.worktree(), e.toString());
        } finally {
            open.remove(session);
            closeQuietly(session.socket());
            LOG.debug("MCP session for {} closed", target.worktree());
        }
    }

    /** Tool calls of the warm-up session (see {@link #warmUp}). */
    private static final int WARM_CALLS = 300;

    /** One session over in-memory streams, its answers dropped (see {@link DaemonCli#warmUp}). */
    void warmUp(Path worktree, StoreOptions.InDaemon store) {
        Target target = targetFor(worktree, store);
        if (target == null) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        lines.append(
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"warm-up\",\"version\":\"1\"}}}\n")
                .append("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n")
                .append("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}\n");
        // The calls an agent makes most, a few hundred times: the daemon's JIT (C1) compiles a method
        // after about 200 calls. On jsoup the first hundred graph_find calls of a new daemon had a p50
        // of 12.5 ms (3.0 ms later); after this warm-up 6.0 ms. It costs about 4 s of one core, once.
        // Calls that find something: a missing node's answer takes another path (its suggestions
        // scan the ids: 0.5 s a call on Spring).
        String module = new RepoGraph(target.store().driver(), target.repoKey())
                        .read(
                                "MATCH (m:Module {repo: $repo}) RETURN m.id AS id LIMIT 1",
                                java.util.Map.of("repo", target.repoKey()))
                        .stream()
                        .findFirst()
                        .map(r -> r.get("id").asString())
                        .orElse(null);
        if (module == null) {
            return;
        }
        String quoted = tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(module);
        String[] calls = {
            "\"name\":\"graph_find\",\"arguments\":{\"schema\":\"architecture\",\"type\":\"module\",\"limit\":1}",
            "\"name\":\"graph_find\",\"arguments\":{\"schema\":\"architecture\",\"type\":\"module\","
                    + "\"where\":{\"id\":" + quoted + "}}",
            "\"name\":\"graph_neighbors\",\"arguments\":{\"node_id\":" + quoted + ",\"direction\":\"in\",\"depth\":1}"
        };
        for (int i = 0; i < WARM_CALLS; i++) {
            lines.append("{\"jsonrpc\":\"2.0\",\"id\":")
                    .append(3 + i)
                    .append(",\"method\":\"tools/call\",\"params\":{")
                    .append(calls[i % calls.length])
                    .append("}}\n");
        }
        target.serve(
                new java.io.ByteArrayInputStream(lines.toString().getBytes(StandardCharsets.UTF_8)),
                OutputStream.nullOutputStream());
    }

    /** A worktree whose sessions the daemon can run: its settings, and its key in the shared store. */
    private record Target(Path worktree, GraphMemoryConfig config, String repoKey, StoreOptions.InDaemon store) {
        /**
         * The worktree's target, or null when the daemon runs no session for it: an external Neo4j
         * is configured, or the index is not complete yet (a JVM's serve indexes first).
         */
        static Target of(Path worktree, StoreOptions.InDaemon store) {
            GraphMemoryConfig config = GraphMemoryConfig.load(worktree);
            String repoKey = config.repoKeyFor(worktree);
            if (new StoreOptions().externalUri(config) != null
                    || !new RepoGraph(store.driver(), repoKey).state().complete()) {
                return null;
            }
            return new Target(worktree, config, repoKey, store);
        }

        /** One session on these streams, as a serve JVM runs it, on the daemon's driver; until {@code in} ends. */
        void serve(InputStream in, OutputStream out) {
            McpServe.run(
                    worktree,
                    () -> StoreOptions.inDaemon(store, repoKey),
                    config.indexOptions(false),
                    in,
                    out,
                    GraphMemoryCommand.version(),
                    true,
                    false);
        }
    }

    /** Keeps the daemon from its idle stop while sessions are open, and closes those whose launcher is gone. */
    private void tick() {
        if (open.isEmpty()) {
            return;
        }
        served.run();
        for (Session s : open) {
            if (s.launcher().isPresent() && !s.launcher().get().isAlive()) {
                LOG.debug("the launcher of an MCP session is gone; closing it");
                closeQuietly(s.socket());
            }
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        for (Session s : open) {
            closeQuietly(s.socket());
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("closing an MCP session's socket: {}", e.toString());
        }
    }

    /** The connection's bytes up to the launcher's end mark ({@code NUL e n d NUL}), then the end of input. */
    static final class UntilEndMark extends InputStream {
        private static final byte[] MARK = {0, 'e', 'n', 'd', 0};

        private final PushbackInputStream in;
        private boolean ended;

        UntilEndMark(InputStream in) {
            this.in = new PushbackInputStream(in, MARK.length);
        }

        @Override
        public int read() throws IOException {
            if (ended) {
                return -1;
            }
            int b = in.read();
            if (b != 0) {
                return b;
            }
            byte[] rest = new byte[MARK.length - 1];
            int n = 0;
            while (n < rest.length) {
                int r = in.read(rest, n, rest.length - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
            if (n == rest.length && Arrays.equals(rest, 0, n, MARK, 1, MARK.length)) {
                ended = true;
                return -1;
            }
            in.unread(rest, 0, n);
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int first = read();
            if (first < 0) {
                return -1;
            }
            b[off] = (byte) first;
            int n = 1;
            while (n < len && in.available() > 0) {
                int next = read();
                if (next < 0) {
                    break;
                }
                b[off + n++] = (byte) next;
            }
            return n;
        }

        @Override
        public int available() throws IOException {
            return ended ? 0 : in.available();
        }

        /** Leaves the connection open: closing a socket's input closes the socket, and the answers still go out on it. */
        @Override
        public void close() {
            ended = true;
        }
    }
}
