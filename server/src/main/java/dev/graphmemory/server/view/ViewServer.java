package dev.graphmemory.server.view;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of {@code graph-memory view}: a read-only page and its JSON endpoints on 127.0.0.1,
 * on a free port, behind a random token.
 *
 * <p>Design notes: the JDK's own {@link HttpServer} parses HTTP, so there is no hand-made parsing
 * here. Every request passes one gate ({@link #refusal}) before any handler runs: GET only (405),
 * a Host header naming this port on 127.0.0.1 or localhost (403; a page on another origin that
 * rebinds its DNS name to 127.0.0.1 still sends its own name), and the token either as the query
 * parameter {@code t} or as the cookie the page sets (403). The token is 24 random bytes, new at
 * each start, compared in constant time. The endpoints ({@link ViewApi}) call the read code of the
 * tools with parameters; none runs caller-given Cypher, none writes. The drawing library,
 * Cytoscape.js, comes from its WebJar on the classpath (the build puts it there from Maven Central)
 * and is served at {@link #LIBRARY} behind the same gate, so the page works offline and loads
 * nothing from another origin.
 */
public final class ViewServer implements AutoCloseable {
    /** The cookie that carries the token once the page has been opened with it. */
    static final String COOKIE = "gmview";

    /** The path the page loads its drawing library from. */
    static final String LIBRARY = "/lib/cytoscape.min.js";

    private static final Logger LOG = LoggerFactory.getLogger(ViewServer.class);
    private static final Map<String, String> STATIC = Map.of(
            "/",
            "/view/index.html",
            "/app.js",
            "/view/app.js",
            "/app.css",
            "/view/app.css",
            LIBRARY,
            WebJar.file("cytoscape", "dist/cytoscape.min.js"));

    private final HttpServer http;
    private final ExecutorService threads;
    private final String token;
    private final ViewApi api;

    private ViewServer(HttpServer http, ExecutorService threads, String token, ViewApi api) {
        this.http = http;
        this.threads = threads;
        this.token = token;
        this.api = api;
    }

    /** Starts serving {@code api} on 127.0.0.1 (IPv4 always, as the URL says) on a free port. */
    public static ViewServer start(ViewApi api) throws IOException {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        HttpServer http =
                HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 16);
        ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "graph-memory-view");
            t.setDaemon(true);
            return t;
        });
        ViewServer server = new ViewServer(http, threads, token, api);
        http.createContext("/", server::handle);
        http.setExecutor(threads);
        http.start();
        return server;
    }

    /** The port it listens on. */
    public int port() {
        return http.getAddress().getPort();
    }

    /** The token a request must carry. */
    public String token() {
        return token;
    }

    /** The URL to open: the map page with the token. */
    public String url() {
        return "http://127.0.0.1:" + port() + "/?t=" + token;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            ex.getResponseHeaders().set("Referrer-Policy", "no-referrer");
            int refused = refusal(ex);
            if (refused != 0) {
                if (refused == 405) {
                    ex.getResponseHeaders().set("Allow", "GET");
                }
                send(ex, refused, "text/plain; charset=utf-8", (refused == 405 ? "GET only" : "forbidden") + "\n");
                return;
            }
            Map<String, String> query = Query.parse(ex.getRequestURI().getRawQuery());
            if (query.containsKey("t")) {
                ex.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict");
            }
            String path = ex.getRequestURI().getPath();
            if (STATIC.containsKey(path)) {
                sendResource(ex, STATIC.get(path));
            } else if (path.startsWith("/api/")) {
                ViewApi.Answer answer = api.answer(path.substring("/api/".length()), query);
                send(ex, answer.status(), "application/json; charset=utf-8", answer.json());
            } else {
                send(ex, 404, "text/plain; charset=utf-8", "not found\n");
            }
        } catch (RuntimeException e) {
            LOG.error("view: {} failed", ex.getRequestURI().getPath(), e);
        }
    }

    /** 0 when the request may be answered, else the status that refuses it. */
    int refusal(HttpExchange ex) {
        if (!"GET".equals(ex.getRequestMethod())) {
            return 405;
        }
        String host = ex.getRequestHeaders().getFirst("Host");
        if (host == null || !(host.equals("127.0.0.1:" + port()) || host.equals("localhost:" + port()))) {
            return 403;
        }
        String given = Query.parse(ex.getRequestURI().getRawQuery()).get("t");
        if (given == null) {
            given = cookie(ex.getRequestHeaders().getFirst("Cookie"));
        }
        if (given == null
                || !MessageDigest.isEqual(
                        given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            return 403;
        }
        return 0;
    }

    private static String cookie(String header) {
        if (header == null) {
            return null;
        }
        for (String part : header.split(";")) {
            String p = part.strip();
            if (p.startsWith(COOKIE + "=")) {
                return p.substring(COOKIE.length() + 1);
            }
        }
        return null;
    }

    private static void sendResource(HttpExchange ex, String name) throws IOException {
        try (InputStream in = ViewServer.class.getResourceAsStream(name)) {
            if (in == null) {
                send(ex, 500, "text/plain; charset=utf-8", "missing resource " + name + "\n");
                return;
            }
            String type = name.endsWith(".js")
                    ? "text/javascript; charset=utf-8"
                    : name.endsWith(".css") ? "text/css; charset=utf-8" : "text/html; charset=utf-8";
            // The page loads only its own script and style and fetches only its own endpoints.
            ex.getResponseHeaders()
                    .set(
                            "Content-Security-Policy",
                            "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
                                    + " img-src 'self' data:; base-uri 'none'; form-action 'none';"
                                    + " frame-ancestors 'none'");
            send(ex, 200, type, in.readAllBytes());
        }
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        send(ex, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        http.stop(0);
        threads.shutdownNow();
    }
}
