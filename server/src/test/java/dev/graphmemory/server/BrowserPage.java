package dev.graphmemory.server;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One page of a headless Chromium, driven over the DevTools protocol
 * (https://chromedevtools.github.io/devtools-protocol/) on its WebSocket, for the tests that need
 * more than a page's first DOM: clicks where a person would click, the page's own state read back,
 * screenshots after each step.
 */
final class BrowserPage implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Process chromium;
    private final WebSocket socket;
    private final AtomicInteger lastId = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private BrowserPage(Process chromium, String pageSocket) {
        this.chromium = chromium;
        this.socket = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .connectTimeout(WAIT)
                .buildAsync(URI.create(pageSocket), new Listener())
                .join();
    }

    /** Starts {@code chromium} headless with a window of {@code width} by {@code height} on a blank page. */
    static BrowserPage open(String chromium, Path profile, int width, int height) throws Exception {
        Process p = new ProcessBuilder(
                        chromium,
                        "--headless",
                        "--disable-gpu",
                        "--no-sandbox",
                        "--no-first-run",
                        "--user-data-dir=" + profile,
                        "--window-size=" + width + "," + height,
                        "--remote-debugging-port=0",
                        "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            String browserSocket = listeningOn(p);
            URI list = URI.create(browserSocket.replaceFirst("^ws://([^/]+)/.*$", "http://$1/json/list"));
            String pages = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(list).timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            for (JsonNode target : JSON.readTree(pages)) {
                if (target.path("type").asString().equals("page")) {
                    return new BrowserPage(p, target.get("webSocketDebuggerUrl").asString());
                }
            }
            throw new AssertionError("Chromium lists no page: " + pages);
        } catch (Exception | AssertionError e) {
            p.destroyForcibly();
            throw e;
        }
    }

    /** The browser's DevTools address, from the line Chromium prints on stderr; the rest of stderr is drained. */
    private static String listeningOn(Process p) throws Exception {
        CompletableFuture<String> found = new CompletableFuture<>();
        Thread drain = new Thread(() -> {
            try (BufferedReader err =
                    new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = err.readLine()) != null; ) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        found.complete(m.group(1));
                    }
                }
                found.completeExceptionally(new AssertionError("Chromium ended without a DevTools address"));
            } catch (Exception e) {
                found.completeExceptionally(e);
            }
        });
        drain.setDaemon(true);
        drain.start();
        return found.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Sends one DevTools command and returns its result; a protocol error fails the test. */
    JsonNode call(String method, ObjectNode params) throws Exception {
        int id = lastId.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params == null ? JSON.createObjectNode() : params);
        socket.sendText(JSON.writeValueAsString(message), true).join();
        JsonNode reply = answer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        if (reply.has("error")) {
            throw new AssertionError(method + " failed: " + reply.get("error"));
        }
        return reply.path("result");
    }

    /** The value of a JavaScript expression in the page (a promise is awaited); a thrown error fails the test. */
    JsonNode eval(String expression) throws Exception {
        ObjectNode params = JSON.createObjectNode()
                .put("expression", expression)
                .put("returnByValue", true)
                .put("awaitPromise", true);
        JsonNode result = call("Runtime.evaluate", params);
        if (result.has("exceptionDetails")) {
            throw new AssertionError(expression + " threw: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Opens {@code url} and waits until the view says its page is drawn ({@code main[data-state]} not loading). */
    void open(String url) throws Exception {
        call("Page.navigate", JSON.createObjectNode().put("url", url));
        long end = System.nanoTime() + WAIT.toNanos();
        String state = "";
        while (System.nanoTime() < end) {
            state = eval("(document.getElementById('main') || {dataset: {}}).dataset.state || ''")
                    .asString();
            if (state.equals("ready") || state.equals("error")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(url + " still '" + state + "' after " + WAIT);
    }

    /** A left click at {@code xy} (x, y in the window's CSS pixels), as a mouse gives it. */
    void click(double[] xy) throws Exception {
        double x = xy[0];
        double y = xy[1];
        for (String type : new String[] {"mouseMoved", "mousePressed", "mouseReleased"}) {
            ObjectNode e = JSON.createObjectNode()
                    .put("type", type)
                    .put("x", x)
                    .put("y", y)
                    .put("button", type.equals("mouseMoved") ? "none" : "left")
                    .put("clickCount", type.equals("mouseMoved") ? 0 : 1);
            call("Input.dispatchMouseEvent", e);
        }
        // The page's handlers ran with the events; one frame more and what they changed is drawn.
        eval("new Promise(done => requestAnimationFrame(() => done(true)))");
    }

    /** Saves what the page shows now as a PNG. */
    void screenshot(Path png) throws Exception {
        JsonNode shot = call("Page.captureScreenshot", JSON.createObjectNode().put("format", "png"));
        Files.write(png, Base64.getDecoder().decode(shot.get("data").asString()));
    }

    @Override
    public void close() {
        socket.abort();
        chromium.destroy();
        try {
            if (!chromium.waitFor(10, TimeUnit.SECONDS)) {
                chromium.destroyForcibly();
            }
        } catch (InterruptedException e) {
            chromium.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Completes the pending command each reply names; events (no id) are not needed here. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                JsonNode message = JSON.readTree(text.toString());
                text.setLength(0);
                CompletableFuture<JsonNode> answer =
                        message.has("id") ? pending.remove(message.get("id").asInt()) : null;
                if (answer != null) {
                    answer.complete(message);
                }
            }
            ws.request(1);
            return null;
        }
    }
}
