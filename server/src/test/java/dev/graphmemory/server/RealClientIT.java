package dev.graphmemory.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real MCP client not written here, the official TypeScript SDK's {@code Client} (installed from
 * npm by this test), lists the tools and calls each one with good and bad arguments. Skipped with a
 * message where {@code node} or {@code npm} is absent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealClientIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    Path tmp;

    JsonNode answer;
    Map<String, List<JsonNode>> byTool = new HashMap<>();

    private Path repo;

    /** The store daemon the server started must end before the temporary folder is deleted. */
    @org.junit.jupiter.api.AfterAll
    void stopDaemon() {
        if (repo != null) {
            Daemons.stop(repo);
        }
    }

    @BeforeAll
    void runClient(@TempDir Path tmp) throws Exception {
        this.tmp = tmp;
        assumeTrue(onPath("node") && onPath("npm"), "node and npm are not installed: skipping the real-client test");
        Path client = installClient();
        Path repo = FixtureRepo.workflowRepo(tmp.resolve("repo"));
        this.repo = repo;
        String module = "architecture:module:src/main/java/com/acme/auth/Handler.java";
        String calls = """
                [
                 {"name": "graph_stats", "arguments": {}},
                 {"name": "graph_find", "arguments": {"schema": "architecture", "type": "cli_entry"}},
                 {"name": "graph_find", "arguments": {"schema": "architecture", "type": "function",
                   "where": {"calls": {"$contains": "get"}}, "db_path": "/ignored"}},
                 {"name": "graph_find", "arguments": {"schema": "architecture", "type": "module", "where": {"pth": "x"}}},
                 {"name": "graph_find", "arguments": {"schema": "architecture", "type": "widget"}},
                 {"name": "graph_neighbors", "arguments": {"node_id": "%s", "direction": "in",
                   "relationship": "IMPORTS", "depth": 2}},
                 {"name": "graph_neighbors", "arguments": {"node_id": "architecture:cli_entry:src/main/java/com/acme/App.java",
                   "direction": "out"}},
                 {"name": "graph_neighbors", "arguments": {"node_id": "architecture:module:src/Handlr.java"}},
                 {"name": "graph_neighbors", "arguments": {"node_id": "%s", "depth": 9}},
                 {"name": "graph_query", "arguments": {"cypher": "MATCH (c:Commit {repo: $repo})-[:MENTIONS]->(w:WorkUnit {key: 'WU-281'}) RETURN c.message AS m"}},
                 {"name": "graph_query", "arguments": {"cypher": "MATCH (n) DETACH DELETE n"}},
                 {"name": "graph_query", "arguments": {"cypher": "MATCH (n RETURN n"}},
                 {"name": "classify_tier", "arguments": {"title": "Add retry logic to auth", "files": ["a.java", "b.java"]}},
                 {"name": "classify_tier", "arguments": {"files": ["a.java"]}},
                 {"name": "find_duplicate_work", "arguments": {"title": "Improve auth timeout handling",
                   "files": ["src/main/java/com/acme/auth/Handler.java"]}},
                 {"name": "find_duplicate_work", "arguments": {"limit": 3}},
                 {"name": "record_knowledge", "arguments": {"kind": "bug", "title": "Cache leaks across tenants",
                   "fields": {"severity": "high", "affects": ["src/main/java/com/acme/auth/TokenCache.java"]}}},
                 {"name": "record_knowledge", "arguments": {"kind": "widget", "title": "x"}},
                 {"name": "reindex", "arguments": {"wait_seconds": 90}},
                 {"name": "reindex", "arguments": {"wait_seconds": 500}},
                 {"name": "index_status", "arguments": {}}
                ]
                """.formatted(module, module);
        Path callsFile = tmp.resolve("calls.json");
        Files.writeString(callsFile, calls);
        List<String> command = new ArrayList<>(List.of(
                "node",
                client.resolve("client.mjs").toString(),
                callsFile.toString(),
                "--",
                Launcher.projectRoot().resolve("graph-memory").toString(),
                "--repo",
                repo.toString(),
                "serve"));
        ChildJvmArchive.awaitReady();
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(client.toFile())
                .redirectError(tmp.resolve("client-err.txt").toFile());
        pb.environment().put("GRAPH_MEMORY_DAEMON_IDLE", "60s");
        Process p = pb.start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue())
                .as(Files.readString(tmp.resolve("client-err.txt")))
                .isZero();
        answer = JSON.readTree(out);
        for (JsonNode r : answer.get("results")) {
            byTool.computeIfAbsent(r.get("name").asString(), k -> new ArrayList<>())
                    .add(r);
        }
    }

    @Test
    void listsEveryToolWithTitleSchemasAndReadOnlyHint() {
        assertThat(answer.get("server").get("name").asString()).isEqualTo("graph-memory");
        JsonNode tools = answer.get("tools");
        assertThat(tools.valueStream().map(t -> t.get("name").asString()))
                .containsExactlyInAnyOrder(
                        "graph_find",
                        "graph_neighbors",
                        "graph_stats",
                        "graph_query",
                        "classify_tier",
                        "record_knowledge",
                        "find_duplicate_work",
                        "index_status",
                        "reindex",
                        "detect_integration_gaps",
                        "graph_picture",
                        "session_cost");
        for (JsonNode t : tools) {
            assertThat(t.get("title").asString()).isNotBlank();
            assertThat(t.get("description").asString()).contains("Example");
            assertThat(t.get("inputSchema").get("type").asString()).isEqualTo("object");
            assertThat(t.get("outputSchema").get("properties").has("stale")).isTrue();
            // record_knowledge and reindex are the tools that write
            assertThat(t.get("annotations").get("readOnlyHint").asBoolean())
                    .isEqualTo(!Set.of("record_knowledge", "reindex")
                            .contains(t.get("name").asString()));
        }
    }

    @Test
    void goodCallsAnswerInStructuredContentWithTheCommitStamp() {
        for (List<JsonNode> calls : byTool.values()) {
            for (JsonNode r : calls) {
                assertThat(r.has("protocolError")).as(r.toString()).isFalse();
                if (!r.get("isError").asBoolean()) {
                    assertThat(r.get("structuredContent").get("indexed_commit").asString())
                            .hasSize(40);
                    assertThat(r.get("structuredContent").has("stale")).isTrue();
                }
            }
        }
        JsonNode entries = byTool.get("graph_find").get(0).get("structuredContent");
        assertThat(entries.get("total").asInt()).isEqualTo(3);
        assertThat(entries.get("rows").valueStream().map(r -> r.get("id").asString()))
                .contains("architecture:module:src/main/java/com/acme/App.java");
        JsonNode callers = byTool.get("graph_find").get(1).get("structuredContent");
        assertThat(callers.get("rows").valueStream().map(r -> r.get("id").asString()))
                .contains("architecture:function:com.acme.auth.Handler#login(String,char[])");
        JsonNode importers = byTool.get("graph_neighbors").get(0).get("structuredContent");
        assertThat(importers.get("rows").valueStream().map(r -> r.get("id").asString()))
                .contains(
                        "architecture:module:src/main/java/com/acme/App.java",
                        "architecture:module:src/test/java/com/acme/auth/HandlerTest.java");
        JsonNode viaEntry = byTool.get("graph_neighbors").get(1).get("structuredContent");
        assertThat(viaEntry.get("node").asString()).isEqualTo("architecture:module:src/main/java/com/acme/App.java");
        JsonNode tier = byTool.get("classify_tier").get(0).get("structuredContent");
        assertThat(tier.get("tier").asString()).isEqualTo("story");
        assertThat(tier.get("rule").asString()).isEqualTo("files_2_to_4");
        JsonNode dups = byTool.get("find_duplicate_work").get(0).get("structuredContent");
        assertThat(dups.get("candidates").get(0).get("id").asString()).isEqualTo("workflow:work_unit:WU-281");
        JsonNode recorded = byTool.get("record_knowledge").get(0).get("structuredContent");
        assertThat(recorded.get("node_id").asString()).isEqualTo("issues:bug:BUG-001");
        assertThat(recorded.get("created").asBoolean()).isTrue();
        JsonNode done = byTool.get("graph_query").get(0).get("structuredContent");
        assertThat(done.get("rows").get(0).get("m").asString()).isEqualTo(FixtureRepo.FIX_MESSAGE);
        JsonNode reindexed = byTool.get("reindex").get(0).get("structuredContent");
        assertThat(reindexed.get("finished").asBoolean())
                .as(reindexed.toString())
                .isTrue();
        assertThat(reindexed.get("runs_in").asString()).isEqualTo("the store daemon");
        JsonNode status = byTool.get("index_status").get(0).get("structuredContent");
        assertThat(status.get("indexed_commit").asString())
                .isEqualTo(status.get("head").asString());
        assertThat(status.get("run_under_way").asBoolean()).isFalse();
        assertThat(status.get("reindex_owed").asBoolean()).isFalse();
        assertThat(status.get("run").get("state").asString()).isEqualTo("finished");
        assertThat(status.get("daemon").get("pid").asLong()).isPositive();
    }

    @Test
    void theTextOfARowsAnswerCarriesEveryFactOfItsStructuredContent() {
        for (JsonNode r : List.of(
                byTool.get("graph_find").get(0),
                byTool.get("graph_find").get(1),
                byTool.get("graph_neighbors").get(0),
                byTool.get("graph_neighbors").get(1))) {
            JsonNode structured = r.get("structuredContent");
            String text = r.get("text").asString();
            List<String> lines = text.lines().toList();
            // One line per row (plus [path=...] group lines), then the count, cursor and stamp.
            assertThat(lines.get(lines.size() - 1))
                    .startsWith("rows " + structured.get("rows").size() + " of "
                            + structured.get("total").asInt())
                    .contains("indexed_commit="
                            + structured.get("indexed_commit").asString().substring(0, 12));
            for (JsonNode row : structured.get("rows")) {
                int at = -1;
                for (int i = 0; i < lines.size() && at < 0; i++) {
                    String l = lines.get(i);
                    at = l.startsWith(row.get("id").asString() + " ")
                                    || l.equals(row.get("id").asString())
                            ? i
                            : -1;
                }
                if (at < 0) {
                    throw new AssertionError(row + " has no line in\n" + text);
                }
                String line = lines.get(at);
                // Rows a walk reached the same way follow one [depth=... via=...] line that says how.
                String walk = "";
                for (int i = at - 1; i >= 0 && walk.isEmpty(); i--) {
                    walk = lines.get(i).startsWith("[depth=") || lines.get(i).startsWith("[via=") ? lines.get(i) : "";
                }
                for (var field : row.properties()) {
                    if (field.getKey().equals("id") || field.getKey().equals("path")) {
                        continue;
                    }
                    if (!line.contains(field.getKey() + "=")) {
                        assertThat(List.of("depth", "via")).as(line).contains(field.getKey());
                        assertThat(walk).as(line).contains(field.getKey() + "=");
                    }
                }
                if (row.has("path")) {
                    assertThat(text).contains(row.get("path").asString());
                }
            }
            // Nothing in a row repeats its id: no module path, no type the request named.
            assertThat(text).doesNotContain("type=\"function\"").doesNotContain("language=java");
        }
    }

    @Test
    void mistakesAreToolErrorsThatSayHowToFixThem() {
        assertThat(text(byTool.get("graph_find").get(2))).contains("pth").contains("path");
        assertThat(text(byTool.get("graph_find").get(3))).contains("widget").contains("architecture:module");
        assertThat(text(byTool.get("graph_neighbors").get(2)))
                .contains("Handlr")
                .contains("did you mean");
        assertThat(text(byTool.get("graph_neighbors").get(3))).contains("depth must be from 1 to 5");
        assertThat(text(byTool.get("graph_query").get(1))).contains("read-only");
        assertThat(text(byTool.get("graph_query").get(2))).contains("failed");
        assertThat(text(byTool.get("classify_tier").get(1))).contains("'title' is required");
        assertThat(text(byTool.get("find_duplicate_work").get(1))).isNotBlank();
        assertThat(text(byTool.get("record_knowledge").get(1)))
                .contains("widget")
                .contains("bug");
        assertThat(text(byTool.get("reindex").get(1))).contains("wait_seconds must be from 0 to 120");
    }

    private static String text(JsonNode r) {
        assertThat(r.get("isError").asBoolean()).as(r.toString()).isTrue();
        return r.get("text").asString();
    }

    private static boolean onPath(String tool) {
        try {
            return new ProcessBuilder(tool, "--version").start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Copies the client and installs its pinned dependencies once per build (target/mcp-client). */
    private static Path installClient() throws Exception {
        Path dir = Path.of("target", "mcp-client").toAbsolutePath();
        Files.createDirectories(dir);
        for (String f : List.of("client.mjs", "package.json", "package-lock.json")) {
            try (InputStream in = RealClientIT.class.getResourceAsStream("/mcp-client/" + f)) {
                Files.copy(in, dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (!Files.isDirectory(dir.resolve("node_modules/@modelcontextprotocol/sdk"))) {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("npm.log").toFile())
                    .start();
            assertThat(npm.waitFor(300, TimeUnit.SECONDS)).isTrue();
            assertThat(npm.exitValue())
                    .as(Files.readString(dir.resolve("npm.log")))
                    .isZero();
        }
        return dir;
    }
}
