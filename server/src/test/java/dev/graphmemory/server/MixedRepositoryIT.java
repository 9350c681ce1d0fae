package dev.graphmemory.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.queries.testkit.TestNeo4j;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One repository with Java, Python, TypeScript/JavaScript and a work unit ({@code fixtures/mixed-repo}),
 * indexed once through the CLI: one graph across the languages, and the seed questions of the
 * design answered on its Python part through the same commands an agent's tools use.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MixedRepositoryIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private Path repo;
    private String repoKey;
    private Driver driver;

    @BeforeAll
    void indexOnce(@TempDir Path tmp) throws Exception {
        repo = FixtureRepo.committed("mixed-repo", tmp.resolve("repo")).toRealPath();
        repoKey = repo.toString();
        driver = TestNeo4j.driver();
        Cli index = Cli.onTestStore(repo, "index", "--json");
        assertThat(index.exitCode()).as(index.err()).isZero();
    }

    @Test
    void modulesOfEveryLanguageLiveInOneGraph() {
        assertThat(column("MATCH (m:Module) WHERE m.repo = $repo AND m.path IS NOT NULL"
                        + " RETURN m.language + ' ' + m.path"))
                .contains(
                        "java src/main/java/com/acme/Tool.java",
                        "python agents/planner.py",
                        "typescript web/src/render.ts",
                        "javascript web/bin/build.js");
    }

    @Test
    void importsResolveWithinEachLanguage() {
        assertThat(column("MATCH (a:Module)-[:IMPORTS]->(b:Module) WHERE a.repo = $repo AND b.path IS NOT NULL"
                        + " RETURN a.path + ' -> ' + b.path"))
                .contains(
                        "src/main/java/com/acme/Tool.java -> src/main/java/com/acme/util/Strings.java",
                        "agents/planner.py -> llm_caller_cli/llm_call.py",
                        "agents/notes.py -> llm_caller_cli/llm_call.py",
                        "web/bin/build.js -> web/src/render.ts",
                        "web/src/render.ts -> web/src/escape.ts");
    }

    @Test
    void whichCliEntryPointsExist() {
        JsonNode rows = cli("find", "--schema", "architecture", "--type", "cli_entry", "--limit", "50", "--json")
                .get("rows");
        // A module's id carries its path, so the row does not repeat it ...
        assertThat(rows.findValuesAsString("id"))
                .contains(
                        "architecture:module:src/main/java/com/acme/Tool.java",
                        "architecture:module:llm_caller_cli/llm_call.py",
                        "architecture:module:web/bin/build.js")
                .doesNotContain("architecture:module:agents/planner.py", "architecture:module:web/src/escape.ts");
        assertThat(rows.findValuesAsString("path")).isEmpty();
        // ... and a script that wants the property by name asks for it.
        JsonNode withPath = cli(
                        "find",
                        "--schema",
                        "architecture",
                        "--type",
                        "cli_entry",
                        "--limit",
                        "50",
                        "--fields",
                        "path",
                        "--json")
                .get("rows");
        assertThat(withPath.findValuesAsString("path"))
                .contains("src/main/java/com/acme/Tool.java", "llm_caller_cli/llm_call.py", "web/bin/build.js");
    }

    @Test
    void whoImportsLlmCall() {
        JsonNode rows = cli(
                        "neighbors",
                        "architecture:module:llm_caller_cli/llm_call.py",
                        "--direction",
                        "in",
                        "--relationship",
                        "IMPORTS",
                        "--json")
                .get("rows");
        assertThat(rows.findValuesAsString("id"))
                .containsExactlyInAnyOrder(
                        "architecture:module:agents/planner.py", "architecture:module:agents/notes.py");
    }

    @Test
    void whichFunctionsCallSubprocess() {
        JsonNode rows = cli(
                        "find",
                        "--schema",
                        "architecture",
                        "--type",
                        "function",
                        "--where",
                        "{\"calls\": {\"$contains\": \"subprocess\"}}",
                        "--json")
                .get("rows");
        assertThat(rows.findValuesAsString("id")).containsExactly("architecture:function:agents.review#review(text)");
    }

    @Test
    void programsRunByPythonAndJavaScriptAreInvoked() {
        assertThat(column(
                        "MATCH (a:Module)-[:INVOKES]->(b:Module) WHERE a.repo = $repo RETURN a.path + ' -> ' + b.path"))
                .contains(
                        "agents/review.py -> llm_caller_cli/llm_call.py", "web/scripts/deploy.mjs -> web/bin/build.js");
    }

    @Test
    void aWorkUnitTouchesFilesOfTwoLanguages() {
        assertThat(column("MATCH (w:WorkUnit {repo: $repo, id: 'workflow:work_unit:WU-900'})-[:TOUCHES]->(m:Module)"
                        + " RETURN m.language + ' ' + m.path"))
                .containsExactlyInAnyOrder("python agents/planner.py", "typescript web/src/render.ts");
    }

    private JsonNode cli(String... args) {
        Cli c = Cli.onTestStore(repo, args);
        assertThat(c.exitCode()).as(c.err()).isZero();
        return JSON.readTree(c.out());
    }

    private List<String> column(String query) {
        try (Session session = driver.session()) {
            return session.run(query, Map.of("repo", repoKey))
                    .list(r -> r.get(0).asString());
        }
    }
}
