package dev.graphmemory.server.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decides what becomes of one line a client sent: the message, re-written exactly as checked, goes
 * on to the MCP SDK, or the line is answered here with a JSON-RPC error and the session goes on.
 *
 * <p>Design notes. The SDK's stdio transport ends its whole inbound loop on a message it cannot
 * turn into a request, notification or response (an {@code id} that is an object, an array,
 * {@code 1.5}, {@code true}, null, or a number beyond a long; a response with neither or both of
 * {@code result} and {@code error}), and answers a request whose {@code params} do not fit its types
 * with {@code -32603} and Jackson's exception text. So everything the SDK would choke on is checked
 * here first: the envelope ({@code -32600}, id null when the id itself is bad, as JSON-RPC 2.0 §5
 * asks), then the params of the methods the server handles ({@code -32602}, naming the parameter),
 * those last by the SDK's own request types so that no nested shape slips through. The message that
 * goes on is the checked tree written anew, never the raw line, so the SDK reads what was checked.
 */
final class JsonRpcCheck {
    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;
    static final int INVALID_PARAMS = -32602;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The request types of the methods this server answers, by method; their params are checked against them. */
    private static final Map<String, Class<?>> PARAM_TYPES = Map.of(
            McpSchema.METHOD_INITIALIZE, McpSchema.InitializeRequest.class,
            McpSchema.METHOD_TOOLS_LIST, McpSchema.PaginatedRequest.class,
            McpSchema.METHOD_TOOLS_CALL, McpSchema.CallToolRequest.class,
            McpSchema.METHOD_LOGGING_SET_LEVEL, McpSchema.SetLevelRequest.class);

    /** The logging levels of MCP's {@code logging/setLevel}. */
    private static final List<String> LEVELS =
            List.of("debug", "info", "notice", "warning", "error", "critical", "alert", "emergency");

    private JsonRpcCheck() {}

    /**
     * What to do with a line: {@code forward} is the message for the SDK, or else {@code code} and
     * {@code message} are the error to answer with {@code id} (a string, a long, or null).
     * {@code request}: the message forwarded is a request, which the server will answer.
     */
    record Verdict(String forward, Object id, int code, String message, boolean request) {
        static Verdict pass(JsonNode message) {
            return new Verdict(JSON.writeValueAsString(message), null, 0, null, false);
        }

        static Verdict passRequest(JsonNode message) {
            return new Verdict(JSON.writeValueAsString(message), null, 0, null, true);
        }

        static Verdict reject(Object id, int code, String message) {
            return new Verdict(null, id, code, message, false);
        }

        boolean forwards() {
            return forward != null;
        }
    }

    /** Checks one non-blank line. */
    static Verdict check(String line) {
        JsonNode message;
        try {
            message = JSON.readTree(line);
        } catch (JacksonException e) {
            return Verdict.reject(
                    null, PARSE_ERROR, "Parse error: the line is not JSON (" + e.getOriginalMessage() + ")");
        }
        if (message == null || message.isMissingNode()) {
            return Verdict.reject(null, PARSE_ERROR, "Parse error: the line holds no JSON value");
        }
        if (message.isArray()) {
            return Verdict.reject(
                    null, INVALID_REQUEST, "Invalid Request: JSON-RPC batches are not supported by MCP 2025-06-18");
        }
        if (!(message instanceof ObjectNode object)) {
            return invalid(null, "expected a JSON-RPC 2.0 object, got " + kind(message));
        }
        JsonNode idNode = object.get("id");
        boolean idPresent = idNode != null;
        Object id = validId(idNode);
        if (!"2.0".equals(object.path("jsonrpc").asString(""))) {
            return invalid(id, "\"jsonrpc\" must be \"2.0\"");
        }
        if (object.has("method")) {
            if (!object.get("method").isString()) {
                return invalid(id, "\"method\" must be a string, got " + kind(object.get("method")));
            }
            if (idPresent && id == null) {
                return invalid(null, "\"id\" must be a string or an integer, got " + kind(idNode));
            }
            return idPresent ? request(object, id) : notification(object);
        }
        if (object.has("result") || object.has("error")) {
            return response(object, idNode, id);
        }
        return invalid(
                id,
                "expected a JSON-RPC 2.0 object with \"jsonrpc\": \"2.0\" and a \"method\" (or a"
                        + " \"result\"/\"error\" answering a server request)");
    }

    /** A string, or a whole number that fits a long, as the SDK (and MCP) take ids; else null. */
    static Object validId(JsonNode id) {
        if (id == null) {
            return null;
        }
        if (id.isString()) {
            return id.asString();
        }
        if (id.isIntegralNumber() && id.canConvertToLong()) {
            return id.asLong();
        }
        return null;
    }

