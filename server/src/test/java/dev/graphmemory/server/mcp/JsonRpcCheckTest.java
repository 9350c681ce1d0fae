package dev.graphmemory.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonRpcCheckTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"a\":1}",
                "[1,2]",
                "1.5",
                "true",
                "{\"b\":[1]}",
                "null",
                "99999999999999999999999",
                "-1.0",
                "1e3"
            })
    void aRequestWhoseIdIsNotAStringOrIntegerIsInvalidWithIdNull(String id) {
        JsonRpcCheck.Verdict v = JsonRpcCheck.check("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"ping\"}");
        assertThat(v.forwards()).isFalse();
        assertThat(v.code()).isEqualTo(-32600);
        assertThat(v.id()).isNull();
        assertThat(v.message()).contains("\"id\" must be a string or an integer");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            {"jsonrpc":"2.0","id":3,"method":"tools/call","params":"str"}                            | "params" must be an object
            {"jsonrpc":"2.0","id":3,"method":"tools/list","params":[1]}                              | "params" must be an object
            {"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"graph_stats","arguments":[1,2]}} | params.arguments must be an object, got an array
            {"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":5}}                       | params.name must be the tool's name as a string
            {"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"arguments":{}}}                 | params.name must be
            {"jsonrpc":"2.0","id":3,"method":"tools/call"}                                           | tools/call needs params
            {"jsonrpc":"2.0","id":3,"method":"tools/call","params":null}                             | tools/call needs params
            {"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"x","_meta":"m"}}         | params._meta must be an object
            {"jsonrpc":"2.0","id":3,"method":"tools/list","params":{"cursor":5}}                     | params.cursor must be a string
            {"jsonrpc":"2.0","id":3,"method":"initialize","params":{"protocolVersion":5}}            | params.protocolVersion must be a string
            {"jsonrpc":"2.0","id":3,"method":"initialize","params":{"capabilities":[]}}              | params.capabilities must be an object
            {"jsonrpc":"2.0","id":3,"method":"initialize","params":{"clientInfo":"x"}}               | params.clientInfo must be an object
            {"jsonrpc":"2.0","id":3,"method":"initialize","params":{"capabilities":{"roots":"x"}}}   | params.capabilities.roots does not have the shape
            {"jsonrpc":"2.0","id":3,"method":"logging/setLevel","params":{}}                         | params.level must be one of
            {"jsonrpc":"2.0","id":3,"method":"logging/setLevel","params":{"level":"bogus"}}          | params.level must be one of
            """)
    void paramsOfTheWrongShapeAreInvalidParamsNamingTheParameter(String line, String message) {
        JsonRpcCheck.Verdict v = JsonRpcCheck.check(line);
        assertThat(v.forwards()).as(line).isFalse();
        assertThat(v.code()).as(line).isEqualTo(-32602);
        assertThat(v.id()).isEqualTo(3L);
        assertThat(v.message()).contains(message).doesNotContain("jackson").doesNotContain("Exception");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            this is not json                                             | -32700
            {"jsonrpc":"2.0","id":1                                      | -32700
            [{"jsonrpc":"2.0","id":1,"method":"ping"}]                   | -32600
            "ping"                                                       | -32600
            {"jsonrpc":"1.0","id":1,"method":"ping"}                     | -32600
            {"jsonrpc":"2.0","id":1,"method":5}                          | -32600
            {"jsonrpc":"2.0","id":1}                                     | -32600
            {"jsonrpc":"2.0","id":{"a":1},"result":{}}                   | -32600
            {"jsonrpc":"2.0","id":1.5,"result":{}}                       | -32600
            {"jsonrpc":"2.0","result":{}}                                | -32600
            {"jsonrpc":"2.0","id":1,"result":null}                       | -32600
            {"jsonrpc":"2.0","id":1,"result":{},"error":{"code":1,"message":"m"}} | -32600
            {"jsonrpc":"2.0","id":1,"error":"x"}                         | -32600
            {"jsonrpc":"2.0","id":1,"error":{"code":"1","message":"m"}}  | -32600
            {"jsonrpc":"2.0","method":"notifications/initialized","params":"x"} | -32600
            """)
    void malformedMessagesAreAnsweredNotForwarded(String line, int code) {
        JsonRpcCheck.Verdict v = JsonRpcCheck.check(line);
        assertThat(v.forwards()).as(line).isFalse();
        assertThat(v.code()).as(line).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":\"a-1\",\"method\":\"ping\",\"params\":{}}",
                "{\"jsonrpc\":\"2.0\",\"id\":9007199254740993,\"method\":\"ping\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"graph_stats\"}}",
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"graph_stats\",\"arguments\":null}}",
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                        + "\"capabilities\":{\"roots\":{\"listChanged\":true}},\"clientInfo\":{\"name\":\"c\",\"version\":\"1\"}}}",
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"no/such/method\",\"params\":{}}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{}}",
                "{\"jsonrpc\":\"2.0\",\"id\":\"s\",\"error\":{\"code\":-1,\"message\":\"m\",\"data\":[1]}}"
            })
    void wellFormedMessagesGoOn(String line) {
        JsonRpcCheck.Verdict v = JsonRpcCheck.check(line);
        assertThat(v.forwards()).as(v.message()).isTrue();
    }

    @Test
    void aNullParamsIsTreatedAsNoneAndTheSdkGetsTheCheckedMessageNotTheRawLine() {
        JsonRpcCheck.Verdict v =
                JsonRpcCheck.check("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":null,\"id\":2}   ");
        assertThat(v.forwards()).isTrue();
        assertThat(v.forward()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}");
    }

    @Test
    void aValidIdIsEchoedWithAnInvalidParamsError() {
        JsonRpcCheck.Verdict v =
                JsonRpcCheck.check("{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"method\":\"tools/call\",\"params\":7}");
        assertThat(v.id()).isEqualTo("abc");
    }
}
