package dev.graphmemory.server;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stdio lines for {@link McpFuzzIT}, from a seeded {@link Random}: {@code graph_find} calls with
 * where-filters, {@code graph_query} calls with Cypher (ordinary reads, and attempts to read files
 * and URLs, list or end transactions, switch databases, call procedures and write, each disguised
 * at random), and JSON-RPC lines of every shape. Each line says what answer it must get.
 */
final class FuzzLines {
    /** What a line must be answered with. */
    enum Expect {
        /** An answer carrying the line's own id. */
        OWN_ID,
        /** One error with id null (the line is not a request the server can name). */
        NULL_ID_ERROR,
        /** Nothing (a notification, or a response to a request the server never sent). */
        NOTHING
    }

    /** One line to send, the id its answer must carry (for {@link Expect#OWN_ID}), and what is expected. */
    record Line(String json, long id, Expect expect) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final List<String> READ_ONLY_TOOLS =
            List.of("graph_find", "graph_neighbors", "graph_stats", "graph_query", "classify_tier", "index_status");
    private static final List<String> KEYS = List.of(
            "path",
            "name",
            "title",
            "status",
            "lines",
            "is_test",
            "calls",
            "qualified_name",
            "key",
            "tier",
            "pth",
            "",
            "x` OR 1=1 //",
            "n.path",
            "$path",
            "päth",
            "path) DETACH DELETE n //");
    private static final List<String> OPERATORS = List.of(
            "$eq",
            "$ne",
            "$in",
            "$nin",
            "$contains",
            "$startsWith",
            "$endsWith",
            "$regex",
            "$gt",
            "$gte",
            "$lt",
            "$lte",
            "$exists",
            "$not",
            "$foo",
            "$AND",
            "eq",
            "$");
    private static final List<String> STRINGS = List.of(
            "src/",
            ".java",
            "auth",
            "Handler",
            "WU-281",
            "",
            "x' OR 1=1 //",
            "\\",
            "\"",
            "`",
            "ü",
            "日本",
            "(",
            ".*",
            "[",
            "a{2,1}",
            "') DETACH DELETE n //",
            "${repo}",
            "null");
    private static final List<String> READS = List.of(
            "MATCH (n:Module {repo: $repo}) RETURN n.path AS p ORDER BY p LIMIT 5",
            "MATCH (n {repo: $repo}) RETURN count(n) AS c",
            "CALL db.labels() YIELD label RETURN label",
            "CALL db.relationshipTypes()",
            "MATCH (a {repo: $repo})-[r]->(b) RETURN type(r) AS t, count(*) AS c",
            "RETURN 1 AS one",
            "UNWIND range(1, 3) AS x RETURN x",
            "CALL db.index.fulltext.queryNodes('gm_text', 'timeout') YIELD node WHERE node.repo = $repo"
                    + " RETURN node.id",
            "MATCH (w:WorkUnit {repo: $repo}) RETURN w.key, w.title",
            "MATCH (m:Module) WHERE m.path CONTAINS 'auth' RETURN m.path");
    private static final List<String> VERBS = List.of(
            "LOAD CSV FROM '%s' AS l RETURN l",
            "LOAD CSV WITH HEADERS FROM '%s' AS l RETURN l",
            "SHOW TRANSACTIONS",
            "SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery",
            "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
            "SHOW USERS",
            "SHOW SETTINGS",
            "SHOW PROCEDURES",
            "USE system SHOW USERS",
            "CALL dbms.listConfig()",
            "CALL dbms.components()",
            "CALL db.createLabel('Fuzz')",
            "CALL db.clearQueryCaches()",
            "CALL db.info()",
            "CREATE (n:Fuzz {repo: $repo})",
            "MERGE (n:Entity {repo: $repo, id: 'fuzz'})",
            "MATCH (n {repo: $repo}) SET n.fuzz = 1",
            "MATCH (n {repo: $repo}) DETACH DELETE n",
            "MATCH (n {repo: $repo}) REMOVE n.path",
            "PROFILE MATCH (n) RETURN n",
            "EXPLAIN MATCH (n) RETURN n",
            "CYPHER runtime=slotted MATCH (n) RETURN count(n)",
            "DROP INDEX gm_text",
            "FOREACH (x IN [1] | CREATE (:Fuzz))");

