package dev.graphmemory.server.cli;

import dev.graphmemory.server.store.StoreDaemon;
import dev.graphmemory.server.store.StoreFiles;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store daemon answers the command line's read commands ({@link #COMMANDS}) itself, so that a
 * planner script's {@code graph-memory find} costs a shell and a local socket instead of a JVM start
 * and a Bolt connection (1.3-1.6 s on a warm store). The launcher tries it first and starts a JVM as
 * before whenever it cannot be used.
 *
 * <p>The daemon listens on 127.0.0.1 only, on a free port, and publishes {@code <port> <token> <jar> <pid>} in
 * {@code .graph-memory/cli.endpoint}, readable by the user alone like the store's credentials; the
 * token is 24 random bytes, new at each start; {@code <jar>} names the build ({@link #jarStamp}), and the launcher uses the
 * endpoint only while {@code <pid>} lives (a killed daemon's port may serve something else). A request is NUL-terminated fields: the token, the
 * worktree, the number of arguments, the arguments. The answer is the exit code, NUL, what the
 * command wrote on stderr, NUL, then what it wrote on stdout until the connection closes; or {@code
 * fallback} and NUL when the daemon does not run it (a wrong token, another repository, a command or
 * option it does not answer, a malformed request), and nothing has run. The command runs exactly as
 * in its own JVM ({@link GraphMemoryCommand#execute}), with the daemon's own driver as its store.
 */
final class DaemonCli implements StoreDaemon.Service {
    /**
     * The commands the daemon answers: read-only, and with no argument that names a file; {@code
     * index}, whose run is the daemon's wherever it is asked (the command only leaves the request and
     * waits for the run's summary; the launcher sends it only when stderr is no terminal, which would
     * show a progress bar); and {@code serve} alone, whose MCP session the daemon then runs on the
     * connection ({@link McpSessions}).
     */
    static final Set<String> COMMANDS =
            Set.of("find", "neighbors", "query", "stats", "status", "cost", "gaps", "index");

    /**
     * Options the daemon does not take: {@code --repo} is the launcher's to send; {@code --verbose}
     * changes the process's logging; the connection options name another store; {@code --plan} and
     * {@code --explain} take a path the caller's working folder resolves, and the daemon's folder is
     * the repository's root.
     */
    private static final List<String> REFUSED =
            List.of("--repo", "--verbose", "--uri", "--user", "--password", "--plan", "--explain");

    static final String FALLBACK = "fallback";

    private static final Logger LOG = LoggerFactory.getLogger(DaemonCli.class);
    private static final int MAX_FIELD = 1 << 20;
    private static final int MAX_ARGS = 1000;
    private static final int READ_TIMEOUT_MILLIS = 10_000;
    private static final int THREADS = 4;

    private final StoreFiles files;
    private volatile McpSessions sessions;
    private volatile StoreOptions.InDaemon store;

    DaemonCli(StoreFiles files) {
        this.files = files;
    }

    @Override
    public AutoCloseable start(Driver driver, String description, Runnable served) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        byte[] token = HexFormat.of().formatHex(random).getBytes(StandardCharsets.US_ASCII);
        String published = server.getLocalPort() + " " + new String(token, StandardCharsets.US_ASCII) + " " + jarStamp()
                + " " + ProcessHandle.current().pid() + "\n";
        StoreFiles.writeAtomically(files.cliEndpointFile(), published);
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "gm-cli-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        StoreOptions.InDaemon store = new StoreOptions.InDaemon(driver, description);
        this.store = store;
        sessions = new McpSessions(served);
        Thread acceptor = new Thread(
                () -> {
                    while (!server.isClosed()) {
                        try {
                            Socket socket = server.accept();
                            pool.execute(() -> answer(socket, token, store, served));
                        } catch (IOException | java.util.concurrent.RejectedExecutionException e) {
                            if (!server.isClosed()) {
                                LOG.debug("command-line socket: {}", e.toString());
                            }
                        }
                    }
                },
                "gm-cli-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        LOG.debug("answering command lines on 127.0.0.1:{}", server.getLocalPort());
        return () -> {
            server.close();
            pool.shutdownNow();
            sessions.close();
            try {
                if (Files.exists(files.cliEndpointFile())
                        && Files.readString(files.cliEndpointFile()).equals(published)) {
                    Files.deleteIfExists(files.cliEndpointFile());
                }
            } catch (IOException e) {
                LOG.debug("cannot remove {}: {}", files.cliEndpointFile(), e.toString());
            }
        };
    }

    /**
     * A {@code find}, a {@code gaps} and, when the repository has a complete index, an MCP session of {@code
     * initialize}, {@code tools/list} and a {@code graph_find}, with their output dropped: the first
     * real ones then answer as fast as later ones (the first session after a start took 0.8 s to
     * answer {@code initialize}, later ones 0.05 s).
     */
    @Override
    public void warmUp() {
        if (store == null) {
            return;
        }
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        execute(
                List.of(
                        "--repo",
                        files.storeRoot().toString(),
                        "find",
                        "--schema",
                        "architecture",
                        "--type",
                        "module",
                        "--limit",
                        "1"),
                store,
                nowhere,
                nowhere);
        // Reads the repository's module graph into the gaps tool's cache: on Spring the first gaps
        // after a start took 5.0 s, later ones 0.4 s (3.3 s after a refresh).
        execute(
                List.of("--repo", files.storeRoot().toString(), "gaps", "--json", "--limit", "1"),
                store,
                nowhere,
                nowhere);
        sessions.warmUp(files.storeRoot(), store);
    }

    /** Runs a command line as in its own JVM, with the daemon's driver as its store; returns its exit code. */
    private static int execute(List<String> args, StoreOptions.InDaemon store, PrintStream out, PrintStream err) {
        StoreOptions.IN_DAEMON.set(store);
        try {
            return GraphMemoryCommand.execute(args.toArray(String[]::new), out, err);
        } finally {
            StoreOptions.IN_DAEMON.remove();
        }
    }

    /**
     * The jar this daemon runs from, as the launcher names it ({@code stat -c %Y.%s}: modification
     * time in seconds, size): the launcher asks only a daemon of its own build, and otherwise starts a
     * JVM, which replaces a daemon of another build. {@code none} when it cannot be told (classes, not
     * a jar) or when the daemon plays another version ({@code gm.version.override}, for tests).
     */
    static String jarStamp() {
        if (System.getProperty("gm.version.override") != null) {
            return "none";
        }
        try {
            Path jar = Path.of(DaemonCli.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            if (!Files.isRegularFile(jar)) {
                return "none";
            }
            return Files.getLastModifiedTime(jar).toMillis() / 1000 + "." + Files.size(jar);
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            return "none";
        }
    }

    private void answer(Socket socket, byte[] token, StoreOptions.InDaemon store, Runnable served) {
        boolean handedOver = false;
        try {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            List<String> args = request(in, token);
            if (args == null) {
                out.write((FALLBACK + "\0").getBytes(StandardCharsets.US_ASCII));
                return;
            }
            if (args.get(2).equals("serve")) {
                handedOver = sessions.open(socket, in, out, Path.of(args.get(1)), field(in), store, served);
                return;
            }
            served.run();
            dev.graphmemory.server.store.DaemonActivity.requested();
            ByteArrayOutputStream stdout = new ByteArrayOutputStream();
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();
            int code;
            try (PrintStream o = new PrintStream(stdout, true, StandardCharsets.UTF_8);
                    PrintStream e = new PrintStream(stderr, true, StandardCharsets.UTF_8)) {
                code = execute(args, store, o, e);
            }
            served.run();
            out.write((code + "\0").getBytes(StandardCharsets.US_ASCII));
            // The stderr field ends at a NUL: a NUL of the command's own (none is expected) would end it early.
            out.write(stderr.toString(StandardCharsets.UTF_8).replace('\0', ' ').getBytes(StandardCharsets.UTF_8));
            out.write(0);
            stdout.writeTo(out);
            out.flush();
        } catch (IOException | RuntimeException e) {
            LOG.debug("command-line request failed: {}", e.toString());
        } finally {
            if (!handedOver) {
                try {
                    socket.close();
                } catch (IOException e) {
                    LOG.debug("closing a command-line socket: {}", e.toString());
                }
            }
        }
    }

    /**
     * Reads a request and returns the command line to run ({@code --repo WORKTREE} and the arguments),
     * or null when the daemon does not run it.
     */
    private List<String> request(InputStream in, byte[] token) throws IOException {
        String given = field(in);
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token)) {
            LOG.debug("command-line request with a wrong token refused");
            return null;
        }
        String worktree = field(in);
        String count = field(in);
        if (worktree == null || count == null || !count.matches("\\d{1,4}") || Integer.parseInt(count) > MAX_ARGS) {
            return null;
        }
        List<String> args = new ArrayList<>();
        for (int i = Integer.parseInt(count); i > 0; i--) {
            String arg = field(in);
            if (arg == null) {
                return null;
            }
            args.add(arg);
        }
        Path root;
        try {
            root = Path.of(worktree).toRealPath();
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return null;
        }
        if (!runs(args) || !StoreFiles.mainWorktree(root).equals(files.storeRoot())) {
            return null;
        }
        List<String> line = new ArrayList<>(List.of("--repo", root.toString()));
        line.addAll(args);
        return line;
    }

    /** Whether the daemon runs these arguments: one of {@link #COMMANDS}, first, and no option of the store's or the JVM's. */
    static boolean runs(List<String> args) {
        if (args.equals(List.of("serve"))) {
            return true;
        }
        if (args.isEmpty() || !COMMANDS.contains(args.getFirst())) {
            return false;
        }
        for (String a : args) {
            for (String option : REFUSED) {
                if (a.equals(option) || a.startsWith(option + "=")) {
                    return false;
                }
            }
        }
        return true;
    }

    /** One NUL-terminated UTF-8 field, or null at the end of input or past {@link #MAX_FIELD} bytes. */
    private static String field(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != 0; b = in.read()) {
            if (b < 0 || bytes.size() >= MAX_FIELD) {
                return null;
            }
            bytes.write(b);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
