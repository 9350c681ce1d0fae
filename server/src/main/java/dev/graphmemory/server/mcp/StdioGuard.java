package dev.graphmemory.server.mcp;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands between stdio and the MCP SDK's transport. Each line read from stdin is checked by
 * {@link JsonRpcCheck}: a well-formed message goes on to the SDK; anything else (not JSON, not a
 * JSON-RPC 2.0 object, an id that is not a string or an integer, params of the wrong shape) is
 * answered here with a JSON-RPC error ({@code -32700}, {@code -32600}, {@code -32602}) and dropped,
 * because one such line would otherwise end the SDK's inbound loop and every later request would
 * go unanswered. Output is written a whole line at a time, so the SDK's messages and
 * these errors never interleave on stdout. The end of stdin counts down {@code ended}; the requests
 * read before it are answered before the SDK sees its input end (a script that writes its requests
 * and closes stdin gets its answers).
 */
final class StdioGuard {
    private static final Logger LOG = LoggerFactory.getLogger(StdioGuard.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int PIPE_BYTES = 4 << 20;
    private static final java.time.Duration ANSWER_WAIT = java.time.Duration.ofSeconds(60);

    private final InputStream in;
    private final LineOutput out;
    private final CountDownLatch ended;
    private final PipedInputStream toSdk;
    private final PipedOutputStream feed;

    StdioGuard(InputStream in, OutputStream out, CountDownLatch ended) throws IOException {
        this.in = in;
        this.out = new LineOutput(out);
        this.ended = ended;
        this.toSdk = new PipedInputStream(PIPE_BYTES);
        this.feed = new PipedOutputStream(toSdk);
    }

    /** What the SDK reads: the checked lines. */
    InputStream sdkInput() {
        return toSdk;
    }

    /** What the SDK writes to: stdout, a whole line at a time. */
    OutputStream sdkOutput() {
        return out;
    }

    /** Starts reading stdin on a thread of its own. */
    void start() {
        Thread t = new Thread(this::pump, "gm-stdin");
        t.setDaemon(true);
        t.start();
    }

    private void pump() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String message = check(line);
                if (message != null) {
                    feed.write((message + "\n").getBytes(StandardCharsets.UTF_8));
                    feed.flush();
                }
            }
        } catch (IOException e) {
            LOG.debug("stdin ended: {}", e.toString());
        } finally {
            // The SDK closes its session at the end of its input: the requests already read are
            // answered first (a tool call may take a while).
            try {
                if (!out.awaitAnswers(ANSWER_WAIT)) {
                    LOG.debug("stdin ended with requests unanswered after {}", ANSWER_WAIT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                feed.close();
            } catch (IOException e) {
                LOG.debug("closing the SDK pipe: {}", e.toString());
            }
            ended.countDown();
        }
    }

    /**
     * Returns the checked message for the SDK, or null when {@code line} was answered here. A request
     * passed on is counted as owing an answer before the SDK can see it.
     */
    private String check(String line) throws IOException {
        JsonRpcCheck.Verdict verdict = JsonRpcCheck.check(line);
        if (verdict.forwards()) {
            if (verdict.request()) {
                out.expectAnswer();
            }
            return verdict.forward();
        }
        LOG.warn("answered an input line with error {}: {}", verdict.code(), verdict.message());
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("jsonrpc", "2.0");
        error.put("id", verdict.id());
        error.put("error", Map.of("code", verdict.code(), "message", verdict.message()));
        out.writeLine(JSON.writeValueAsString(error));
        return null;
    }

    /**
     * Buffers writes until a newline, then writes the whole line under one lock. Counts the answers
     * the server still owes: one more for each request forwarded, one less for each response the
     * SDK writes (its responses begin {@code {"jsonrpc":"2.0","id":}, its requests and
     * notifications {@code {"jsonrpc":"2.0","method":}).
     */
    static final class LineOutput extends OutputStream {
        private static final byte[] RESPONSE = "{\"jsonrpc\":\"2.0\",\"id\":".getBytes(StandardCharsets.UTF_8);

        private final OutputStream target;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private int owed;

        LineOutput(OutputStream target) {
            this.target = target;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            pending.write(b);
            if (b == '\n') {
                drain();
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            for (int i = 0; i < len; i++) {
                write(b[off + i]);
            }
        }

        @Override
        public synchronized void flush() throws IOException {
            target.flush();
        }

        synchronized void writeLine(String line) throws IOException {
            target.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            target.flush();
        }

        synchronized void expectAnswer() {
            owed++;
        }

        synchronized boolean awaitAnswers(java.time.Duration max) throws InterruptedException {
            long end = System.nanoTime() + max.toNanos();
            while (owed > 0) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }

        private void drain() throws IOException {
            byte[] line = pending.toByteArray();
            pending.reset();
            try {
                target.write(line);
                target.flush();
            } catch (IOException e) {
                // Nobody reads the answers any more: none is owed.
                owed = 0;
                notifyAll();
                throw e;
            }
            if (owed > 0
                    && java.util.Arrays.equals(
                            line, 0, Math.min(line.length, RESPONSE.length), RESPONSE, 0, RESPONSE.length)) {
                owed--;
                notifyAll();
            }
        }
    }
}