    private final Random random;
    private final List<String> urls;
    private long nextId = 10_000;

    /** Lines from {@code seed}; {@code urls} are what LOAD CSV attempts point at (files and a URL). */
    FuzzLines(long seed, List<String> urls) {
        this.random = new Random(seed);
        this.urls = List.copyOf(urls);
    }

    /** The next line: a where-filter, a Cypher query or a JSON-RPC line, in about equal shares. */
    Line next() {
        return switch (random.nextInt(3)) {
            case 0 -> toolCall("graph_find", findArguments());
            case 1 -> toolCall("graph_query", queryArguments());
            default -> jsonRpc();
        };
    }

    private Line toolCall(String tool, ObjectNode arguments) {
        ObjectNode params = JSON.createObjectNode().put("name", tool);
        params.set("arguments", arguments);
        return request("tools/call", params);
    }

    private Line request(String method, JsonNode params) {
        long id = nextId++;
        ObjectNode m =
                JSON.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
        if (params != null) {
            m.set("params", params);
        }
        return new Line(JSON.writeValueAsString(m), id, Expect.OWN_ID);
    }

    // ---- graph_find ----

    private ObjectNode findArguments() {
        ObjectNode a = JSON.createObjectNode();
        a.put("schema", pick(List.of("architecture", "workflow", "issues", "decisions", "nope")));
        a.put("type", pick(List.of("module", "class", "function", "cli_entry", "work_unit", "commit", "bug", "x")));
        int roll = random.nextInt(10);
        if (roll < 7) {
            a.set("where", filter(0));
        } else if (roll == 7) {
            a.put("where", JSON.writeValueAsString(filter(0)));
        } else if (roll == 8) {
            a.put("where", "{not json");
        } else {
            a.set("where", JSON.createArrayNode().add(1));
        }
        if (random.nextInt(4) == 0) {
            a.put("limit", random.nextInt(5) - 1);
        }
        return a;
    }

    private ObjectNode filter(int depth) {
        ObjectNode f = JSON.createObjectNode();
        int fields = 1 + random.nextInt(2);
        for (int i = 0; i < fields; i++) {
            int roll = random.nextInt(10);
            if (roll < 2 && depth < 3) {
                ArrayNode parts = JSON.createArrayNode();
                for (int j = 0; j < 1 + random.nextInt(3); j++) {
                    parts.add(filter(depth + 1));
                }
                f.set(pick(List.of("$and", "$or")), parts);
            } else if (roll == 2 && depth < 3) {
                f.set("$not", filter(depth + 1));
            } else if (roll < 6) {
                f.set(pick(KEYS), value());
            } else {
                f.set(pick(KEYS), JSON.createObjectNode().set(pick(OPERATORS), value()));
            }
        }
        return f;
    }

    private JsonNode value() {
        return switch (random.nextInt(7)) {
            case 0 -> JSON.getNodeFactory().numberNode(random.nextInt(200) - 20);
            case 1 -> JSON.getNodeFactory().booleanNode(random.nextBoolean());
            case 2 -> JSON.getNodeFactory().nullNode();
            case 3 -> JSON.createArrayNode().add(pick(STRINGS)).add(random.nextInt(5));
            case 4 -> JSON.createObjectNode().put(pick(OPERATORS), pick(STRINGS));
            default -> JSON.getNodeFactory().stringNode(pick(STRINGS));
        };
    }

    // ---- graph_query ----

    private ObjectNode queryArguments() {
        ObjectNode a = JSON.createObjectNode();
        a.put("cypher", cypher());
        int roll = random.nextInt(10);
        if (roll == 0) {
            a.set("params", JSON.createObjectNode().put("u", pick(urls)));
        } else if (roll == 1) {
            a.set("params", JSON.createObjectNode().put("repo", "someone-else"));
        } else if (roll == 2) {
            a.put("params", "not an object");
        }
        if (random.nextInt(5) == 0) {
            a.put("limit", random.nextInt(1_200));
        }
        return a;
    }

