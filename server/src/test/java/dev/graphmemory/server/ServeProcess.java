package dev.graphmemory.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code graph-memory serve} as a separate process, spoken to line by line over stdio. Every line
 * it writes to stdout is kept, to check that stdout carries nothing but MCP messages.
 */
final class ServeProcess implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    final Process process;
    final List<String> stdoutLines = new CopyOnWriteArrayList<>();
    final Path stderr;
    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final OutputStream stdin;

    ServeProcess(Path repo) throws IOException {
        this(repo, List.of());
    }

    /** With store options before {@code serve}, e.g. {@code --uri bolt://...} for the test store. */
    ServeProcess(Path repo, List<String> storeOptions) throws IOException {
        this(repo, storeOptions, java.util.Map.of());
    }

    /** With environment variables of the launcher's, e.g. {@code GRAPH_MEMORY_DIRECT=only}. */
    ServeProcess(Path repo, List<String> storeOptions, java.util.Map<String, String> env) throws IOException {
        ChildJvmArchive.awaitReady();
        stderr = Files.createTempFile("gm-serve-err", ".txt");
        List<String> command = new java.util.ArrayList<>(
                List.of(Launcher.projectRoot().resolve("graph-memory").toString(), "--repo", repo.toString()));
        command.addAll(storeOptions);
        command.add("serve");
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(stderr.toFile());
        pb.environment().put("GRAPH_MEMORY_DAEMON_IDLE", "60s");
        pb.environment().putAll(env);
        process = pb.start();
        stdin = process.getOutputStream();
        Thread reader = new Thread(() -> {
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    stdoutLines.add(line);
                    try {
                        messages.add(JSON.readTree(line));
                    } catch (RuntimeException e) {
                        // kept in stdoutLines; the test fails on it
                    }
                }
            } catch (IOException e) {
                // process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    void send(String json) throws IOException {
        stdin.write((json + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    /** Sends a request and waits for the response with its id. */
    JsonNode request(int id, String method, String params) throws Exception {
        send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}");
        return response(id);
    }

    JsonNode response(int id) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            JsonNode m = messages.poll(1, TimeUnit.SECONDS);
            if (m != null && m.has("id") && m.get("id").asInt() == id) {
                return m;
            }
        }
        throw new AssertionError("no response to request " + id + "; stderr: " + Files.readString(stderr));
    }

    /** Closes stdin and waits for the process to end; returns its exit code. */
    int endInput() throws Exception {
        stdin.close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("serve did not stop after stdin closed");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
