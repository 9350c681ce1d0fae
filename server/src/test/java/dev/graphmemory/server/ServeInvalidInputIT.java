package dev.graphmemory.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Raw stdio lines a careless or hostile client might send to a real {@code serve}: request ids that
 * are objects, arrays, fractions, booleans or null, responses with such ids, params of the wrong
 * shape. Each line is answered with the JSON-RPC error it deserves ({@code -32600} with id null for
 * a bad id, {@code -32602} naming the parameter for bad params), and the session goes on: the next
 * ping is answered, and the process ends only when stdin does. Oversized tool input (a 1 MB title
 * for {@code find_duplicate_work}) is a caller's mistake with the limit, not an internal failure.
 */
class ServeInvalidInputIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path tmp;

    @AfterEach
    void stopDaemon() {
        Daemons.stop(tmp.resolve("repo"));
    }

    @Test
    void everyBadLineIsAnsweredAndTheSessionGoesOn() throws Exception {
        Path repo = FixtureRepo.workflowRepo(tmp.resolve("repo"));
        try (ServeProcess serve = new ServeProcess(repo)) {
            serve.request(
                    1,
                    "initialize",
                    "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                            + "\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}");
            serve.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");

            List<String> badIds = List.of("{\"a\":1}", "[1,2]", "1.5", "true", "null", "99999999999999999999");
            int ping = 100;
            for (String id : badIds) {
                serve.send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"ping\"}");
                assertPingAnswered(serve, ping++);
                serve.send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":{}}");
                assertPingAnswered(serve, ping++);
            }
            List<JsonNode> nullIdErrors = serve.stdoutLines.stream()
                    .map(JSON::readTree)
                    .filter(m -> m.has("error") && m.get("id").isNull())
                    .toList();
            assertThat(nullIdErrors).hasSize(2 * badIds.size()).allSatisfy(m -> assertThat(
                            m.get("error").get("code").asInt())
                    .isEqualTo(-32600));

            assertInvalidParams(
                    serve.request(10, "tools/call", "\"str\""), "\"params\" must be an object, got the string");
            assertInvalidParams(
                    serve.request(11, "tools/call", "{\"name\":\"graph_stats\",\"arguments\":[1,2]}"),
                    "params.arguments must be an object, got an array");
            assertInvalidParams(
                    serve.request(12, "tools/call", "{\"name\":7,\"arguments\":{}}"), "params.name must be");
            assertInvalidParams(serve.request(13, "tools/call", "null"), "tools/call needs params");
            assertInvalidParams(serve.request(14, "tools/list", "[1]"), "\"params\" must be an object");
            assertInvalidParams(
                    serve.request(15, "initialize", "{\"capabilities\":[],\"clientInfo\":\"x\"}"),
                    "params.capabilities must be an object");
            assertPingAnswered(serve, ping++);

            JsonNode list = serve.request(16, "tools/list", "{}");
            assertThat(list.get("result").get("tools").size()).isGreaterThan(5);
            // A tool still answers (this waits for the store, which the daemon stop after the test needs).
            JsonNode stats = serve.request(17, "tools/call", "{\"name\":\"graph_stats\",\"arguments\":{}}");
            assertThat(stats.get("result").get("isError").asBoolean())
                    .as(stats.toString())
                    .isFalse();

            assertThat(serve.process.isAlive()).isTrue();
            assertThat(serve.endInput()).isZero();
            assertThat(serve.stdoutLines).allSatisfy(line -> assertThat(
                            JSON.readTree(line).get("jsonrpc").asString())
                    .isEqualTo("2.0"));
        }
    }

    private static void assertPingAnswered(ServeProcess serve, int id) throws Exception {
        JsonNode pong = serve.request(id, "ping", "{}");
        assertThat(pong.get("result").isObject()).as(pong.toString()).isTrue();
    }

    private static void assertInvalidParams(JsonNode response, String message) {
        assertThat(response.get("error").get("code").asInt())
                .as(response.toString())
                .isEqualTo(-32602);
        assertThat(response.get("error").get("message").asString())
                .contains(message)
                .doesNotContain("jackson")
                .doesNotContain("Exception");
    }
}