    private String cypher() {
        int roll = random.nextInt(10);
        String base;
        if (roll < 3) {
            base = pick(READS);
        } else if (roll < 9) {
            base = String.format(Locale.ROOT, pick(VERBS), pick(urls));
        } else {
            base = noise();
        }
        int disguises = random.nextInt(4);
        for (int i = 0; i < disguises; i++) {
            base = disguise(base);
        }
        return base;
    }

    private String disguise(String q) {
        return switch (random.nextInt(14)) {
            case 0 -> flipCase(q);
            case 1 -> firstSpace(q, "/**/");
            case 2 -> firstSpace(q, "\n// " + pick(STRINGS).replace("\n", "") + "\n");
            case 3 -> firstSpace(q, "\u00a0");
            case 4 -> "MATCH (n) WITH n LIMIT 1 " + q;
            case 5 -> "CALL { " + q + " } RETURN 1 AS one";
            case 6 -> "RETURN 1 AS l UNION " + q;
            case 7 -> q + "; SHOW TRANSACTIONS";
            case 8 -> unicodeEscape(q);
            case 9 -> backtickFirstWord(q);
            case 10 -> "/* " + pick(STRINGS).replace("*/", "") + " */ " + q;
            case 11 -> q.isEmpty() ? q : q.substring(0, random.nextInt(q.length()));
            case 12 -> "RETURN '" + pick(STRINGS).replace("'", "") + "' AS s, 1 AS x " + q;
            default -> insertChar(q);
        };
    }

    private static String firstSpace(String q, String replacement) {
        int space = q.indexOf(' ');
        return space < 0 ? q : q.substring(0, space) + replacement + q.substring(space + 1);
    }

