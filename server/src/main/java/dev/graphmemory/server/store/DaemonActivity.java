package dev.graphmemory.server.store;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * When the store daemon last got a request (a command line it answers, a message of an MCP
 * session), as opposed to a session merely staying open: the daemon compacts its memory again a
 * while after the last request, and a request after such a compaction reads the start-up cache's
 * pages back at once ({@link StartupCachePages#willNeed()}) instead of one fault at a time. One per
 * JVM, as the daemon is.
 */
public final class DaemonActivity {
    private static volatile long lastRequest = System.nanoTime();
    private static volatile Runnable onRequest = () -> {};

    private DaemonActivity() {}

    /** A request arrived. */
    public static void requested() {
        lastRequest = System.nanoTime();
        onRequest.run();
    }

    /** {@link System#nanoTime()} at the last request (the class's loading before any). */
    static long lastRequest() {
        return lastRequest;
    }

    /** What a request runs first (cheap: it runs on the request's thread). */
    static void onRequest(Runnable action) {
        onRequest = action;
    }

    /** {@code in}, telling of a request whenever a read returns bytes (an MCP message arrived). */
    public static InputStream marking(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    requested();
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    requested();
                }
                return n;
            }
        };
    }
}
