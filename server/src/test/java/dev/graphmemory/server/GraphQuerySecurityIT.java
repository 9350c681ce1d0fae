package dev.graphmemory.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.ClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code graph_query} through a real {@code serve} process and its embedded store daemon, as an
 * agent (or whoever writes into its prompt) would try it: reading host files and the store's own
 * credentials with {@code LOAD CSV}, reaching out over HTTP, listing and ending other clients'
 * transactions, switching databases, calling administration procedures, query options, and each
 * of these hidden behind comments, case, backticks and unicode escapes. Ordinary reads still work,
 * and the store refuses file and URL loads even to a client that bypasses graph-memory.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphQuerySecurityIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Path repo;
    private ServeProcess serve;
    private Path secretFile;
    private String secret;
    private String password;
    private int nextId = 100;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        repo = FixtureRepo.workflowRepo(tmp.resolve("repo"));
        secret = "planted-secret-" + UUID.randomUUID();
        secretFile = Files.createDirectories(tmp.resolve("outside")).resolve("secret.csv");
        Files.writeString(secretFile, secret + "\n");
        serve = new ServeProcess(repo);
        serve.request(
                1,
                "initialize",
                "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                        + "\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}");
        serve.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        // The first call waits for the store (and the first index).
        JsonNode stats = serve.request(2, "tools/call", "{\"name\":\"graph_stats\",\"arguments\":{}}");
        assertThat(stats.get("result").get("isError").asBoolean())
                .as(stats.toString())
                .isFalse();
        password = Files.readString(repo.resolve(".graph-memory/credentials")).strip();
        assertThat(password).isNotBlank();
    }

    @AfterAll
    void stop() throws Exception {
        if (serve != null) {
            serve.endInput();
            serve.close();
        }
        if (repo != null) {
            Daemons.stop(repo);
        }
    }

    @Test
    void loadCsvFromFilesIsRefusedAndReadsNothing() throws Exception {
        String credentials = repo.resolve(".graph-memory/credentials").toUri().toString();
        String planted = secretFile.toUri().toString();
        List<String> queries = List.of(
                "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l LIMIT 3",
                "LOAD CSV FROM '" + credentials + "' AS l RETURN l",
                "LOAD CSV FROM '" + planted + "' AS l RETURN l",
                "load csv from '" + planted + "' as l return l",
                "LOAD/**/CSV FROM '" + planted + "' AS l RETURN l",
                "// harmless\nLOAD CSV FROM '" + planted + "' AS l RETURN l",
                "RETURN 1 AS x /* ' */ UNION LOAD CSV FROM '" + planted + "' AS l RETURN l[0] AS x",
                "MATCH (n) WITH n LIMIT 1 LOAD CSV FROM '" + planted + "' AS l RETURN l",
                "CALL { LOAD CSV FROM '" + planted + "' AS l RETURN l } RETURN l",
                "\\u004cOAD CSV FROM '" + planted + "' AS l RETURN l",
                "RETURN 1\u00a0LOAD CSV FROM '" + planted + "' AS l RETURN l",
                "`LOAD` CSV FROM '" + planted + "' AS l RETURN l");
        for (String q : queries) {
            String text = refusal(q);
            assertThat(text)
                    .as(q)
                    .doesNotContain(secret)
                    .doesNotContain(password)
                    .doesNotContain("root:x:0");
        }
        assertThat(refusal(queries.get(0))).contains("LOAD CSV reads files and URLs");
        assertThat(refusal(queries.get(9))).contains("backslash");
    }

    @Test
    void loadCsvFromAUrlIsRefusedWithoutOpeningAConnection() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + listener.getLocalPort() + "/x.csv";
            assertThat(refusal("LOAD CSV FROM '" + url + "' AS l RETURN l")).contains("LOAD CSV");
            assertThat(refusal("LOAD CSV WITH HEADERS FROM $u AS l RETURN l", Map.of("u", url)))
                    .contains("LOAD CSV");
            listener.setSoTimeout(1_000);
            assertThatThrownBy(listener::accept).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void showTerminateAndUseAreRefused() throws Exception {
        Map<String, String> refused = Map.of(
                "SHOW TRANSACTIONS", "SHOW",
                "show transactions yield *", "SHOW",
                "TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "TERMINATE",
                "SHOW USERS", "SHOW",
                "SHOW DATABASES", "SHOW",
                "SHOW SETTINGS", "SHOW",
                "USE system SHOW USERS", "USE",
                "USE neo4j MATCH (n) RETURN n", "USE",
                "MATCH (n) CALL { USE system RETURN 1 AS x } RETURN x", "USE");
        for (var e : refused.entrySet()) {
            assertThat(refusal(e.getKey()))
                    .as(e.getKey())
                    .contains(e.getValue())
                    .contains("graph_query runs one");
        }
    }

    @Test
    void proceduresOutsideTheReadListAreRefused() throws Exception {
        for (String q : List.of(
                "CALL dbms.components()",
                "CALL dbms.listConfig()",
                "CALL `dbms`.`listConfig`()",
                "CALL dbms . /* x */ listConfig()",
                "CALL db.createLabel('Scratch')",
                "CALL db.createProperty('scratch')",
                "CALL db.clearQueryCaches()",
                "CALL db.info()",
                "MATCH (n) WITH n LIMIT 1 CALL dbms.listConfig() YIELD name RETURN name",
                "CALL dbms.listConnections()")) {
            assertThat(refusal(q)).as(q).contains("is not allowed").contains("db.labels");
        }
    }

    @Test
    void queryOptionsAreRefusedWithAMessage() throws Exception {
        for (String q : List.of(
                "PROFILE MATCH (n) RETURN n LIMIT 1",
                "EXPLAIN MATCH (n) RETURN n LIMIT 1",
                "CYPHER runtime=slotted MATCH (n) RETURN count(n)",
                "CYPHER 25 MATCH (n) RETURN count(n)")) {
            assertThat(refusal(q)).as(q).contains("query options");
        }
    }

    @Test
    void writesAreRefusedAndWriteNothing() throws Exception {
        long before = rows("MATCH (n {repo: $repo}) RETURN count(n) AS c")
                .get(0)
                .get("c")
                .asLong();
        for (String q : List.of(
                "CREATE (n:Scratch {repo: $repo})",
                "MATCH (n) DETACH DELETE n",
                "MERGE (n:Scratch {repo: $repo})",
                "MATCH (n {repo: $repo}) SET n.x = 1",
                "/* read */ CREATE (n:Scratch)")) {
            assertThat(refusal(q)).as(q).contains("read-only");
        }
        assertThat(rows("MATCH (n {repo: $repo}) RETURN count(n) AS c")
                        .get(0)
                        .get("c")
                        .asLong())
                .isEqualTo(before);
    }

    @Test
    void ordinaryReadsStillWork() throws Exception {
        assertThat(rows("MATCH (m:Module {repo: $repo}) RETURN count(m) AS c")
                        .get(0)
                        .get("c")
                        .asLong())
                .isEqualTo(12);
        assertThat(rows("CALL db.labels() YIELD label RETURN label").stream()
                        .map(r -> r.get("label").asString()))
                .contains("Module", "WorkUnit");
        assertThat(rows("CALL db.index.fulltext.queryNodes('gm_text', 'timeout') YIELD node"
                                + " WHERE node.repo = $repo RETURN node.key AS k")
                        .stream()
                        .map(r -> r.get("k").asString()))
                .contains("WU-281");
        assertThat(rows("RETURN 'LOAD CSV FROM file:///etc/passwd; SHOW USERS // x' AS s")
                        .get(0)
                        .get("s")
                        .asString())
                .isEqualTo("LOAD CSV FROM file:///etc/passwd; SHOW USERS // x");
        assertThat(rows("MATCH (m:Module {repo: $repo}) RETURN m.path AS `show`, m.load AS l LIMIT 1")
                        .get(0)
                        .has("show"))
                .isTrue();
        JsonNode answer = call("MATCH (m:Module) RETURN count(m) AS c", Map.of());
        assertThat(answer.get("isError").asBoolean()).isFalse();
        // This store holds one repository, so leaving out $repo reads nothing else.
        assertThat(answer.get("structuredContent").has("scope")).isFalse();
    }

    @Test
    void theStoreItselfRefusesFileAndUrlLoadsToAClientThatBypassesGraphMemory() throws Exception {
        int port = JSON.readTree(Files.readString(repo.resolve(".graph-memory/daemon.json")))
                .get("boltPort")
                .asInt();
        try (Driver driver = GraphDatabase.driver(
                        "bolt://127.0.0.1:" + port,
                        AuthTokens.basic("neo4j", password),
                        Config.builder().withoutEncryption().build());
                Session session = driver.session()) {
            assertThatThrownBy(() -> session.run(
                                    "LOAD CSV FROM $u AS l RETURN l",
                                    Map.of("u", secretFile.toUri().toString()))
                            .list())
                    .isInstanceOf(ClientException.class)
                    .hasMessageContaining("allow_csv_import_from_file_urls")
                    .hasMessageNotContaining(secret);
            try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
                assertThatThrownBy(() -> session.run(
                                        "LOAD CSV FROM $u AS l RETURN l",
                                        Map.of("u", "http://127.0.0.1:" + listener.getLocalPort() + "/"))
                                .list())
                        .isInstanceOf(ClientException.class)
                        .hasMessageContaining("cypher_ip_blocklist");
                listener.setSoTimeout(500);
                assertThatThrownBy(listener::accept).isInstanceOf(SocketTimeoutException.class);
            }
        }
    }

    @Test
    void theQueryCommandAppliesTheSamePolicy() {
        Launcher refused = Launcher.run(
                "--repo", repo.toString(), "query", "LOAD CSV FROM '" + secretFile.toUri() + "' AS l RETURN l");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("LOAD CSV");
        assertThat(refused.out() + refused.err()).doesNotContain(secret);
        Launcher show = Launcher.run("--repo", repo.toString(), "query", "SHOW TRANSACTIONS");
        assertThat(show.exitCode()).isNotZero();
        assertThat(show.err()).contains("SHOW");
    }

    /** The text of a refused query's answer, which must be an {@code isError} result. */
    private String refusal(String cypher) throws Exception {
        return refusal(cypher, Map.of());
    }

    private String refusal(String cypher, Map<String, Object> params) throws Exception {
        JsonNode result = call(cypher, params);
        assertThat(result.get("isError").asBoolean())
                .as(cypher + " -> " + result)
                .isTrue();
        return result.get("content").get(0).get("text").asString();
    }

    /** The rows of a query that must succeed. */
    private List<JsonNode> rows(String cypher) throws Exception {
        JsonNode result = call(cypher, Map.of());
        assertThat(result.get("isError").asBoolean())
                .as(cypher + " -> " + result)
                .isFalse();
        List<JsonNode> rows = new ArrayList<>();
        result.get("structuredContent").get("rows").forEach(rows::add);
        return rows;
    }

    private JsonNode call(String cypher, Map<String, Object> params) throws Exception {
        ObjectNode arguments = JSON.createObjectNode();
        arguments.put("cypher", cypher);
        if (!params.isEmpty()) {
            arguments.set("params", JSON.valueToTree(params));
        }
        ObjectNode callParams = JSON.createObjectNode();
        callParams.put("name", "graph_query");
        callParams.set("arguments", arguments);
        int id = nextId++;
        JsonNode response = serve.request(id, "tools/call", JSON.writeValueAsString(callParams));
        assertThat(response.has("result")).as(response.toString()).isTrue();
        return response.get("result");
    }
}
