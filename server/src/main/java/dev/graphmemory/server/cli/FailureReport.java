package dev.graphmemory.server.cli;

import dev.graphmemory.server.store.StoreFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.neo4j.driver.exceptions.Neo4jException;

/**
 * How the CLI reports a failure it did not expect: one line on stderr that says what failed and
 * why, from the messages along the exception's causes ({@code graph-memory: index failed: cannot
 * read git's index file /r/.git/index (...): Short read of block. (EOFException)}), and a second
 * line that says where the stack trace is. The trace goes to {@code .graph-memory/logs/cli.log}, or
 * to stderr with {@code --verbose}.
 *
 * <p>Design notes: a stack trace is for whoever fixes graph-memory, not for whoever runs it, and a
 * Neo4j driver exception's trace runs to a hundred lines of Netty frames that hide the one line that
 * matters. The log file keeps the trace for a bug report without asking the user to run the command
 * again. Command-line arguments are not logged: they may hold {@code --password}.
 */
final class FailureReport {
    /** The CLI's log, beside the daemon's and the hook's in {@code .graph-memory/logs/}. */
    static final String LOG_FILE = "cli.log";

    private static final long MAX_LOG_BYTES = 1 << 20;
    private static final int MAX_MESSAGE_CHARS = 600;

    private FailureReport() {}

    /**
     * Reports a failure of {@code command} on {@code err}.
     *
     * @param repoRoot the repository's working tree, to find the log folder; may throw, when the
     *     failure is that there is none
     */
    static void unexpected(Throwable e, String command, boolean verbose, Supplier<Path> repoRoot, PrintStream err) {
        err.println("graph-memory: " + command + " failed: " + describe(e));
        if (verbose) {
            e.printStackTrace(err);
            return;
        }
        Path log = log(e, command, repoRoot);
        err.println("graph-memory: "
                + (log == null ? "" : "the stack trace is in " + log + "; ")
                + "run again with --verbose to print it here");
    }

    /**
     * The failure in one line: the message of each exception along the causes that adds something,
     * joined by {@code ": "}, then the innermost exception's type (what a bug report needs first).
     */
    static String describe(Throwable e) {
        List<String> parts = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable innermost = e;
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            innermost = t;
            String m = message(t);
            if (m != null && parts.stream().noneMatch(p -> p.contains(m))) {
                parts.add(m);
            }
        }
        String text = String.join(": ", parts).replaceAll("\\s+", " ").strip();
        if (text.length() > MAX_MESSAGE_CHARS) {
            text = text.substring(0, MAX_MESSAGE_CHARS) + "…";
        }
        String type = innermost.getClass().getSimpleName();
        return text.isEmpty() ? type : text + " (" + type + ")";
    }

    /** What {@code t} adds to its cause's message, or null (a wrapper made from the cause alone adds nothing). */
    private static String message(Throwable t) {
        String m = t.getMessage();
        if (m == null
                || m.isBlank()
                || (t.getCause() != null && m.equals(t.getCause().toString()))) {
            return null;
        }
        if (t instanceof Neo4jException n
                && n.code() != null
                && n.code().startsWith("Neo.") // the server's status code; "N/A" when the driver raised it
                && !m.contains(n.code())) {
            return m.strip() + " [" + n.code() + "]";
        }
        return m.strip();
    }

    /** Appends the trace to the repository's CLI log; returns the log, or null when there is none to write. */
    private static Path log(Throwable e, String command, Supplier<Path> repoRoot) {
        try {
            StoreFiles files = StoreFiles.forWorktree(repoRoot.get());
            files.prepare(); // the folder is created and kept out of git as for any other command
            Path log = files.logsDir().resolve(LOG_FILE);
            if (Files.exists(log) && Files.size(log) > MAX_LOG_BYTES) {
                Files.move(log, log.resolveSibling(LOG_FILE + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            Files.writeString(
                    log,
                    Instant.now() + " graph-memory " + command + " failed\n" + trace + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            return log;
        } catch (IOException | RuntimeException unavailable) {
            return null; // no repository, or no writable store folder: --verbose is the way
        }
    }
}
