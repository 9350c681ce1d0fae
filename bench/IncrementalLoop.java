// In-JVM incremental reindex loop, as the store daemon runs it: one JVM and one embedded Neo4j,
// warm across runs. Usage (from the repository root, after `bin/with-jdk ./mvnw -q -DskipTests
// package`):
//   java -Xmx1g -cp "server/target/lib/*" bench/IncrementalLoop.java <git repo> <file> [rounds]
// Indexes the repository once in full (cache under <repo>/.graph-memory/loop-cache, store in a temp
// dir), then per round: inserts a method `benchLoop<n>` at the top of <file>'s class, runs
// `git commit -am`, and times from the commit's return until the new method's node is found by
// name (Indexer.run() plus one query). Prints one line per round and the median.
import dev.graphmemory.indexer.IndexOptions;
import dev.graphmemory.indexer.IndexSummary;
import dev.graphmemory.indexer.Indexer;
import dev.graphmemory.indexer.LanguagePlugins;
import dev.graphmemory.indexer.ProgressListener;
import dev.graphmemory.indexer.knowledge.KnowledgeConfig;
import dev.graphmemory.queries.schema.GraphSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

public class IncrementalLoop {
    private static final String REPO = "bench-loop";

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args[0]).toAbsolutePath();
        Path file = repo.resolve(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path home = Files.createTempDirectory("gm-loop-neo4j");
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 256L * 1024 * 1024)
                .build();
        GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        int port = db.getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT)
                .getPort();
        try (Driver driver = GraphDatabase.driver(
                "bolt://127.0.0.1:" + port, AuthTokens.none(), Config.builder().withoutEncryption().build())) {
            GraphSchema.ensure(driver);
            IndexOptions options = IndexOptions.defaults(KnowledgeConfig.DEFAULT_GLOBS)
                    .withCacheDir(repo.resolve(".graph-memory/loop-cache"));
            long t0 = System.nanoTime();
            IndexSummary first = indexer(driver, repo, options.withFull(true)).run();
            System.out.printf("full run: %.1f s, %s%n", (System.nanoTime() - t0) / 1e9, first.oneLine());
            List<Long> times = new ArrayList<>();
            for (int i = 1; i <= rounds; i++) {
                String method = "benchLoop" + i + "_" + System.nanoTime() % 100000;
                String text = Files.readString(file);
                String changed = text.replaceFirst(
                        "(\\n(public )?(abstract )?(final )?class \\w+[^{]*\\{\\n)",
                        "$1    static int " + method + "() { return " + i + "; }\n");
                Files.writeString(file, changed);
                Process git = new ProcessBuilder("git", "-C", repo.toString(), "-c", "user.name=bench", "-c",
                                "user.email=bench@example.com", "commit", "-q", "-am", "bench loop " + i)
                        .inheritIO()
                        .start();
                if (git.waitFor() != 0) {
                    throw new IllegalStateException("git commit failed");
                }
                long start = System.nanoTime();
                IndexSummary summary = indexer(driver, repo, options).run();
                long found;
                try (var session = driver.session()) {
                    found = session.executeRead(tx -> tx.run(
                                    "MATCH (n:Entity {repo: $repo, name: $name}) RETURN count(n) AS c",
                                    Map.of("repo", REPO, "name", method))
                            .single()
                            .get("c")
                            .asLong());
                }
                long ms = (System.nanoTime() - start) / 1_000_000;
                times.add(ms);
                System.out.printf(
                        "round %d: %d ms from commit to visible (found %d), incremental=%s reparsed=%d%n",
                        i, ms, found, summary.incremental(), summary.reparsed());
            }
            List<Long> sorted = times.stream().sorted().toList();
            System.out.println("median ms: " + sorted.get(sorted.size() / 2) + "; all: " + times);
        } finally {
            dbms.shutdown();
            try (var files = Files.walk(home)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Indexer indexer(Driver driver, Path repo, IndexOptions options) {
        return new Indexer(driver, REPO, repo, options, LanguagePlugins.all(), ProgressListener.NONE);
    }
}
