package dev.graphmemory.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.queries.testkit.TestNeo4j;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Files of languages graph-memory does not parse are counted per language in {@code index}'s
 * summary, in {@code stats} and in the {@code graph_stats} tool, and the counts follow the working
 * tree through incremental runs. A real git repository, indexed through the CLI into the test
 * Neo4j.
 */
class NotParsedCountsIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path tmp;

    @Test
    void kotlinAndGroovyAreCountedPerLanguageAndADeletedKotlinFileLowersTheCount() throws Exception {
        Path repo = repository(tmp.resolve("repo"));

        Cli index = Cli.onTestStore(repo, "index", "--json");
        assertThat(index.exitCode()).as(index.err()).isZero();
        JsonNode summary = JSON.readTree(index.out());
        assertThat(summary.get("indexed").asInt()).as("Java and Python parsed").isEqualTo(2);
        // Kotlin: three sources and build.gradle.kts; Groovy: a script and a Gradle build file. Not
        // counted: a Kotlin file under the ignored build/, a binary .kt, C under node_modules/.
        assertThat(counts(summary.get("notParsed"))).isEqualTo(Map.of("Kotlin", 4, "Groovy", 2));
        assertThat(stats(repo)).isEqualTo(Map.of("Kotlin", 4, "Groovy", 2));
        Cli text = Cli.onTestStore(repo, "stats");
        assertThat(text.out()).contains("not parsed:     4 Kotlin, 2 Groovy");

        Files.delete(repo.resolve("app/src/main/kotlin/acme/Util.kt"));
        GitCli.ok(repo, "commit", "-qam", "Drop Util.kt");
        Cli again = Cli.onTestStore(repo, "index");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).startsWith("incremental: ").contains("; not parsed: 3 Kotlin, 2 Groovy");
        assertThat(stats(repo)).isEqualTo(Map.of("Kotlin", 3, "Groovy", 2));

        // A Java-only change: the run parses one file, and the counts of the others stay as they were.
        Files.writeString(repo.resolve("src/main/java/acme/App.java"), "package acme;\nclass App { int x; }\n");
        Cli javaOnly = Cli.onTestStore(repo, "index", "--json");
        JsonNode javaSummary = JSON.readTree(javaOnly.out());
        assertThat(javaSummary.get("incremental").asBoolean()).isTrue();
        assertThat(javaSummary.get("reparsed").asInt()).isEqualTo(1);
        assertThat(counts(javaSummary.get("notParsed"))).isEqualTo(Map.of("Kotlin", 3, "Groovy", 2));

        // Deleted without a commit: the working tree is what counts, not HEAD.
        Files.delete(repo.resolve("scripts/release.groovy"));
        assertThat(Cli.onTestStore(repo, "index").out()).contains("; not parsed: 3 Kotlin, 1 Groovy");
        assertThat(stats(repo)).isEqualTo(Map.of("Kotlin", 3, "Groovy", 1));
        assertThat(toolStats(repo)).isEqualTo(Map.of("Kotlin", 3, "Groovy", 1));
    }

    /** Java, Python, Kotlin and Groovy, with files the skip rules pass over, in one commit. */
    private static Path repository(Path dir) throws IOException {
        write(dir, "src/main/java/acme/App.java", "package acme;\nclass App {}\n");
        write(dir, "tools/report.py", "def main():\n    print('report')\n");
        write(dir, "app/src/main/kotlin/acme/Main.kt", "package acme\nfun main() = println(\"hi\")\n");
        write(dir, "app/src/main/kotlin/acme/Util.kt", "package acme\nfun twice(x: Int) = 2 * x\n");
        write(dir, "app/src/test/kotlin/acme/UtilTest.kt", "package acme\nclass UtilTest\n");
        write(dir, "app/build.gradle.kts", "plugins { kotlin(\"jvm\") }\n");
        write(dir, "scripts/release.groovy", "println 'release'\n");
        write(dir, "legacy/build.gradle", "apply plugin: 'java'\n");
        write(dir, "README.md", "# demo\n");
        write(dir, ".gitignore", "/app/build/\n");
        write(dir, "app/build/generated/Gen.kt", "package gen\nclass Gen\n");
        Files.write(dir.resolve("app/src/main/kotlin/acme/Blob.kt"), new byte[] {'f', 'u', 'n', 0, 1, 2});
        write(dir, "node_modules/native/binding.c", "int x;\n");
        GitCli.ok(dir, "init", "-q", "-b", "main");
        GitCli.ok(dir, "add", "-A");
        GitCli.ok(dir, "commit", "-qm", "Import");
        return dir;
    }

    private static void write(Path root, String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static Map<String, Integer> stats(Path repo) {
        Cli stats = Cli.onTestStore(repo, "stats", "--json");
        assertThat(stats.exitCode()).as(stats.err()).isZero();
        return counts(JSON.readTree(stats.out()).get("not_parsed"));
    }

    /** The {@code graph_stats} tool's {@code not_parsed}, from a real {@code serve} process. */
    private static Map<String, Integer> toolStats(Path repo) throws Exception {
        try (ServeProcess serve = new ServeProcess(repo, List.of("--uri", TestNeo4j.boltUri()))) {
            serve.request(
                    1,
                    "initialize",
                    "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                            + "\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}");
            serve.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            JsonNode result = serve.request(2, "tools/call", "{\"name\":\"graph_stats\",\"arguments\":{}}")
                    .get("result");
            assertThat(result.get("isError").asBoolean()).as(result.toString()).isFalse();
            assertThat(serve.endInput()).isZero();
            return counts(result.get("structuredContent").get("not_parsed"));
        }
    }

    private static Map<String, Integer> counts(JsonNode node) {
        Map<String, Integer> out = new java.util.TreeMap<>();
        node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asInt()));
        return out;
    }
}
