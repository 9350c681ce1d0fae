package dev.graphmemory.server.store;

import dev.graphmemory.queries.schema.GraphSchema;
import inet.ipaddr.IPAddressString;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.neo4j.collection.Dependencies;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilderImplementation;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.schema.IndexDefinition;
import org.neo4j.graphdb.schema.IndexSetting;
import org.neo4j.graphdb.schema.Schema;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.io.pagecache.PageCache;
import org.neo4j.io.pagecache.impl.muninn.MuninnPageCache;
import org.neo4j.io.pagecache.tracing.PageCacheTracer;
import org.neo4j.kernel.api.net.NetworkConnectionTracker;
import org.neo4j.kernel.impl.pagecache.ConfiguringPageCacheFactory;
import org.neo4j.kernel.impl.scheduler.JobSchedulerFactory;
import org.neo4j.kernel.impl.security.User;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.logging.NullLog;
import org.neo4j.logging.NullLogProvider;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.memory.MemoryPools;
import org.neo4j.scheduler.JobScheduler;
import org.neo4j.server.security.SecureHasher;
import org.neo4j.server.security.SystemGraphCredential;
import org.neo4j.server.security.auth.CommunitySecurityModule;
import org.neo4j.server.security.auth.FileUserRepository;
import org.neo4j.storageengine.api.StoreIdProvider;
import org.neo4j.storageengine.util.StoreIdDecodeUtils;
import org.neo4j.time.Clocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Neo4j itself, as the store daemon runs it: Bolt on 127.0.0.1 only (a free port),
 * authentication on with the generated password, logs in the store's folder.
 *
 * <p>Design notes. Queries a client sends must not reach beyond the graph, even one that got past
 * {@code graph_query}'s own checks: {@code LOAD CSV} may not read files
 * ({@code dbms.security.allow_csv_import_from_file_urls=false}, and {@code server.directories.import}
 * points at a folder that is never created) nor URLs ({@code internal.dbms.cypher_ip_blocklist}
 * blocks every IPv4 and IPv6 address; an internal setting, the only one Neo4j has for this), and no
 * plugin procedure is loaded ({@code dbms.security.procedures.allowlist} is empty; it does not
 * govern Neo4j's built-in procedures, which graph-memory itself uses).
 */
final class EmbeddedNeo4j implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedNeo4j.class);
    static final String USER = "neo4j";

    /** The import folder LOAD CSV would read from: never created, and file URLs are off anyway. */
    static final String NO_IMPORT = "no-import";

    private static final List<IPAddressString> EVERY_ADDRESS =
            List.of(new IPAddressString("0.0.0.0/0"), new IPAddressString("::/0"));

    private final DatabaseManagementService dbms;
    private final PageCacheJobs pageCacheJobs;
    private final GraphDatabaseAPI db;
    private final int port;
    private final String storeId;

    private EmbeddedNeo4j(
            DatabaseManagementService dbms,
            PageCacheJobs pageCacheJobs,
            GraphDatabaseAPI db,
            int port,
            String storeId) {
        this.dbms = dbms;
        this.pageCacheJobs = pageCacheJobs;
        this.db = db;
        this.port = port;
        this.storeId = storeId;
    }

    /**
     * The feature toggle that makes Neo4j run its background jobs (index sampling among them) on
     * platform threads instead of virtual ones. Set before any Neo4j scheduler class loads.
     *
     * <p>Why: on a 2-core machine a Spring first index hung for good (18 minutes, both cores busy)
     * with Neo4j's index sampling on virtual threads: two sampling threads held both carrier
     * threads, spinning in their optimistic B-tree reads for a page the writer was splitting, while
     * the writer waited for the page cache allocator's monitor, which another virtual thread, with
     * no carrier left to run on, held. Platform threads are preempted, so the holder runs.
     */
    static final String PLATFORM_THREADS_TOGGLE = "org.neo4j.scheduler.Group.enableVirtualThreads";

    static EmbeddedNeo4j start(StoreFiles files, long pageCacheBytes) {
        System.setProperty(PLATFORM_THREADS_TOGGLE, "false");
        Path passwordSet = files.neo4jHome().resolve(".password-set");
        boolean firstStart = !Files.exists(passwordSet);
        boolean initialUserWritten = firstStart && writeInitialUser(files);
        PageCacheJobs pageCacheJobs = new PageCacheJobs();
        DatabaseManagementService dbms;
        PageCache pageCache = null;
        try {
            pageCache = pageCacheJobs.pageCache(pageCacheBytes);
            dbms = build(files, pageCache);
        } catch (RuntimeException e) {
            if (pageCache != null) {
                try {
                    pageCache.close(); // the database closes it too when its start failed late
                } catch (RuntimeException closing) {
                    e.addSuppressed(closing);
                }
            }
            pageCacheJobs.close();
            throw e;
        }
        try {
            GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            if (firstStart) {
                GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
                if (!initialUserWritten || passwordChangeRequired(system)) {
                    // Querying the system database costs ~2 s of Cypher warm-up: only when the
                    // initial user file did not do it.
                    setPasswordOnFirstStart(system, files.password());
                }
                Files.writeString(passwordSet, "");
            }
            int port = db.getDependencyResolver()
                    .resolveDependency(ConnectorPortRegister.class)
                    .getLocalAddress(ConnectorType.BOLT)
                    .getPort();
            // What `CALL db.info()` answers as id (clients compare it over Bolt), without Cypher.
            String storeId =
                    StoreIdDecodeUtils.decodeId(db.getDependencyResolver().resolveDependency(StoreIdProvider.class));
            return new EmbeddedNeo4j(dbms, pageCacheJobs, db, port, storeId);
        } catch (RuntimeException | IOException e) {
            dbms.shutdown();
            pageCacheJobs.close();
            throw e instanceof RuntimeException r ? r : new StoreException(e.getMessage(), e);
        }
    }

    /**
     * Before the very first start of a store (no system database yet), writes the user file Neo4j
     * reads when it creates the system graph, as {@code neo4j-admin dbms set-initial-password}
     * does, so that the generated password holds from the start without a Cypher statement on the
     * system database. Internal Neo4j classes: if they are not what this expects, the first start
     * sets the password by Cypher instead, as before.
     */
    private static boolean writeInitialUser(StoreFiles files) {
        Path home = files.neo4jHome();
        try {
            Config config = Config.newBuilder()
                    .set(GraphDatabaseSettings.neo4j_home, home.toAbsolutePath())
                    .build();
            if (Files.exists(org.neo4j.io.layout.Neo4jLayout.of(config)
                    .databaseLayout(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
                    .databaseDirectory())) {
                return false; // the system graph exists: the file would not be read
            }
            Path file = CommunitySecurityModule.getInitialUserRepositoryFile(config);
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            FileUserRepository users = new FileUserRepository(
                    new DefaultFileSystemAbstraction(),
                    file,
                    NullLogProvider.getInstance(),
                    EmptyMemoryTracker.INSTANCE);
            users.start();
            users.create(new User(
                    USER,
                    null,
                    SystemGraphCredential.createCredentialForPassword(
                            files.password().getBytes(StandardCharsets.UTF_8), new SecureHasher()),
                    false,
                    false));
            users.shutdown();
            return true;
        } catch (Exception | LinkageError e) {
            LOG.debug("no initial user file for {} ({}); the password is set by Cypher", home, e.toString());
            return false;
        }
    }

    /** Whether the system graph's user still waits for its password (the initial user file was not used). */
    private static boolean passwordChangeRequired(GraphDatabaseService system) {
        try (Transaction tx = system.beginTx()) {
            Node user = tx.findNode(Label.label("User"), "name", USER);
            return user == null || !Boolean.FALSE.equals(user.getProperty("passwordChangeRequired", null));
        } catch (RuntimeException e) {
            LOG.debug("cannot read the system graph's user ({}); the password is set by Cypher", e.toString());
            return true;
        }
    }

    /**
     * Whether every index and constraint of {@link GraphSchema} is there, online and of the
     * current definition, read through the core API: on every start but the first the daemon then
     * skips the Cypher round ({@link GraphSchema#ensure}) and its warm-up.
     */
    boolean schemaComplete() {
        try (Transaction tx = db.beginTx()) {
            Schema schema = tx.schema();
            Set<String> present = new HashSet<>();
            for (IndexDefinition index : schema.getIndexes()) {
                if (schema.getIndexState(index) != Schema.IndexState.ONLINE) {
                    return false;
                }
                String name = index.getName();
                present.add(name);
                if (name.equals(GraphSchema.FULLTEXT_INDEX)) {
                    Set<String> labels = new TreeSet<>();
                    index.getLabels().forEach(l -> labels.add(l.name()));
                    if (!labels.equals(GraphSchema.fulltextLabels())) {
                        return false;
                    }
                }
                if (name.equals(GraphSchema.VECTOR_INDEX)) {
                    List<String> keys = new ArrayList<>();
                    index.getPropertyKeys().forEach(keys::add);
                    Object dimensions = index.getIndexConfiguration().get(IndexSetting.vector_Dimensions());
                    if (!keys.equals(GraphSchema.vectorProperties())
                            || !(dimensions instanceof Number n)
                            || n.intValue() != GraphSchema.VECTOR_DIMENSIONS) {
                        return false;
                    }
                }
            }
            schema.getConstraints().forEach(c -> present.add(c.getName()));
            return present.containsAll(GraphSchema.names());
        } catch (RuntimeException e) {
            LOG.debug("cannot read the schema through the core API ({}); it is checked by Cypher", e.toString());
            return false;
        }
    }

    /**
     * Creates the indexes and constraints of {@link GraphSchema} that are missing, through the
     * core API, and waits for them to come online; returns whether the schema is then complete.
     * On a fresh store this replaces {@link GraphSchema#ensure}'s Cypher round, whose first
     * statements cost the daemon's start about 1.6 s of Cypher warm-up. A definition that exists
     * under its name is left as it is (a stale one is for the Cypher path to replace), and anything
     * the core API refuses leaves the rest to that path too.
     */
    boolean createMissingSchema() {
        Set<String> present = new HashSet<>();
        try (Transaction tx = db.beginTx()) {
            tx.schema().getIndexes().forEach(i -> present.add(i.getName()));
            tx.schema().getConstraints().forEach(c -> present.add(c.getName()));
        }
        List<GraphSchema.Definition> missing = GraphSchema.definitions().stream()
                .filter(d -> !present.contains(d.name()))
                .toList();
        for (GraphSchema.Definition d : missing) {
            // One transaction each, as Cypher's schema commands run: one the core API refuses
            // leaves the others in place.
            try (Transaction tx = db.beginTx()) {
                create(tx.schema(), d);
                tx.commit();
            } catch (RuntimeException e) {
                LOG.debug("cannot create {} through the core API ({}); Cypher will", d.name(), e.toString());
            }
        }
        try (Transaction tx = db.beginTx()) {
            tx.schema().awaitIndexesOnline(5, java.util.concurrent.TimeUnit.MINUTES);
        } catch (RuntimeException e) {
            LOG.debug("indexes not online through the core API ({}); Cypher checks them", e.toString());
            return false;
        }
        return schemaComplete();
    }

    private static void create(Schema schema, GraphSchema.Definition d) {
        Label[] labels = d.labels().stream().map(Label::label).toArray(Label[]::new);
        switch (d.kind()) {
            case UNIQUE -> {
                var creator = schema.constraintFor(labels[0]);
                for (String p : d.properties()) {
                    creator = creator.assertPropertyIsUnique(p);
                }
                creator.withName(d.name()).create();
            }
            case RANGE, FULLTEXT, VECTOR -> {
                var creator = schema.indexFor(labels);
                for (String p : d.properties()) {
                    creator = creator.on(p);
                }
                creator = creator.withName(d.name())
                        .withIndexType(
                                switch (d.kind()) {
                                    case FULLTEXT -> org.neo4j.graphdb.schema.IndexType.FULLTEXT;
                                    case VECTOR -> org.neo4j.graphdb.schema.IndexType.VECTOR;
                                    default -> org.neo4j.graphdb.schema.IndexType.RANGE;
                                });
                if (d.kind() == GraphSchema.Kind.VECTOR) {
                    creator = creator.withIndexConfiguration(Map.of(
                            IndexSetting.vector_Dimensions(),
                            GraphSchema.VECTOR_DIMENSIONS,
                            IndexSetting.vector_Similarity_Function(),
                            "COSINE"));
                }
                creator.create();
            }
        }
    }

    /**
     * A driver for the store on {@code port} (loopback, the generated password). The user agent
     * names the client: the daemon counts only connections that are not its own as activity.
     */
    static org.neo4j.driver.Driver boltDriver(int port, String password, String agent) {
        return org.neo4j.driver.GraphDatabase.driver(
                "bolt://127.0.0.1:" + port,
                org.neo4j.driver.AuthTokens.basic(USER, password),
                org.neo4j.driver.Config.builder()
                        .withoutEncryption()
                        .withUserAgent(agent + "/" + EmbeddedStore.version())
                        .withLogging(org.neo4j.driver.Logging.slf4j())
                        .build());
    }

    int port() {
        return port;
    }

    /** Writes through this process's database, for the full runs the daemon makes (see {@link EmbeddedWrites}). */
    dev.graphmemory.indexer.write.DirectWrites.Factory directWrites() {
        return new dev.graphmemory.indexer.write.DirectWrites.Factory() {
            @Override
            public dev.graphmemory.indexer.write.DirectWrites open(String repo) {
                return new EmbeddedWrites(db, repo);
            }

            @Override
            public dev.graphmemory.queries.graph.RepoGraph.Local local(String repo) {
                return new EmbeddedWrites.Bookkeeping(db, repo);
            }
        };
    }

    /** The database's own id ({@code db.info()}), which tells this store from any other on a port. */
    String storeId() {
        return storeId;
    }

    /** Bolt connections open now whose client does not call itself {@code excludedAgent}. */
    long clientConnections(String excludedAgent) {
        return db.getDependencyResolver().resolveDependency(NetworkConnectionTracker.class).activeConnections().stream()
                .filter(c -> c.userAgent() == null || !c.userAgent().startsWith(excludedAgent))
                .count();
    }

    @Override
    public void close() {
        dbms.shutdown();
        pageCacheJobs.close();
    }

    private static DatabaseManagementService build(StoreFiles files, PageCache pageCache) {
        try {
            return new DatabaseManagementServiceBuilderImplementation(files.neo4jHome(), extension -> true)
                    .setExternalDependencies(Dependencies.dependenciesOf(pageCache))
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", 0))
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    .setConfig(GraphDatabaseSettings.keep_logical_logs, "1 files")
                    // At rest a daemon should cost no CPU: no pause monitor waking every second, and
                    // no page-cache profile written every minute for a warm-up a store this small
                    // does not need (it is read back in milliseconds).
                    .setConfig(GraphDatabaseInternalSettings.vm_pause_monitor_enabled, false)
                    .setConfig(GraphDatabaseSettings.pagecache_warmup_enabled, false)
                    // Bolt's workers idle for 30 s end (not 5 minutes, and none kept): the warm-up
                    // left 20 of them, each with the stack its deepest query had written.
                    .setConfig(BoltConnector.thread_pool_min_size, 1)
                    .setConfig(BoltConnector.thread_pool_keep_alive, Duration.ofSeconds(30))
                    .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                    .setConfig(
                            GraphDatabaseSettings.load_csv_file_url_root,
                            files.neo4jHome().resolve(NO_IMPORT))
                    .setConfig(GraphDatabaseInternalSettings.cypher_ip_blocklist, EVERY_ADDRESS)
                    .setConfig(GraphDatabaseSettings.procedure_allowlist, List.of())
                    // Bolt waits ~10 s at shutdown by default; stopping the daemon should be quick.
                    .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ZERO)
                    .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ZERO)
                    .build();
        } catch (RuntimeException e) {
            if (isLockFailure(e)) {
                throw new StoreException(
                        "the graph store " + files.neo4jHome() + " is locked by another process (a graph-memory"
                                + " daemon of another version, or a program using the folder); `graph-memory daemon"
                                + " stop` ends graph-memory's daemon",
                        e);
            }
            throw new StoreException(
                    "cannot start the embedded Neo4j in " + files.neo4jHome() + ": " + e.getMessage()
                            + " (its log is in " + files.neo4jHome().resolve("logs") + ")",
                    e);
        }
    }

    private static void setPasswordOnFirstStart(GraphDatabaseService system, String password) {
        boolean changeRequired = system.executeTransactionally(
                "SHOW USERS YIELD user, passwordChangeRequired WHERE user = $user RETURN passwordChangeRequired",
                Map.of("user", USER),
                r -> r.hasNext() && Boolean.TRUE.equals(r.next().get("passwordChangeRequired")));
        if (changeRequired) {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
        }
    }

    private static boolean isLockFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals("FileLockException")
                    || String.valueOf(t.getMessage()).contains("store_lock")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Neo4j's page cache, made here with the database's own factory and settings but without its
     * background evictor, and the scheduler its file jobs run on. The database takes it as an
     * external dependency (its global module resolves a page cache there before it makes one) and
     * closes it at shutdown; the scheduler is closed after that.
     *
     * <p>Why: the evictor parks for a fixed 10 ms between looks at the free list
     * ({@code MuninnPageCache.EVICTOR_PARK_TIMEOUT}, not a setting), 100 wake-ups a second for the
     * daemon's whole life: 0.52 of the 0.7-0.8 CPU-seconds a minute an idle daemon used. Without it a
     * thread that finds no free page evicts one itself (Neo4j's cooperative eviction), which is all
     * eviction there is when the store fits in the cache.
     */
    private static final class PageCacheJobs implements AutoCloseable {
        private final JobScheduler scheduler = JobSchedulerFactory.createInitialisedScheduler();

        PageCache pageCache(long bytes) {
            Config config = Config.newBuilder()
                    .set(GraphDatabaseSettings.pagecache_memory, bytes)
                    .build();
            return new ConfiguringPageCacheFactory(
                            new DefaultFileSystemAbstraction(),
                            config,
                            PageCacheTracer.NULL,
                            NullLog.getInstance(),
                            scheduler,
                            Clocks.nanoClock(),
                            new MemoryPools(),
                            MuninnPageCache.Configuration::disableEvictionThread)
                    .getOrCreatePageCache();
        }

        @Override
        public void close() {
            try {
                scheduler.shutdown();
            } catch (Exception e) {
                LOG.debug("page cache scheduler not shut down: {}", e.toString());
            }
        }
    }
}
