package dev.graphmemory.server.cli;

import dev.graphmemory.queries.schema.GraphSchema;
import dev.graphmemory.server.config.GraphMemoryConfig;
import dev.graphmemory.server.store.EmbeddedStore;
import dev.graphmemory.server.store.ExternalStore;
import dev.graphmemory.server.store.GraphStore;
import dev.graphmemory.server.store.StoreException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Options every command shares: which repository, and which store. Precedence: command-line
 * option, then environment variable ({@code NEO4J_URI}, {@code NEO4J_USERNAME},
 * {@code NEO4J_PASSWORD}), then {@code .graph-memory.yml}, then the embedded default.
 */
public final class StoreOptions {
    @Option(
            names = "--repo",
            paramLabel = "DIR",
            description = "The repository (any folder inside its working tree). Default: the current folder.")
    Path repo;

    @Option(
            names = "--uri",
            paramLabel = "URI",
            description = "An external Neo4j (bolt://host:7687, neo4j://host:7687) instead of the embedded store."
                    + " Env: NEO4J_URI.")
    String uri;

    @Option(names = "--user", paramLabel = "U", description = "User for --uri. Env: NEO4J_USERNAME.")
    String user;

    @Option(names = "--password", paramLabel = "P", description = "Password for --uri. Env: NEO4J_PASSWORD.")
    String password;

    /** The working tree root of the repository. */
    public Path root() {
        Path start = (repo == null ? Path.of("") : repo).toAbsolutePath().normalize();
        File dir = start.toFile();
        if (!dir.isDirectory()) {
            throw new StoreException("--repo " + start + " is not a folder");
        }
        Path root = GitWorkTree.root(start)
                .orElseThrow(() -> new StoreException(start
                        + " is not inside a git repository (graph-memory indexes git repositories; run `git init` there, or"
                        + " pass --repo DIR)"));
        try {
            return root.toRealPath();
        } catch (IOException e) {
            throw new StoreException("cannot open the git repository at " + start + ": " + e.getMessage(), e);
        }
    }

    /**
     * The store of the daemon this thread runs in, while it answers a command line itself ({@link
     * DaemonCli}): the daemon's own driver, which such a command uses instead of a Bolt connection
     * of its own.
     */
    record InDaemon(org.neo4j.driver.Driver driver, String description) {}

    static final ThreadLocal<InDaemon> IN_DAEMON = new ThreadLocal<>();

    /** The store daemon's own store, for a command or session it runs: closing it leaves the driver open. */
    static GraphStore inDaemon(InDaemon here, String repoKey) {
        return new GraphStore() {
            @Override
            public org.neo4j.driver.Driver driver() {
                return here.driver();
            }

            @Override
            public String repoKey() {
                return repoKey;
            }

            @Override
            public String describe() {
                return here.description();
            }

            @Override
            public void close() {
                // the daemon's driver outlives the command
            }
        };
    }

    /** Opens the store and makes sure its schema exists. */
    public GraphStore open(Path root, GraphMemoryConfig config) {
        String repoKey = config.repoKeyFor(root);
        String u = externalUri(config);
        InDaemon here = IN_DAEMON.get();
        if (here != null && u == null) {
            return inDaemon(here, repoKey);
        }
        GraphStore store = u != null
                ? ExternalStore.connect(
                        u,
                        first(user, System.getenv("NEO4J_USERNAME"), config.user()),
                        first(password, System.getenv("NEO4J_PASSWORD"), null),
                        repoKey)
                : EmbeddedStore.open(root, repoKey);
        if (u == null) {
            return store; // the daemon created the schema before it published its endpoint
        }
        try {
            long t0 = System.nanoTime();
            GraphSchema.ensure(store.driver());
            org.slf4j.LoggerFactory.getLogger(StoreOptions.class)
                    .debug("schema ensured in {} ms", (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            store.close();
            throw new StoreException(
                    "cannot create graph-memory's schema in " + store.describe() + ": " + e.getMessage(), e);
        }
        return store;
    }

    /** The external Neo4j's URI when one is configured (option, environment, file), else null. */
    public String externalUri(GraphMemoryConfig config) {
        return first(uri, System.getenv("NEO4J_URI"), config.uri());
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