    private static Verdict request(ObjectNode request, Object id) {
        String method = request.get("method").asString();
        JsonNode params = request.get("params");
        if (params != null && params.isNull()) {
            request.remove("params");
            params = null;
        }
        if (params != null && !params.isObject()) {
            return invalidParams(id, method, "\"params\" must be an object, got " + kind(params));
        }
        String problem = params == null ? null : knownShapes(method, params);
        if (problem == null && method.equals(McpSchema.METHOD_TOOLS_CALL) && params == null) {
            problem = "tools/call needs params with \"name\" (a tool's name) and \"arguments\" (an object)";
        }
        if (problem == null && params != null) {
            problem = sdkShape(method, params);
        }
        return problem == null ? Verdict.passRequest(request) : invalidParams(id, method, problem);
    }

    /** The shapes callers get wrong most, each with a message that says what is expected. */
    private static String knownShapes(String method, JsonNode params) {
        String meta = objectIfPresent(params, "_meta");
        if (meta != null) {
            return meta;
        }
        switch (method) {
            case McpSchema.METHOD_TOOLS_CALL -> {
                JsonNode name = params.get("name");
                if (name == null || !name.isString()) {
                    return "params.name must be the tool's name as a string, got "
                            + (name == null ? "nothing" : kind(name));
                }
                return objectIfPresent(params, "arguments");
            }
            case McpSchema.METHOD_TOOLS_LIST -> {
                JsonNode cursor = params.get("cursor");
                return cursor == null || cursor.isNull() || cursor.isString()
                        ? null
                        : "params.cursor must be a string (a next_cursor from an earlier page), got " + kind(cursor);
            }
            case McpSchema.METHOD_INITIALIZE -> {
                JsonNode version = params.get("protocolVersion");
                if (version != null && !version.isString()) {
                    return "params.protocolVersion must be a string such as \"2025-06-18\", got " + kind(version);
                }
                String capabilities = objectIfPresent(params, "capabilities");
                return capabilities != null ? capabilities : objectIfPresent(params, "clientInfo");
            }
            case McpSchema.METHOD_LOGGING_SET_LEVEL -> {
                JsonNode level = params.get("level");
                return level != null && level.isString() && LEVELS.contains(level.asString())
                        ? null
                        : "params.level must be one of " + LEVELS + ", got "
                                + (level == null ? "nothing" : kind(level));
            }
            default -> {
                return null;
            }
        }
    }

    private static String objectIfPresent(JsonNode params, String field) {
        JsonNode value = params.get(field);
        return value == null || value.isNull() || value.isObject()
                ? null
                : "params." + field + " must be an object, got " + kind(value);
    }

    /** Whatever else the SDK could not read into its own request type, by the path Jackson names. */
    private static String sdkShape(String method, JsonNode params) {
        Class<?> type = PARAM_TYPES.get(method);
        if (type == null) {
            return null;
        }
        try {
            JSON.treeToValue(params, type);
            return null;
        } catch (DatabindException e) {
            return "params" + path(e) + " does not have the shape " + method + " takes";
        } catch (JacksonException | IllegalArgumentException e) {
            return "params do not have the shape " + method + " takes";
        }
    }

    private static String path(DatabindException e) {
        StringBuilder out = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                out.append('.').append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static Verdict notification(ObjectNode notification) {
        JsonNode params = notification.get("params");
        if (params != null && params.isNull()) {
            notification.remove("params");
        } else if (params != null && !params.isObject()) {
            return invalid(null, "a notification's \"params\" must be an object, got " + kind(params));
        }
        return Verdict.pass(notification);
    }

    private static Verdict response(ObjectNode response, JsonNode idNode, Object id) {
        if (id == null) {
            return invalid(
                    null,
                    "a response's \"id\" must be the string or integer of the request it answers, got "
                            + (idNode == null ? "nothing" : kind(idNode)));
        }
        JsonNode result = response.get("result");
        JsonNode error = response.get("error");
        boolean hasResult = result != null && !result.isNull();
        boolean hasError = error != null && !error.isNull();
        if (hasResult == hasError) {
            return invalid(null, "a response carries exactly one of \"result\" and \"error\"");
        }
        if (hasError
                && !(error.isObject()
                        && error.path("code").isInt()
                        && error.path("message").isString())) {
            return invalid(
                    null,
                    "a response's \"error\" must be an object with an integer \"code\" and a string" + " \"message\"");
        }
        return Verdict.pass(response);
    }

    private static Verdict invalid(Object id, String why) {
        return Verdict.reject(id, INVALID_REQUEST, "Invalid Request: " + why);
    }

    private static Verdict invalidParams(Object id, String method, String why) {
        return Verdict.reject(id, INVALID_PARAMS, "Invalid params for " + method + ": " + why);
    }

    /** What a JSON value is, for messages: {@code an array}, {@code the number 1.5}, ... */
    static String kind(JsonNode value) {
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "an array";
        }
        if (value.isNull()) {
            return "null";
        }
        String text = value.toString();
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        if (value.isString()) {
            return "the string " + shown;
        }
        return value.isNumber() ? "the number " + shown : shown;
    }
}
