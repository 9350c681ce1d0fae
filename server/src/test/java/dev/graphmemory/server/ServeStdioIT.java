package dev.graphmemory.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code serve} over raw stdio, as a client sees it while Neo4j starts, the repository is indexed
 * for the first time, and tools answer: every byte on stdout is a JSON-RPC message.
 */
class ServeStdioIT {
    @TempDir
    Path tmp;

    /** The store daemon the server started must end before the temporary folder is deleted. */
    @org.junit.jupiter.api.AfterEach
    void stopDaemon() {
        Daemons.stop(tmp.resolve("repo"));
    }

    @Test
    void stdoutCarriesOnlyJsonRpcWhileTheStoreStartsIndexesAndAnswers() throws Exception {
        Path repo = FixtureRepo.workflowRepo(tmp.resolve("repo"));
        try (ServeProcess serve = new ServeProcess(repo)) {
            JsonNode init = serve.request(
                    1,
                    "initialize",
                    "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                            + "\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}");
            assertThat(init.get("result").get("serverInfo").get("name").asString())
                    .isEqualTo("graph-memory");
            serve.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");

            JsonNode list = serve.request(2, "tools/list", "{}");
            assertThat(list.get("result").get("tools").valueStream().map(t -> t.get("name")
                            .asString()))
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

            JsonNode dups = serve.request(
                    5,
                    "tools/call",
                    "{\"name\":\"find_duplicate_work\",\"arguments\":{\"title\":\"Improve auth timeout handling\","
                            + "\"files\":[\"src/main/java/com/acme/auth/Handler.java\"]}}");
            JsonNode found = dups.get("result").get("structuredContent");
            assertThat(found.get("candidates").get(0).get("id").asString()).isEqualTo("workflow:work_unit:WU-281");
            assertThat(found.get("indexed_commit").asString()).hasSize(40);
            assertToolError(
                    serve.request(
                            6,
                            "tools/call",
                            "{\"name\":\"find_duplicate_work\",\"arguments\":{\"title\":\"Improve auth timeout"
                                    + " handling\",\"created\":\"next week\"}}"),
                    "created 'next week' is not a date");

            JsonNode stats = serve.request(3, "tools/call", "{\"name\":\"graph_stats\",\"arguments\":{}}");
            JsonNode content = stats.get("result").get("structuredContent");
            assertThat(content.get("nodes").get("architecture:module").asLong()).isEqualTo(12);
            assertThat(content.get("indexed_commit").asString()).hasSize(40);
            assertThat(content.get("stale").asBoolean()).isFalse();

            // A repository without agent sessions: an empty, stamped cost answer; a wrong grouping is the caller's.
            JsonNode cost =
                    serve.request(7, "tools/call", "{\"name\":\"session_cost\",\"arguments\":{\"by\":\"day\"}}");
            assertThat(cost.get("result").get("structuredContent").get("total").asLong())
                    .isZero();
            assertThat(cost.get("result").get("content").get(0).get("text").asString())
                    .startsWith("rows 0 of 0; by=day; indexed_commit=");
            assertToolError(
                    serve.request(8, "tools/call", "{\"name\":\"session_cost\",\"arguments\":{\"by\":\"week\"}}"),
                    "by: expected one of [work_unit, session, day, model, file], got 'week'");

            serve.send("this is not json");
            assertToolError(
                    serve.request(
                            4,
                            "tools/call",
                            "{\"name\":\"graph_neighbors\",\"arguments\":{\"node_id\":"
                                    + "\"architecture:module:src/main/java/com/acme/App.java\",\"depth\":9}}"),
                    "depth must be from 1 to 5");

            assertThat(serve.endInput()).isZero();
            JsonMapper json = JsonMapper.builder().build();
            assertThat(serve.stdoutLines).isNotEmpty().allSatisfy(line -> {
                JsonNode message = json.readTree(line);
                assertThat(message.get("jsonrpc").asString()).isEqualTo("2.0");
            });
        }
    }

    /** A tool result that is a caller's mistake ({@code isError}) whose text says {@code message}. */
    private static void assertToolError(JsonNode response, String message) {
        assertThat(response.get("result").get("isError").asBoolean()).isTrue();
        assertThat(response.get("result").get("content").get(0).get("text").asString())
                .contains(message);
    }
}