    private String flipCase(String q) {
        StringBuilder out = new StringBuilder(q.length());
        for (char c : q.toCharArray()) {
            out.append(random.nextBoolean() ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return out.toString();
    }

    private String unicodeEscape(String q) {
        int i = q.isEmpty() ? -1 : random.nextInt(q.length());
        if (i < 0 || !Character.isLetter(q.charAt(i))) {
            return q;
        }
        return q.substring(0, i) + String.format(Locale.ROOT, "\\u%04x", (int) q.charAt(i)) + q.substring(i + 1);
    }

    private static String backtickFirstWord(String q) {
        int space = q.indexOf(' ');
        return space < 0 ? "`" + q + "`" : "`" + q.substring(0, space) + "`" + q.substring(space);
    }

    private String insertChar(String q) {
        String chars = "'\"`/*\\;{}()[]$:.,\n\t\u200b";
        int at = q.isEmpty() ? 0 : random.nextInt(q.length() + 1);
        return q.substring(0, at) + chars.charAt(random.nextInt(chars.length())) + q.substring(at);
    }

    private String noise() {
        List<String> words = List.of(
                "MATCH",
                "(n)",
                "RETURN",
                "n",
                "LOAD",
                "CSV",
                "FROM",
                "'" + pick(urls) + "'",
                "AS",
                "l",
                "CALL",
                "{",
                "}",
                "db.labels()",
                "dbms.listConfig()",
                "USE",
                "system",
                "SHOW",
                "WITH",
                "*",
                ",",
                "//",
                "/*",
                "*/",
                "'",
                "\"",
                "`",
                "$repo",
                "UNION",
                "WHERE",
                "CREATE",
                "YIELD");
        StringBuilder out = new StringBuilder();
        int n = 1 + random.nextInt(12);
        for (int i = 0; i < n; i++) {
            out.append(pick(words)).append(random.nextBoolean() ? " " : "");
        }
        return out.toString();
    }

    // ---- JSON-RPC lines ----

    private Line jsonRpc() {
        int roll = random.nextInt(20);
        if (roll < 9) {
            return request(
                    pick(List.of(
                            "ping",
                            "tools/list",
                            "tools/call",
                            "tools/call",
                            "tools/call",
                            "logging/setLevel",
                            "initialize",
                            "resources/list",
                            "prompts/get",
                            "completion/complete",
                            "nope",
                            "")),
                    params());
        }
        if (roll < 11) {
            return wrongEnvelope();
        }
        if (roll < 15) {
            return new Line(badIdRequest(), 0, Expect.NULL_ID_ERROR);
        }
        if (roll < 18) {
            return new Line(garbage(), 0, Expect.NULL_ID_ERROR);
        }
        return new Line(quiet(), 0, Expect.NOTHING);
    }

    private JsonNode params() {
        return switch (random.nextInt(12)) {
            case 0 -> null;
            case 1 -> JSON.getNodeFactory().nullNode();
            case 2 -> JSON.getNodeFactory().stringNode("str");
            case 3 -> JSON.createArrayNode().add(1).add(2);
            case 4 -> JSON.getNodeFactory().numberNode(7);
            case 5 -> JSON.createObjectNode().put("cursor", random.nextBoolean() ? "x" : "5");
            case 6 -> JSON.createObjectNode().put("level", pick(List.of("debug", "info", "bogus", "")));
            case 7 -> JSON.createObjectNode().set("_meta", value());
            case 8 ->
                JSON.createObjectNode()
                        .put("protocolVersion", "2025-06-18")
                        .set("capabilities", random.nextBoolean() ? JSON.createObjectNode() : value());
            default -> {
                ObjectNode p = JSON.createObjectNode();
                if (random.nextInt(5) > 0) {
                    p.set(
                            "name",
                            random.nextInt(4) > 0 ? JSON.getNodeFactory().stringNode(pick(READ_ONLY_TOOLS)) : value());
                }
                if (random.nextBoolean()) {
                    p.set("arguments", random.nextInt(3) > 0 ? JSON.createObjectNode() : value());
                }
                yield p;
            }
        };
    }

    /** A request with its own valid id, but something else about the envelope wrong. */
    private Line wrongEnvelope() {
        long id = nextId++;
        ObjectNode m = JSON.createObjectNode().put("id", id);
        switch (random.nextInt(4)) {
            case 0 -> m.put("jsonrpc", "1.0").put("method", "ping");
            case 1 -> m.put("method", "ping");
            case 2 -> m.put("jsonrpc", "2.0").put("method", 5);
            default -> m.put("jsonrpc", "2.0");
        }
        return new Line(JSON.writeValueAsString(m), id, Expect.OWN_ID);
    }

    private String badIdRequest() {
        String id = pick(List.of("{\"a\":1}", "[1,2]", "1.5", "true", "false", "null", "99999999999999999999", "1e3"));
        if (random.nextBoolean()) {
            return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + pick(List.of("ping", "tools/call"))
                    + "\",\"params\":{}}";
        }
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":{}}";
    }

    private String garbage() {
        return switch (random.nextInt(6)) {
            case 0 -> "this is not json " + random.nextInt();
            case 1 -> "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]";
            case 2 -> pick(List.of("1", "\"ping\"", "true", "null", "[]"));
            case 3 -> {
                String valid =
                        "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"graph_stats\"}}";
                yield valid.substring(0, 1 + random.nextInt(valid.length() - 1));
            }
            case 4 -> "{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{},\"error\":{\"code\":1,\"message\":\"m\"}}";
            default -> "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\",\"params\":\"x\"}";
        };
    }

    /** Lines that need no answer: notifications and responses to requests the server never sent. */
    private String quiet() {
        return switch (random.nextInt(3)) {
            case 0 -> "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":1}}";
            case 1 -> "{\"jsonrpc\":\"2.0\",\"id\":\"never-sent-" + random.nextInt(1000) + "\",\"result\":{}}";
            default -> "{\"jsonrpc\":\"2.0\",\"id\":4242,\"error\":{\"code\":-1,\"message\":\"m\"}}";
        };
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
