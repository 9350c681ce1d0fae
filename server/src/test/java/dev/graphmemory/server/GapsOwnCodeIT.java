package dev.graphmemory.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * graph-memory's own main code (a copy of each module's {@code src/main} in a fresh git repository) has no
 * integration gap: every class is reached from {@code Main}, through picocli subcommands named in
 * {@code @Command(subcommands = ...)}, the MCP tool classes the server builds, and plain imports.
 * A gap reported here is either a real one or a defect of the analysis.
 */
class GapsOwnCodeIT {
    @TempDir
    Path tmp;

    @Test
    void reportsNothingOnItsOwnMainCode() throws IOException {
        Path project = Path.of("").toAbsolutePath().getParent();
        assertThat(project.resolve("queries/src/main/java")).isDirectory();
        Map<String, String> files = new LinkedHashMap<>();
        for (String module : new String[] {"queries", "indexer", "server"}) {
            Path main = project.resolve(module).resolve("src/main");
            try (Stream<Path> walk = Files.walk(main)) {
                for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                    files.put(project.relativize(f).toString(), Files.readString(f));
                }
            }
        }
        Path repo;
        try (GitDir git = GitDir.init(tmp.resolve("self"))) {
            repo = git.commit("graph-memory main code", files).dir();
        }
        Cli index = Cli.onTestStore(repo, "index");
        assertThat(index.exitCode()).as(index.err()).isZero();
        Cli run = Cli.onTestStore(repo, "gaps", "--json");
        JsonNode answer = JsonMapper.builder().build().readTree(run.out());
        assertThat(answer.get("gaps")).as(run.out()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(answer.get("mode").asString()).isEqualTo("application");
        assertThat(answer.get("summary").get("reached").asInt()).isGreaterThan(150);
    }
}
