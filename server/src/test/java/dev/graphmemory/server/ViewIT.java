package dev.graphmemory.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.graphmemory.queries.testkit.TestNeo4j;
import dev.graphmemory.server.config.GraphMemoryConfig;
import dev.graphmemory.server.mcp.GraphTools;
import dev.graphmemory.server.mcp.Staleness;
import dev.graphmemory.server.mcp.StoreHandle;
import dev.graphmemory.server.store.ExternalStore;
import dev.graphmemory.server.store.GraphStore;
import dev.graphmemory.server.view.ViewApi;
import dev.graphmemory.server.view.ViewServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code graph-memory view}'s server on the workflow fixture indexed once into the shared test
 * Neo4j, with one planted gap (an exporter only its test uses): requests without the token, with a
 * wrong one, with another Host or another method are refused; with the token each page and endpoint
 * answers with the fixture's nodes; the drawing library (Cytoscape.js) is served from the jar behind
 * the same token; and, where Chromium is installed, each page drawn by headless Chromium holds the
 * nodes the endpoints gave, and on the map a click opens and closes a folder in place and goes to a
 * module's page (screenshots under {@code target/}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ViewIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MODULE = "architecture:module:";
    private static final String AUTH = "src/main/java/com/acme/auth/";
    private static final String EXPORTER = FixtureRepo.PLANTED_GAP;

    @TempDir
    static Path tmp;

    private Path repo;
    private GraphStore store;
    private ViewServer server;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void indexFixtureAndStartTheView() throws Exception {
        repo = FixtureRepo.workflowRepoWithPlantedGap(tmp.resolve("repo"));
        Cli index = Cli.onTestStore(repo, "index");
        assertThat(index.exitCode()).as(index.err()).isZero();
        Path root = repo.toRealPath();
        store = ExternalStore.connect(
                TestNeo4j.boltUri(), null, null, GraphMemoryConfig.load(root).repoKeyFor(root));
        GraphTools tools = new GraphTools(StoreHandle.of(store));
        Staleness staleness = new Staleness(root);
        server = ViewServer.start(new ViewApi(store, root, () -> tools.stamp(staleness)));
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (store != null) {
            store.close();
        }
    }

    private String base() {
        return "http://127.0.0.1:" + server.port();
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode api(String name, String param, String value) throws Exception {
        HttpResponse<String> r = get("/api/" + name + "?" + param + "=" + enc(value) + "&t=" + server.token());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        return JSON.readTree(r.body());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static List<String> ids(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get("id").asString()));
        return out;
    }

    @Test
    void refusesRequestsWithoutTheToken() throws Exception {
        for (String p : List.of("/", "/app.js", "/lib/cytoscape.min.js", "/api/map", "/api/find?q=Handler")) {
            assertThat(get(p).statusCode()).as(p).isEqualTo(403);
        }
    }

    @Test
    void refusesAWrongTokenInTheQueryOrTheCookie() throws Exception {
        String wrong = server.token().substring(1) + "x";
        assertThat(get("/?t=" + wrong).statusCode()).isEqualTo(403);
        assertThat(get("/api/map?t=").statusCode()).isEqualTo(403);
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/api/map"))
                        .header("Cookie", "gmview=" + wrong)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(403);
    }

    @Test
    void refusesAHostHeaderThatIsNotThisLoopbackPort() throws Exception {
        // HttpClient will not send another Host: a socket sends the request as a rebinding page would.
        assertThat(rawStatus("GET", "evil.example:" + server.port())).isEqualTo(403);
        assertThat(rawStatus("GET", "127.0.0.1:" + (server.port() + 1))).isEqualTo(403);
        assertThat(rawStatus("GET", "localhost:" + server.port())).isEqualTo(200);
        assertThat(rawStatus("GET", "127.0.0.1:" + server.port())).isEqualTo(200);
    }

    @Test
    void refusesEveryMethodButGet() throws Exception {
        HttpResponse<String> post = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/api/map?t=" + server.token()))
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(rawStatus("DELETE", "127.0.0.1:" + server.port())).isEqualTo(405);
    }

    /** The status of {@code METHOD /?t=TOKEN} sent over a plain socket with the Host header given. */
    private int rawStatus(String method, String host) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(
                    (method + " /?t=" + server.token() + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    @Test
    void theFirstPageSetsACookieThatOpensTheRest() throws Exception {
        HttpResponse<String> page = get("/?t=" + server.token());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<script src=\"lib/cytoscape.min.js\"", "<script src=\"app.js\"");
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict");
        HttpResponse<String> js = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/app.js"))
                        .header("Cookie", cookie.substring(0, cookie.indexOf(';')))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(js.body()).contains("cytoscape({");
    }

    @Test
    void servesTheDrawingLibraryFromTheJarAndNothingFromElsewhere() throws Exception {
        HttpResponse<String> lib = get("/lib/cytoscape.min.js?t=" + server.token());
        assertThat(lib.statusCode()).isEqualTo(200);
        assertThat(lib.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        // The WebJar's own file, byte for byte: the build vendored it, nothing fetched it at run time.
        String version;
        try (InputStream in =
                getClass().getResourceAsStream("/META-INF/maven/org.webjars.npm/cytoscape/pom.properties")) {
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            version = p.getProperty("version");
        }
        try (InputStream in = getClass()
                .getResourceAsStream("/META-INF/resources/webjars/cytoscape/" + version + "/dist/cytoscape.min.js")) {
            assertThat(lib.body()).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertThat(lib.body()).contains("Cytoscape Consortium");
        // The page names no other origin, and its policy would refuse one.
        HttpResponse<String> page = get("/?t=" + server.token());
        assertThat(page.body()).doesNotContainPattern("(src|href)=\"(https?:)?//");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'", "connect-src 'self'");
    }

    @Test
    void theMapHoldsTheModulesTheirImportsAndTheGapInAWarning() throws Exception {
        JsonNode map = api("map", "path", "src/main/java");
        assertThat(ids(map.get("nodes")))
                .containsExactlyInAnyOrder(
                        MODULE + AUTH + "Handler.java",
                        MODULE + "src/main/java/com/acme/App.java",
                        MODULE + AUTH + "Authenticator.java",
                        MODULE + AUTH + "BaseHandler.java",
                        MODULE + AUTH + "TokenCache.java",
                        MODULE + "src/main/java/com/acme/spi/Plugin.java",
                        MODULE + "src/main/java/com/acme/spi/impl/FastPlugin.java",
                        MODULE + "src/main/java/com/acme/Broken.java",
                        MODULE + "src/main/java/com/acme/cli/Tool.java",
                        MODULE + EXPORTER);
        assertThat(map.get("edges").size()).isEqualTo(5);
        assertThat(map.get("edges"))
                .anyMatch(e -> e.get("from").asString().endsWith("App.java")
                        && e.get("to").asString().endsWith("Handler.java"));
        // The exporter only its test uses is a gap; App, the entry point, and what it imports are not.
        assertThat(gaps(map, MODULE + EXPORTER)).isEqualTo(1);
        assertThat(gaps(map, MODULE + "src/main/java/com/acme/App.java")).isZero();
        assertThat(gaps(map, MODULE + AUTH + "Handler.java")).isZero();
        int marked = 0;
        for (JsonNode n : map.get("nodes")) {
            marked += n.path("gaps").asInt(0);
        }
        assertThat(marked).isLessThanOrEqualTo(map.get("gap_total").asInt());
        assertThat(map.get("indexed_commit").asString()).isNotBlank();
        // What the page counts the boxes again from when a folder opens or closes: every module, the imports.
        JsonNode tree = map.get("tree");
        assertThat(tree.get("kind").asString()).isEqualTo("folder");
        assertThat(ids(tree.get("modules"))).containsExactlyInAnyOrderElementsOf(ids(map.get("nodes")));
        assertThat(tree.get("imports").size()).isEqualTo(5);
        for (JsonNode m : tree.get("modules")) {
            assertThat(m.get("gaps").asInt())
                    .as(m.toString())
                    .isEqualTo(gaps(map, m.get("id").asString()));
        }
        JsonNode folded = api("map", "path", "");
        assertThat(ids(folded.get("nodes"))).allMatch(id -> id.startsWith(MODULE));
        assertThat(api("map", "package", "com.acme.auth").get("nodes").size()).isEqualTo(4);
    }

    @Test
    void aModulesPageListsItsImportersTestsWorkUnitsAndDeclarations() throws Exception {
        JsonNode node = api("node", "id", MODULE + AUTH + "Handler.java");
        assertThat(node.get("node").asString()).isEqualTo(MODULE + AUTH + "Handler.java");
        assertThat(rows(node, "imported by")).contains(MODULE + "src/main/java/com/acme/App.java");
        assertThat(rows(node, "imports")).contains(MODULE + AUTH + "TokenCache.java");
        assertThat(rows(node, "tested by")).contains(MODULE + "src/test/java/com/acme/auth/HandlerTest.java");
        assertThat(rows(node, "work units")).anyMatch(id -> id.endsWith("WU-281"));
        assertThat(rows(node, "declares (classes and functions)")).anyMatch(id -> id.contains("Handler"));
        assertThat(rows(node, "commits")).isNotEmpty();
    }

    private static int gaps(JsonNode map, String id) {
        for (JsonNode n : map.get("nodes")) {
            if (n.get("id").asString().equals(id)) {
                return n.path("gaps").asInt(0);
            }
        }
        throw new AssertionError("no box " + id + " in " + map);
    }

    private static List<String> rows(JsonNode node, String section) {
        for (JsonNode s : node.get("sections")) {
            if (s.get("title").asString().equals(section)) {
                return ids(s.get("rows"));
            }
        }
        throw new AssertionError("no section '" + section + "' in " + node);
    }

    @Test
    void aWorkUnitsPageHoldsItsFilesBugsDecisionsAndCommits() throws Exception {
        JsonNode wu = api("work_unit", "id", "WU-281");
        List<String> ids = ids(wu.get("nodes"));
        assertThat(ids)
                .anyMatch(id -> id.endsWith("WU-281"))
                .anyMatch(id -> id.endsWith("BUG-ARCH-014"))
                .anyMatch(id -> id.endsWith("ADR-002"))
                .contains(MODULE + AUTH + "Handler.java", MODULE + AUTH + "TokenCache.java")
                .anyMatch(id -> id.startsWith("workflow:commit:"));
    }

    @Test
    void theSearchFindsIdsAndTitlesContainingTheText() throws Exception {
        JsonNode found = api("find", "q", "TokenCache");
        assertThat(ids(found.get("rows"))).contains(MODULE + AUTH + "TokenCache.java");
        assertThat(ids(api("find", "q", "WU-28").get("rows"))).anyMatch(id -> id.endsWith("WU-281"));
        // "authentication" is only in WU-281's title ("Fix authentication timeout"), not in its id.
        assertThat(ids(api("find", "q", "authentication").get("rows"))).anyMatch(id -> id.endsWith("WU-281"));
    }

    @Test
    void aCallersMistakeIsA400ThatSaysWhatToGive() throws Exception {
        HttpResponse<String> r = get("/api/node?t=" + server.token());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("error").asString()).contains("'id' is required");
        assertThat(get("/api/cypher?t=" + server.token()).statusCode()).isEqualTo(404);
    }

    @Test
    void theCommandPrintsItsUrlServesThePageAndStopsOnSigterm() throws Exception {
        List<String> command = List.of(
                Launcher.projectRoot().resolve("graph-memory").toString(),
                "--repo",
                repo.toString(),
                "--uri",
                TestNeo4j.boltUri(),
                "view",
                "--no-browser");
        ChildJvmArchive.awaitReady();
        Process p = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            java.io.BufferedReader out = new java.io.BufferedReader(
                    new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String url = out.readLine();
            assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/\\?t=[A-Za-z0-9_-]{32,}");
            HttpResponse<String> page =
                    http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("graph-memory view");
            HttpResponse<String> refused = http.send(
                    HttpRequest.newBuilder(URI.create(url.substring(0, url.indexOf('?'))))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(403);
            p.destroy(); // SIGTERM, as Ctrl-C stops it: the shutdown hook closes the server and the store
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("view stopped").isTrue();
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void headlessChromiumDrawsEachPageWithTheNodesOfTheGraph() throws Exception {
        String chromium = chromium();
        assumeTrue(chromium != null, "Chromium is not installed (apt-get install chromium)");
        String url = base() + "/?t=" + server.token();

        // One headless Chromium for the four pages (a start each cost seconds), each page loaded afresh.
        try (BrowserPage page = BrowserPage.open(chromium, tmp.resolve("chromium-pages"), 1280, 900)) {
            JsonNode map = api("map", "path", "src/main/java");
            String mapDom = dom(page, url + "#map=" + enc("src/main/java"), "view-map.png");
            assertThat(attribute(mapDom, "li", "data-drawn"))
                    .containsExactlyInAnyOrderElementsOf(ids(map.get("nodes")));
            assertThat(mapDom)
                    .contains("data-nodes=\"" + map.get("nodes").size() + "\" data-edges=\""
                            + map.get("edges").size() + "\"")
                    .containsPattern("data-drawn=\"" + Pattern.quote(MODULE + EXPORTER)
                            + "\" data-kind=\"module\" data-gaps=\"1\"");

            String moduleDom = dom(page, url + "#node=" + enc(MODULE + AUTH + "Handler.java"), "view-module.png");
            assertThat(attribute(moduleDom, "li", "data-id"))
                    .contains(MODULE + "src/main/java/com/acme/App.java", MODULE + AUTH + "TokenCache.java");

            String wuDom = dom(page, url + "#wu=" + enc("WU-281"), "view-work-unit.png");
            assertThat(attribute(wuDom, "li", "data-drawn"))
                    .containsExactlyInAnyOrderElementsOf(
                            ids(api("work_unit", "id", "WU-281").get("nodes")));

            String findDom = dom(page, url + "#find=TokenCache", "view-find.png");
            assertThat(attribute(findDom, "li", "data-id")).contains(MODULE + AUTH + "TokenCache.java");
        }
    }

    @Test
    void onTheMapAClickOpensAndClosesAFolderInPlaceAndAnotherGoesToAModulesPage() throws Exception {
        String chromium = chromium();
        assumeTrue(chromium != null, "Chromium is not installed (apt-get install chromium)");
        JsonNode map = api("map", "path", "src/main/java");
        List<String> modules = ids(map.get("nodes"));
        String auth = "src/main/java/com/acme/auth";
        String app = MODULE + "src/main/java/com/acme/App.java";
        try (BrowserPage page = BrowserPage.open(chromium, tmp.resolve("chromium-devtools"), 1280, 900)) {
            page.open(base() + "/?t=" + server.token() + "#map=" + enc("src/main/java"));
            assertThat(page.eval("typeof cytoscape + ' ' + cytoscape.version").asString())
                    .startsWith("function 3.");
            assertThat(drawn(page)).containsExactlyInAnyOrderElementsOf(modules);
            assertThat(page.eval("viewGraph.edges().length").asInt())
                    .isEqualTo(map.get("edges").size());
            page.eval("window.samePage = true");

            // Closing auth/ (its button above the drawing): its four modules become one box, App's import one arrow.
            page.click(
                    centre(page, "document.querySelector('.open-folders button[data-frame=\"open:" + auth + "\"]')"));
            List<String> closed = drawn(page);
            assertThat(closed)
                    .hasSize(modules.size() - 3)
                    .contains("folder:" + auth, app)
                    .noneMatch(id -> id.startsWith(MODULE + auth + "/"));
            assertThat(page.eval("viewGraph.edges().some(e => e.source().id() === '" + app
                                    + "' && e.target().id() === 'folder:" + auth + "')")
                            .asBoolean())
                    .as("App's import of Handler drawn as an arrow into auth/")
                    .isTrue();
            page.screenshot(Path.of("target", "view-map-closed.png").toAbsolutePath());

            // Opening it again (a click on its box in the drawing) brings back the modules, on the same page.
            page.click(centre(page, "viewGraph.getElementById('folder:" + auth + "')"));
            assertThat(drawn(page)).containsExactlyInAnyOrderElementsOf(modules);
            assertThat(page.eval("viewGraph.edges().length").asInt())
                    .isEqualTo(map.get("edges").size());
            assertThat(page.eval("window.samePage === true && location.hash").asString())
                    .as("no new page: the same document, the same address")
                    .isEqualTo("#map=" + enc("src/main/java"));
            page.screenshot(Path.of("target", "view-map-opened.png").toAbsolutePath());

            // A module's box goes to its page.
            String handler = MODULE + AUTH + "Handler.java";
            page.click(centre(page, "viewGraph.getElementById('" + handler + "')"));
            assertThat(page.eval(
                                    "new Promise(done => { const t = setInterval(() => { const h = document.querySelector('h1[data-node]');"
                                            + " if (h && document.getElementById('main').dataset.state === 'ready') {"
                                            + " clearInterval(t); done(h.dataset.node); } }, 50); })")
                            .asString())
                    .isEqualTo(handler);
        }
    }

    /** The ids of the boxes Cytoscape holds, checked against the list the page shows beside the drawing. */
    private static List<String> drawn(BrowserPage page) throws Exception {
        List<String> inCytoscape = new ArrayList<>();
        page.eval("viewGraph.nodes().map(n => n.id())").forEach(n -> inCytoscape.add(n.asString()));
        List<String> listed = new ArrayList<>();
        page.eval("[...document.querySelectorAll('li[data-drawn]')].map(li => li.dataset.drawn)")
                .forEach(n -> listed.add(n.asString()));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(inCytoscape);
        return inCytoscape;
    }

    /**
     * Where on the screen the middle of {@code target} is (a DOM element, or a Cytoscape node at its
     * rendered place in the drawing), once it has been scrolled into the middle of the window.
     */
    private static double[] centre(BrowserPage page, String target) throws Exception {
        JsonNode xy = page.eval("(() => { const t = " + target + ";"
                + " const at = () => { if (t.renderedPosition) { const b = t.cy().container().getBoundingClientRect();"
                + " const p = t.renderedPosition(); return [b.left + p.x, b.top + p.y]; }"
                + " const r = t.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; };"
                + " window.scrollBy(0, at()[1] - innerHeight / 2); return at(); })()");
        return new double[] {xy.get(0).asDouble(), xy.get(1).asDouble()};
    }

    private static String chromium() {
        for (String name : List.of("chromium", "chromium-browser")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name).toString();
                }
            }
        }
        return null;
    }

    /**
     * The DOM of {@code url} loaded afresh in {@code page} once its script drew it, and its screenshot
     * saved as {@code target/<png>}.
     */
    private static String dom(BrowserPage page, String url, String png) throws Exception {
        // From a blank page, so that a page differing only in its #fragment is a new document too.
        page.call("Page.navigate", JSON.createObjectNode().put("url", "about:blank"));
        page.open(url);
        String dom = page.eval("document.documentElement.outerHTML").asString();
        assertThat(dom).as(url).contains("data-state=\"ready\"");
        page.screenshot(Path.of("target", png).toAbsolutePath());
        return dom;
    }

    /** The values of {@code attr} on the {@code tag} elements of {@code dom} (chromium escapes quotes). */
    private static List<String> attribute(String dom, String tag, String attr) {
        Matcher m = Pattern.compile("<" + tag + "\\b[^>]*?\\s" + attr + "=\"([^\"]*)\"")
                .matcher(dom);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">"));
        }
        return out;
    }
}
