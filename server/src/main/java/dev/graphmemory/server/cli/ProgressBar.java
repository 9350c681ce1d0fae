package dev.graphmemory.server.cli;

import dev.graphmemory.indexer.ProgressListener;
import java.io.PrintStream;

/**
 * A one-line progress bar on stderr, drawn only when stderr is a terminal (so logs and pipes stay
 * clean). Redraws at most ten times a second.
 */
final class ProgressBar implements ProgressListener, AutoCloseable {
    private final PrintStream err;
    private final boolean enabled;
    private String phase = "";
    private long total;
    private long done;
    private long lastDraw;
    private boolean drawn;

    private ProgressBar(PrintStream err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    static ProgressBar forStderr() {
        boolean terminal =
                System.console() != null && System.getenv("TERM") != null && !"dumb".equals(System.getenv("TERM"));
        return new ProgressBar(System.err, terminal);
    }

    @Override
    public synchronized void phase(String name, long total) {
        this.phase = name;
        this.total = total;
        this.done = 0;
        draw(true);
    }

    @Override
    public synchronized void advance(long steps) {
        done += steps;
        draw(false);
    }

    /** Shows a state read from elsewhere (a run in the store daemon). */
    synchronized void show(String name, long total, long done) {
        boolean changed = !name.equals(phase);
        this.phase = name;
        this.total = total;
        this.done = done;
        draw(changed);
    }

    private void draw(boolean force) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (!force && now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        String line;
        if (total > 0) {
            int width = 30;
            int filled = (int) Math.min(width, done * width / total);
            line = String.format(
                    "%-9s [%s%s] %d/%d", phase, "#".repeat(filled), " ".repeat(width - filled), done, total);
        } else {
            line = phase + "...";
        }
        err.print("\r" + line + "\u001b[K");
        err.flush();
        drawn = true;
    }

    @Override
    public synchronized void close() {
        if (drawn) {
            err.print("\r\u001b[K");
            err.flush();
            drawn = false;
        }
    }
}
