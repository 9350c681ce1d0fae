package dev.graphmemory.indexer;

import dev.graphmemory.indexer.build.BuildLayout;
import dev.graphmemory.indexer.build.BuildModules;
import dev.graphmemory.indexer.git.CommitCache;
import dev.graphmemory.indexer.git.CommitInfo;
import dev.graphmemory.indexer.git.CommitRows;
import dev.graphmemory.indexer.git.GitHistoryReader;
import dev.graphmemory.indexer.git.History;
import dev.graphmemory.indexer.incremental.FileCache;
import dev.graphmemory.indexer.incremental.GraphDiff;
import dev.graphmemory.indexer.incremental.Snapshot;
import dev.graphmemory.indexer.knowledge.DocEmbeddings;
import dev.graphmemory.indexer.knowledge.DocProperties;
import dev.graphmemory.indexer.knowledge.IdMentionMatcher;
import dev.graphmemory.indexer.knowledge.KnowledgeConfig;
import dev.graphmemory.indexer.knowledge.KnowledgeDoc;
import dev.graphmemory.indexer.knowledge.KnowledgeLinker;
import dev.graphmemory.indexer.knowledge.KnowledgeLinks;
import dev.graphmemory.indexer.knowledge.KnowledgeReader;
import dev.graphmemory.indexer.model.Copies;
import dev.graphmemory.indexer.model.EdgeRow;
import dev.graphmemory.indexer.model.FileResult;
import dev.graphmemory.indexer.model.LanguagePlugin;
import dev.graphmemory.indexer.model.NodeRow;
import dev.graphmemory.indexer.model.NodeUpdate;
import dev.graphmemory.indexer.sessions.BranchCommits;
import dev.graphmemory.indexer.sessions.SessionIndex;
import dev.graphmemory.indexer.sessions.SessionRows;
import dev.graphmemory.indexer.walk.FileContent;
import dev.graphmemory.indexer.walk.RepositoryWalker;
import dev.graphmemory.indexer.walk.SkippedFile;
import dev.graphmemory.indexer.walk.WalkedFile;
import dev.graphmemory.indexer.write.DirectWrites;
import dev.graphmemory.indexer.write.GraphWriter;
import dev.graphmemory.queries.graph.IndexState;
import dev.graphmemory.queries.graph.RepoGraph;
import dev.graphmemory.queries.workflow.Embeddings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.neo4j.driver.Driver;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.DatabaseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a repository into its graph: walks the working tree, parses sources with the language
 * plugins, reads knowledge documents and git history, and writes it all in batches.
 *
 * <p>Design notes: a run first hashes its inputs; when the digest equals the stored one and the
 * last run completed, nothing is written (a re-run on an unchanged repository is a no-op). Otherwise
 * the repository's subgraph is rebuilt: marked incomplete, cleared, written, marked complete, so a
 * run killed half-way is detected and redone by the next one. Parsing runs on several threads
 * while one thread writes; only each file's compact link facts stay in memory until linking.
 *
 * <p>With a cache directory ({@link IndexOptions#cacheDir()}) runs are incremental: every run
 * leaves each parsed file's rows and facts in a {@link FileCache} and a {@link Snapshot} of the
 * rows not owned by one file. The next run parses only files whose content hash has no cache
 * entry, links every file again from the cached facts (cross-file edges depend on the whole set of
 * files), re-reads documents and history, and writes only the {@link GraphDiff} between the two
 * snapshots. The graph then equals a full rebuild's, by construction of the same rows. A snapshot
 * the graph state does not vouch for (see {@link Snapshot}), a missing cache entry, or an
 * incomplete last run make the run a full rebuild.
 */
public final class Indexer {
    /**
     * Bumped when the graph's shape or what the plugins extract changes, so stores written by older
     * versions are rebuilt rather than kept as up to date (2: web entry points, package imports; 3:
     * knowledge dates stored as UTC instants, wiring by name).
     */
    public static final String GRAPH_VERSION = "3";
    /** Key of the working-tree signature in the index state (see {@code TreeSignature}). */
    public static final String TREE_SIGNATURE = "tree_signature";
    /** Key of the token of the cache snapshot the graph matches (see {@link Snapshot}). */
    public static final String CACHE_TOKEN = "cache_token";
    /** Bumped when the cache format changes, so older caches are ignored. */
    public static final String CACHE_VERSION = "3";

    private static final Logger LOG = LoggerFactory.getLogger(Indexer.class);

    /** The build modules of the tree this run indexes, read at its start. */
    private BuildLayout layout = BuildLayout.NONE;

    /** The agent session transcripts of this run, found at its start. */
    private SessionIndex sessions;

    private static final int EXAMPLES = 20;

    private final Driver driver;
    private final RepoGraph graph;
    private final Path root;
    private final IndexOptions options;
    private final List<LanguagePlugin> plugins;
    private final ProgressListener progress;
    private final DirectWrites.Factory direct;

    public Indexer(
            Driver driver,
            String repoKey,
            Path root,
            IndexOptions options,
            List<LanguagePlugin> plugins,
            ProgressListener progress) {
        this(driver, repoKey, root, options, plugins, progress, null);
    }

    /**
     * An indexer whose full runs create nodes and relationships through {@code direct} (the store
     * daemon's own database; null: Cypher over {@code driver}, like everything else).
     */
    public Indexer(
            Driver driver,
            String repoKey,
            Path root,
            IndexOptions options,
            List<LanguagePlugin> plugins,
            ProgressListener progress,
            DirectWrites.Factory direct) {
        this.direct = direct;
        this.driver = driver;
        this.graph = new RepoGraph(driver, repoKey, direct == null ? null : direct.local(repoKey));
        this.root = root.toAbsolutePath().normalize();
        this.options = options;
        this.plugins = List.copyOf(plugins);
        this.progress = progress;
    }

    /** Runs the index and returns its summary. */
    public IndexSummary run() {
        long start = System.nanoTime();
        Inputs inputs = Inputs.collect(
                root, plugins, new KnowledgeConfig(options.knowledgeGlobs())::accepts, options.maxFileBytes());
        layout = BuildLayout.of(BuildModules.read(root));
        sessions =
                new SessionIndex(root, options.sessions(), options.cacheDir() == null ? null : cacheFile("sessions-"));
        String head = headCommit();
        IndexState state = graph.state();
        Map<String, String> hashes = new TreeMap<>();
        String digest = null;
        if (!options.full() && state.complete()) {
            progress.phase("hashing", inputs.candidates().size());
            long t0 = System.nanoTime();
            hashes = inputs.hashAll(options.maxFileBytes(), progress);
            LOG.debug(
                    "walked at {} ms, hashed {} files in {} ms",
                    (t0 - start) / 1_000_000,
                    hashes.size(),
                    (System.nanoTime() - t0) / 1_000_000);
            digest = digest(head, hashes, inputs.notParsed());
            if (digest.equals(state.inputDigest())) {
                if (!inputs.treeSignature().equals(state.extra().get(TREE_SIGNATURE))) {
                    // Files were touched but their content is the same: remember the new signature
                    // so answers stop reporting the tree as moved.
                    Map<String, Object> extra = new HashMap<>(state.extra());
                    extra.put(TREE_SIGNATURE, inputs.treeSignature());
                    graph.saveState(new IndexState(
                            state.indexedCommit(), state.inputDigest(), true, state.lastRunJson(), extra));
                }
                int seen = inputs.candidates().size();
                RunCounters none = new RunCounters(inputs);
                none.unchanged = seen;
                return none.summary(
                        seen + inputs.walkSkipped().size(), options.maxCommits(), 0, 0, head, seconds(start));
            }
        }
        if (!options.full() && state.complete() && options.cacheDir() != null) {
            Snapshot old = trustedSnapshot(state);
            if (old != null) {
                try {
                    return incremental(inputs, head, state, old, hashes, start, Set.of());
                } catch (GraphDiff.MissingRows e) {
                    LOG.info("rebuilding in full: {}", e.getMessage());
                } catch (ClientException | DatabaseException e) {
                    // The change is written as one unit, so a row Neo4j refuses undoes all of it;
                    // the full run writes in batches and leaves only the refused rows out.
                    LOG.warn("rebuilding in full: Neo4j refused the incremental change: {}", e.getMessage());
                }
            }
        }
        graph.saveState(new IndexState(head, null, false, state.lastRunJson(), Map.of()));
        graph.clear();
        Snapshot snapshot = null;
        if (options.cacheDir() != null) {
            // A full run writes an entry for every file again: dropping the old ones bounds the cache.
            fileCache().clear();
            snapshot = Snapshot.collecting(newToken(), optionsKey());
        }
        RunCounters counters = new RunCounters(inputs);
        inputs.walkSkipped().forEach(counters::skip);
        counters.build(layout);
        long nodes;
        long rels;
        try (GraphWriter writer = new GraphWriter(driver, graph.repo(), options.batchSize())) {
            if (direct != null) {
                writer.direct(direct.open(graph.repo()));
            }
            writer.writeBehind();
            long t0 = System.nanoTime();
            // The history needs nothing the sources make: read on a thread of its own meanwhile
            // (on mypy 0.55 s that followed the sources' writes).
            java.util.function.Supplier<History> history = historyInBackground();
            Map<String, String> written = writeSources(inputs, writer, counters, snapshot);
            LOG.debug("sources parsed, written and linked in {} ms", (System.nanoTime() - t0) / 1_000_000);
            KnowledgeRows knowledge = readKnowledgeAndHistory(inputs, counters, written, counters.modulePaths, history);
            knowledge.write(writer);
            if (snapshot != null) {
                knowledge.addTo(snapshot);
            }
            LOG.debug(
                    "documents and history written at {} ms; {} ms of it waiting for Neo4j writes",
                    (System.nanoTime() - t0) / 1_000_000,
                    writer.writeMillis());
            hashes = new TreeMap<>(written);
            writer.flush();
            counters.rejected(writer.rejected());
            nodes = writer.nodesWritten();
            rels = writer.relationshipsWritten();
        }
        digest = digest(head, hashes, inputs.notParsed());
        Map<String, Object> extra =
                new HashMap<>(Map.of("graph_version", GRAPH_VERSION, TREE_SIGNATURE, inputs.treeSignature()));
        if (snapshot != null) {
            snapshot.write(snapshotFile());
            extra.put(CACHE_TOKEN, snapshot.token());
        }
        IndexSummary summary = counters.summary(
                inputs.candidates().size() + inputs.walkSkipped().size(),
                options.maxCommits(),
                nodes,
                rels,
                head,
                seconds(start));
        graph.saveState(new IndexState(head, digest, true, toJson(summary), extra));
        return summary;
    }

    /** Parses and writes every source file; returns path → hash of every file read. */
    private Map<String, String> writeSources(
            Inputs inputs, GraphWriter writer, RunCounters counters, Snapshot snapshot) {
        FileCache cache = snapshot == null ? null : fileCache();
        Map<String, Snapshot.Source> sources = new TreeMap<>();
        Map<String, String> hashes = new HashMap<>();
        Map<LanguagePlugin, List<FileResult>> facts = new LinkedHashMap<>();
        Set<String> modulePaths = new HashSet<>();
        CopyClaims claims = new CopyClaims();
        progress.phase("parsing", inputs.sources().size());
        try (ParallelParser parser = new ParallelParser(options.threads(), options.maxFileBytes())) {
            parser.parseAll(inputs.sources(), plugins, parsed -> {
                progress.advance(1);
                if (parsed.skipReason() != null) {
                    hashes.put(parsed.file().path(), "!" + parsed.skipReason());
                    counters.skip(new SkippedFile(parsed.file().path(), parsed.skipReason()));
                    return;
                }
                hashes.put(parsed.file().path(), parsed.hash());
                FileResult result = layout.annotate(parsed.result());
                counters.indexed(result);
                modulePaths.add(result.path());
                List<String> ids = nodeIds(result);
                if (claims.claim(result.path(), ids)) {
                    writer.add(result);
                } else {
                    claims.defer(result); // declares an id a file already written declares
                }
                if (cache != null) {
                    cache.putLater(parsed.hash(), result);
                    sources.put(result.path(), new Snapshot.Source(parsed.hash(), ids));
                }
                facts.computeIfAbsent(parsed.plugin(), p -> new ArrayList<>())
                        .add(new FileResult(
                                result.path(), List.of(), List.of(), result.facts(), result.parseOk(), null));
            });
        }
        writer.flush();
        Copies copies = claims.copies().withNearness(layout.nearness());
        if (!copies.isEmpty()) {
            writer.rename(claims.writtenRenames(copies));
            claims.deferred().forEach(r -> writer.add(copies.apply(r)));
            writer.flush();
            for (String path : copies.renamedPaths()) {
                Snapshot.Source plain = sources.get(path);
                if (plain != null) {
                    sources.put(
                            path,
                            new Snapshot.Source(plain.hash(), copies.ids(path, plain.nodeIds()), copies.renames(path)));
                }
            }
            counters.copies(copies);
        }
        LOG.debug(
                "parsed and wrote {} files' nodes; {} nodes so far",
                facts.values().stream().mapToInt(List::size).sum(),
                writer.nodesWritten());
        LOG.debug("writer waited {} ms for Neo4j so far", writer.writeMillis());
        progress.phase("linking", 0);
        Map<String, String> resources = inputs.readResources(options.maxFileBytes(), hashes);
        for (LanguagePlugin plugin : plugins) {
            List<FileResult> parsed = facts.getOrDefault(plugin, List.of());
            List<NodeUpdate> updates = new ArrayList<>();
            Map<String, String> own = new HashMap<>();
            resources.forEach((path, text) -> {
                if (plugin.wantsResource(path)) {
                    own.put(path, text);
                }
            });
            plugin.link(parsed, own, copies, modulePaths, out -> {
                if (out instanceof EdgeRow edge) {
                    writer.add(edge);
                } else if (out instanceof NodeUpdate update) {
                    updates.add(update);
                } else if (out instanceof NodeRow node) {
                    writer.add(node);
                }
                if (snapshot != null) {
                    snapshot.add(out);
                }
            });
            writer.update(updates);
        }
        writer.flush();
        List<NodeRow> buildNodes = layout.nodes(modulePaths);
        buildNodes.forEach(writer::add);
        writer.flush();
        List<EdgeRow> buildEdges = layout.edges(modulePaths);
        buildEdges.forEach(writer::add);
        writer.flush();
        if (snapshot != null) {
            snapshot.otherNodes().addAll(buildNodes);
            buildEdges.forEach(snapshot::add);
            snapshot.sources().putAll(sources);
        }
        if (cache != null) {
            cache.awaitWrites(); // before the snapshot that names the entries is written
        }
        counters.modulePaths = modulePaths;
        return hashes;
    }

    /** The git history within the run's bound, through the commit cache. */
    private History readHistory() {
        long h0 = System.nanoTime();
        History history;
        try {
            Path commitCache = options.cacheDir() == null ? null : cacheFile("commits-");
            Map<String, CommitInfo> seen = commitCache == null ? new HashMap<>() : CommitCache.read(commitCache);
            int cached = seen.size();
            history = new GitHistoryReader(root, options.maxCommits(), seen).read();
            // The reader adds the commits it read to `seen`: rewrite the cache when it read some,
            // or when the cache holds commits the history no longer has.
            if (commitCache != null
                    && (seen.size() > cached || cached > history.commits().size())) {
                CommitCache.write(commitCache, history.commits());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the git history of " + root + ": " + e.getMessage(), e);
        }
        LOG.debug("history: {} commits read in {} ms", history.commits().size(), (System.nanoTime() - h0) / 1_000_000);
        return history;
    }

    /**
     * The history read on a thread of its own while the caller links (it needs nothing linking
     * makes): a refresh of Spring spent 100-170 ms on it after linking. The supplier waits for it
     * and passes its failure on.
     */
    private java.util.function.Supplier<History> historyInBackground() {
        java.util.concurrent.FutureTask<History> task = new java.util.concurrent.FutureTask<>(this::readHistory);
        Thread thread = new Thread(task, "gm-history");
        thread.setDaemon(true);
        thread.start();
        return () -> {
            try {
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the git history of " + root, e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r
                        ? r
                        : new IllegalStateException("cannot read the git history of " + root, e.getCause());
            }
        };
    }

    /** Reads the knowledge documents and the git history, and links both to the code. */
    private KnowledgeRows readKnowledgeAndHistory(
            Inputs inputs,
            RunCounters counters,
            Map<String, String> hashes,
            Set<String> modules,
            java.util.function.Supplier<History> historyRead) {
        progress.phase("documents", inputs.documents().size());
        KnowledgeReader reader = new KnowledgeReader();
        Map<String, KnowledgeDoc> docs = new LinkedHashMap<>();
        for (WalkedFile f : inputs.documents()) {
            progress.advance(1);
            FileContent.Read read = Inputs.read(f.absolute(), options.maxFileBytes());
            hashes.put(f.path(), read.ok() ? read.hash() : "!" + read.skipReason());
            if (!read.ok()) {
                counters.skip(new SkippedFile(f.path(), read.skipReason()));
                continue;
            }
            reader.read(f.path(), read.text()).ifPresent(doc -> {
                KnowledgeDoc first = docs.putIfAbsent(doc.nodeId(), doc);
                if (first != null) {
                    counters.documentErrors++;
                    counters.unparsedExamples.add(new SkippedFile(
                            f.path(), "duplicate id " + doc.id() + " (already defined in " + first.path() + ")"));
                }
            });
        }
        List<NodeRow> nodes = new ArrayList<>(
                DocEmbeddings.configured(embeddingCacheFile()).nodes(List.copyOf(docs.values()), progress));
        for (KnowledgeDoc doc : docs.values()) {
            counters.documents++;
            if (!doc.parseOk()) {
                counters.documentErrors++;
                if (counters.unparsedExamples.size() < EXAMPLES) {
                    counters.unparsedExamples.add(new SkippedFile(doc.path(), doc.parseError()));
                }
            }
            for (String field : DocProperties.unreadableDates(doc.properties())) {
                counters.warn(
                        doc.path(),
                        field + " is not a date, kept as text (write e.g. 2026-03-01 or 2026-03-01T10:15:00Z)");
            }
        }
        List<KnowledgeDoc> all = List.copyOf(docs.values());
        IdMentionMatcher known = IdMentionMatcher.forDocs(all);
        KnowledgeLinks links = new KnowledgeLinker(modules::contains, inputs.allPaths()::contains).link(all, known);
        nodes.addAll(links.nodes());
        links.warnings().forEach(w -> LOG.debug("knowledge: {}", w));

        progress.phase("history", 0);
        LOG.debug("documents read and linked ({} documents)", docs.size());
        History history = historyRead.get();
        CommitRows rows = new CommitRows(modules::contains, known);
        List<NodeRow> commits = new ArrayList<>();
        List<EdgeRow> commitEdges = new ArrayList<>();
        history.commits().forEach(c -> commits.add(rows.node(c)));
        history.commits().forEach(c -> commitEdges.addAll(rows.edges(c)));
        counters.commits = history.commits().size();
        counters.historyTruncated = history.truncated();
        SessionRows.Rows sessionRows = readSessions(counters, known, history, modules);
        return new KnowledgeRows(nodes, links.edges(), commits, commitEdges, sessionRows.nodes(), sessionRows.edges());
    }

    /** Reads the agent sessions (only the transcripts that changed) and links them to the rest. */
    private SessionRows.Rows readSessions(
            RunCounters counters, IdMentionMatcher known, History history, Set<String> modules) {
        if (sessions == null || sessions.transcripts().isEmpty()) {
            return new SessionRows.Rows(List.of(), List.of());
        }
        progress.phase("sessions", 0);
        SessionIndex.Result read = sessions.read();
        read.problems().forEach(p -> counters.warn("sessions", p));
        LOG.debug(
                "sessions: {} kept ({} read, {} from the cache, {} of other folders)",
                read.sessions().size(),
                read.read(),
                read.fromCache(),
                read.elsewhere());
        return SessionRows.of(
                read.sessions(),
                modules::contains,
                known,
                history.commits(),
                new BranchCommits(root, Math.max(1, options.maxCommits())));
    }

    /**
     * The rows of the knowledge documents and the history. A full run writes them in this order
     * (document nodes, then document edges with the commit nodes, then commit edges); an
     * incremental run writes every node before any edge.
     */
    record KnowledgeRows(
            List<NodeRow> documentNodes,
            List<EdgeRow> documentEdges,
            List<NodeRow> commits,
            List<EdgeRow> commitEdges,
            List<NodeRow> sessionNodes,
            List<EdgeRow> sessionEdges) {
        void write(GraphWriter writer) {
            documentNodes.forEach(writer::add);
            writer.flush();
            documentEdges.forEach(writer::add);
            commits.forEach(writer::add);
            writer.flush();
            commitEdges.forEach(writer::add);
            if (!sessionNodes.isEmpty()) {
                // Sessions point at modules, commits, work units and their own commands: all written by now.
                sessionNodes.forEach(writer::add);
                writer.flush();
                sessionEdges.forEach(writer::add);
            }
        }

        void addTo(Snapshot snapshot) {
            snapshot.otherNodes().addAll(documentNodes);
            documentEdges.forEach(snapshot::add);
            snapshot.otherNodes().addAll(commits);
            commitEdges.forEach(snapshot::add);
            snapshot.otherNodes().addAll(sessionNodes);
            sessionEdges.forEach(snapshot::add);
        }
    }

    /**
     * Goes through a refresh in which one source file of each language is parsed again and its
     * nodes replaced, and writes nothing:
     * the graph's statements run in a transaction that is rolled back (see {@link
     * GraphDiff#rehearse}), and neither the graph's state nor the cache's snapshot is touched. What
     * a long-lived process keeps between runs is then loaded (the last snapshot, every file's cached
     * facts, the files' hashes by status), its code compiled and Neo4j's plans made, so that the next
     * real refresh is as fast as later ones: the store daemon does it when idle after it starts and
     * after a full rebuild. On Spring the first one-file refresh after a full index took 2.9 s in the
     * daemon and later ones 1.3 s. Does nothing when the graph has no complete, cached index.
     */
    public void rehearse() {
        long start = System.nanoTime();
        if (options.full() || options.cacheDir() == null) {
            return;
        }
        IndexState state = graph.state();
        if (!state.complete()) {
            return; // no graph yet, or a run that did not finish: the next run is a full one
        }
        layout = BuildLayout.of(BuildModules.read(root));
        Snapshot old = trustedSnapshot(state);
        if (old == null) {
            return;
        }
        Inputs inputs = Inputs.collect(
                root, plugins, new KnowledgeConfig(options.knowledgeGlobs())::accepts, options.maxFileBytes());
        sessions =
                new SessionIndex(root, options.sessions(), options.cacheDir() == null ? null : cacheFile("sessions-"));
        Map<String, String> hashes = inputs.hashAll(options.maxFileBytes(), ProgressListener.NONE);
        // One unchanged source file per language, the first by path: its rows come from the cache.
        Map<LanguagePlugin, String> one = new LinkedHashMap<>();
        for (WalkedFile f : inputs.sources()) {
            Snapshot.Source before = old.sources().get(f.path());
            if (before != null && before.hash().equals(hashes.get(f.path()))) {
                plugins.stream()
                        .filter(p -> p.accepts(f.path()))
                        .findFirst()
                        .ifPresent(p -> one.merge(p, f.path(), (a, b) -> a.compareTo(b) <= 0 ? a : b));
            }
        }
        if (one.isEmpty()) {
            return;
        }
        incremental(inputs, headCommit(), state, old, hashes, start, new TreeSet<>(one.values()));
    }

    /**
     * Brings the graph from what {@code old} describes to the current tree, writing only the
     * difference. Throws {@link GraphDiff.MissingRows} before writing anything when the cache lacks
     * what the difference needs.
     */
    private IndexSummary incremental(
            Inputs inputs,
            String head,
            IndexState state,
            Snapshot old,
            Map<String, String> hashes,
            long start,
            Set<String> rehearsed) {
        long t0 = System.nanoTime();
        RunCounters counters = new RunCounters(inputs);
        inputs.walkSkipped().forEach(counters::skip);
        counters.build(layout);
        FileCache cache = fileCache();
        Snapshot now = Snapshot.collecting(newToken(), optionsKey());
        Map<String, String> written = new TreeMap<>(hashes);

        // Facts of every source file: from the cache when its content was seen before, else parsed.
        Map<String, FileCache.Facts> cached = new ConcurrentHashMap<>();
        inputs.sources().parallelStream().forEach(f -> {
            String hash = hashes.get(f.path());
            if (hash != null && !hash.startsWith("!")) {
                cache.facts(f.path(), hash).ifPresent(facts -> cached.put(f.path(), facts));
            }
        });
        List<WalkedFile> toParse = new ArrayList<>();
        for (WalkedFile f : inputs.sources()) {
            String hash = hashes.get(f.path());
            if (hash == null
                    || !hash.startsWith("!") && !cached.containsKey(f.path())
                    || rehearsed.contains(f.path())) {
                toParse.add(f);
            }
        }
        LOG.debug(
                "incremental: {} of {} sources' facts from the cache in {} ms, {} to parse",
                cached.size(),
                inputs.sources().size(),
                (System.nanoTime() - t0) / 1_000_000,
                toParse.size());
        Map<String, FileResult> parsedNow = new HashMap<>();
        Map<String, String> parsedHash = new HashMap<>();
        Map<String, LanguagePlugin> pluginOf = new HashMap<>();
        progress.phase("parsing", toParse.size());
        try (ParallelParser parser = new ParallelParser(options.threads(), options.maxFileBytes())) {
            parser.parseAll(toParse, plugins, parsed -> {
                progress.advance(1);
                String path = parsed.file().path();
                if (parsed.skipReason() != null) {
                    written.put(path, "!" + parsed.skipReason());
                    return;
                }
                written.put(path, parsed.hash());
                FileResult annotated = layout.annotate(parsed.result());
                cache.put(parsed.hash(), annotated);
                parsedNow.put(path, annotated);
                parsedHash.put(path, parsed.hash());
                pluginOf.put(path, parsed.plugin());
            });
        }
        Map<LanguagePlugin, List<FileResult>> facts = new LinkedHashMap<>();
        plugins.forEach(p -> facts.put(p, new ArrayList<>()));
        Set<String> changed = new HashSet<>();
        Map<String, FileResult> rowsNow = new HashMap<>();
        List<WalkedFile> sorted = new ArrayList<>(inputs.sources());
        sorted.sort(java.util.Comparator.comparing(WalkedFile::path));
        for (WalkedFile f : sorted) {
            String path = f.path();
            String hash = written.get(path);
            if (hash.startsWith("!")) {
                counters.skip(new SkippedFile(path, hash.substring(1)));
                continue;
            }
            FileResult result = parsedNow.get(path);
            LanguagePlugin plugin = pluginOf.get(path);
            if (result == null) {
                result = cached.get(path).asResult();
                plugin = plugins.stream()
                        .filter(p -> p.accepts(path))
                        .findFirst()
                        .orElseThrow();
            }
            Snapshot.Source before = old.sources().get(path);
            List<String> ids;
            if (before != null && before.hash().equals(hash) && !rehearsed.contains(path)) {
                ids = before.plainIds();
                counters.unchanged++;
            } else {
                changed.add(path);
                FileResult rows = parsedNow.containsKey(path)
                        ? result
                        : cache.result(path, hash).orElseThrow(() -> new GraphDiff.MissingRows(path));
                rowsNow.put(path, rows);
                ids = nodeIds(rows);
                counters.indexed(rows);
            }
            if (!result.parseOk() && !changed.contains(path)) {
                counters.unparsed++;
            }
            now.sources().put(path, new Snapshot.Source(hash, ids));
            facts.get(plugin).add(new FileResult(path, List.of(), List.of(), result.facts(), result.parseOk(), null));
        }
        Copies copies = copies(now, old, changed, rowsNow, cache).withNearness(layout.nearness());
        int removed = 0;
        for (String path : old.sources().keySet()) {
            if (!now.sources().containsKey(path)) {
                changed.add(path);
                removed++;
            }
        }
        LOG.debug(
                "incremental: {} files parsed, {} changed, {} removed at {} ms",
                parsedNow.size(),
                changed.size() - removed,
                removed,
                (System.nanoTime() - t0) / 1_000_000);

        progress.phase("linking", 0);
        java.util.function.Supplier<History> history = historyInBackground();
        Map<String, String> resources = inputs.readResources(options.maxFileBytes(), written);
        LOG.debug("incremental: {} resources read at {} ms", resources.size(), (System.nanoTime() - t0) / 1_000_000);
        for (LanguagePlugin plugin : plugins) {
            Map<String, String> own = new HashMap<>();
            resources.forEach((path, text) -> {
                if (plugin.wantsResource(path)) {
                    own.put(path, text);
                }
            });
            plugin.link(facts.get(plugin), own, copies, now.sources().keySet(), now::add);
        }
        now.otherNodes().addAll(layout.nodes(now.sources().keySet()));
        layout.edges(now.sources().keySet()).forEach(now::add);
        LOG.debug("incremental: linked at {} ms", (System.nanoTime() - t0) / 1_000_000);
        KnowledgeRows knowledge =
                readKnowledgeAndHistory(inputs, counters, written, now.sources().keySet(), history);
        knowledge.addTo(now);
        LOG.debug("incremental: documents and history read at {} ms", (System.nanoTime() - t0) / 1_000_000);

        GraphDiff diff = GraphDiff.plan(
                graph.repo(),
                old,
                now,
                changed,
                // A rehearsed file's old rows are not looked up: every node of it is replaced.
                (path, hash) -> rehearsed.contains(path)
                        ? null
                        : cache.result(path, hash)
                                .map(r ->
                                        Copies.rename(r, old.sources().get(path).renamed()))
                                .orElse(null),
                (path, hash) -> {
                    FileResult rows = rowsNow.get(path);
                    if (rows != null && hash.equals(now.sources().get(path).hash())) {
                        return rows;
                    }
                    return cache.result(path, hash).map(copies::apply).orElse(null);
                });
        LOG.debug(
                "incremental: planned at {} ms: {} node ids replaced, {} edges to create, {} to delete",
                (System.nanoTime() - t0) / 1_000_000,
                diff.replacedNodes(),
                diff.edgesToCreate(),
                diff.edgesToDelete());

        if (!rehearsed.isEmpty()) {
            diff.rehearse(driver, graph.repo());
            LOG.debug(
                    "rehearsal: {} refreshed and rolled back at {} ms",
                    rehearsed,
                    (System.nanoTime() - t0) / 1_000_000);
            return null;
        }
        // From here on the graph changes: a run killed before the end leaves complete=false, and the
        // next run rebuilds in full.
        graph.saveState(new IndexState(head, null, false, state.lastRunJson(), Map.of()));
        long nodes;
        long rels;
        GraphDiff.Written applied = diff.apply(driver, graph.repo(), options.batchSize());
        nodes = applied.nodes();
        rels = applied.relationships();
        LOG.debug("incremental: written at {} ms", (System.nanoTime() - t0) / 1_000_000);
        now.store(snapshotFile());
        IndexSummary summary = counters.summary(
                inputs.candidates().size() + inputs.walkSkipped().size(),
                options.maxCommits(),
                nodes,
                rels,
                head,
                seconds(start),
                true,
                parsedNow.size(),
                removed);
        graph.saveState(new IndexState(
                head,
                digest(head, written, inputs.notParsed()),
                true,
                toJson(summary),
                Map.of(
                        "graph_version",
                        GRAPH_VERSION,
                        TREE_SIGNATURE,
                        inputs.treeSignature(),
                        CACHE_TOKEN,
                        now.token())));
        LOG.debug("incremental: done at {} ms", (System.nanoTime() - t0) / 1_000_000);
        return summary;
    }

    /**
     * Gives the copies of repeated ids their own ids (see {@link Copies}) in an incremental run:
     * {@code now}'s sources hold every file's plain ids on entry and the ids as written on return;
     * {@code rowsNow} (the rows of changed files) is renamed in place. A file left unchanged whose
     * copies changed (another copy of one of its names came or went) counts as changed, with its
     * rows from the cache, so its nodes are written again under their new ids.
     */
    private static Copies copies(
            Snapshot now, Snapshot old, Set<String> changed, Map<String, FileResult> rowsNow, FileCache cache) {
        Map<String, List<String>> plain = new HashMap<>();
        now.sources().forEach((path, source) -> plain.put(path, source.nodeIds()));
        Copies copies = Copies.ofFiles(plain);
        for (Map.Entry<String, Snapshot.Source> e : now.sources().entrySet()) {
            String path = e.getKey();
            Snapshot.Source source = e.getValue();
            Snapshot.Source before = old.sources().get(path);
            if (!changed.contains(path) && before != null && !before.renamed().equals(copies.renames(path))) {
                changed.add(path);
                rowsNow.put(path, cache.result(path, source.hash()).orElseThrow(() -> new GraphDiff.MissingRows(path)));
            }
            if (changed.contains(path) && rowsNow.containsKey(path)) {
                rowsNow.put(path, copies.apply(rowsNow.get(path)));
            }
            e.setValue(new Snapshot.Source(source.hash(), copies.ids(path, source.nodeIds()), copies.renames(path)));
        }
        return copies;
    }

    /** The snapshot of the last run, when the graph state names it and the options still match. */
    private Snapshot trustedSnapshot(IndexState state) {
        Object token = state.extra().get(CACHE_TOKEN);
        if (token == null || !GRAPH_VERSION.equals(state.extra().get("graph_version"))) {
            return null;
        }
        long t0 = System.nanoTime();
        Snapshot snapshot = Snapshot.read(snapshotFile(), token.toString()).orElse(null);
        LOG.debug("incremental: snapshot read in {} ms", (System.nanoTime() - t0) / 1_000_000);
        if (snapshot == null || !token.equals(snapshot.token()) || !optionsKey().equals(snapshot.optionsKey())) {
            LOG.info("rebuilding in full: the index cache in {} does not match the graph", options.cacheDir());
            return null;
        }
        return snapshot;
    }

    private FileCache fileCache() {
        return new FileCache(options.cacheDir().resolve("v" + CACHE_VERSION).resolve("files"));
    }

    /** One snapshot per repository key: several keys may index the same tree into one store. */
    private Path snapshotFile() {
        return cacheFile("snapshot-");
    }

    /** A file of this repository key in the cache directory. */
    private Path cacheFile(String prefix) {
        String name = FileContent.gitBlobId(graph.repo().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return options.cacheDir().resolve("v" + CACHE_VERSION).resolve(prefix + name + ".bin");
    }

    /** The vectors of this repository key's work units and bugs (see {@link DocEmbeddings}), or null. */
    private Path embeddingCacheFile() {
        return options.cacheDir() == null ? null : cacheFile("embeddings-");
    }

    /** What, besides the files, shapes the graph: a snapshot taken under other options is not reused. */
    private String optionsKey() {
        // Another build layout may put every file in another build module: a full run, not a diff.
        return GRAPH_VERSION + " " + layout.digest() + " " + options.maxFileBytes() + " " + options.maxCommits() + " "
                + options.knowledgeGlobs() + " "
                + plugins.stream().map(LanguagePlugin::language).toList();
    }

    private static String newToken() {
        return UUID.randomUUID().toString();
    }

    private static List<String> nodeIds(FileResult result) {
        return result.nodes().stream().map(NodeRow::id).toList();
    }

    private String headCommit() {
        try (Repository repo = RepositoryWalker.open(root)) {
            ObjectId head = repo.resolve("HEAD");
            return head == null ? null : head.name();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The digest of a run's inputs: equal digests mean the run would write nothing new. The counts of
     * files not parsed are part of it, so a Kotlin file added or deleted without a commit makes a
     * run that records the new counts rather than a no-op that keeps the old ones.
     */
    private String digest(String head, Map<String, String> hashes, Map<String, Integer> notParsed) {
        StringBuilder sb =
                new StringBuilder("graph-memory ").append(GRAPH_VERSION).append('\n');
        sb.append("head ").append(head).append('\n');
        sb.append("build ").append(layout.digest()).append('\n');
        sb.append("options ")
                .append(options.maxFileBytes())
                .append(' ')
                .append(options.maxCommits())
                .append(' ')
                .append(options.knowledgeGlobs())
                .append('\n');
        // Switching embeddings on or off, or another model, changes what documents' nodes hold: a
        // run must not be skipped as "unchanged" (a graph indexed without vectors gets them).
        sb.append("embeddings ")
                .append(Embeddings.switchedOff() ? "off" : Embeddings.MODEL)
                .append('\n');
        new TreeMap<>(notParsed).forEach((language, n) -> sb.append("not parsed ")
                .append(language)
                .append(' ')
                .append(n)
                .append('\n'));
        new TreeMap<>(hashes)
                .forEach((p, h) -> sb.append(p).append(' ').append(h).append('\n'));
        // Empty without transcripts: a repository with no sessions keeps the digest it had.
        sb.append(sessions == null ? "" : sessions.fingerprint());
        return FileContent.gitBlobId(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String toJson(IndexSummary summary) {
        return JsonMapper.builder().build().writeValueAsString(summary);
    }

    private static double seconds(long startNanos) {
        return Math.round((System.nanoTime() - startNanos) / 1e8) / 10.0;
    }

    /** Mutable tallies of one run. */
    static final class RunCounters {
        final Map<String, Integer> notParsed;
        int indexed;
        int unchanged;
        int unparsed;
        final Map<String, Integer> skipped = new TreeMap<>();
        final List<SkippedFile> skippedExamples = new ArrayList<>();
        final List<SkippedFile> unparsedExamples = new ArrayList<>();
        int documents;
        int documentErrors;
        int commits;
        boolean historyTruncated;
        Set<String> modulePaths = Set.of();
        int warnings;
        final List<SkippedFile> warningExamples = new ArrayList<>();

        RunCounters(Inputs inputs) {
            this.notParsed = inputs.notParsed();
        }

        void warn(String input, String reason) {
            warnings++;
            if (warningExamples.size() < EXAMPLES) {
                warningExamples.add(new SkippedFile(input, reason));
            }
            LOG.debug("{}: {}", input, reason);
        }

        /** One warning per file whose declarations another file repeats under the same name. */
        void copies(Copies copies) {
            new TreeSet<>(copies.renamedPaths())
                    .forEach(path -> warn(
                            path,
                            "declares " + copies.renames(path).size()
                                    + " name(s) declared elsewhere too, kept as copies: "
                                    + copies.renames(path).values().stream()
                                            .sorted()
                                            .findFirst()
                                            .orElse("")));
        }

        /** One warning per build file that could not be read. */
        void build(BuildLayout layout) {
            for (String w : layout.warnings()) {
                int colon = w.indexOf(": ");
                warn(colon > 0 ? w.substring(0, colon) : "build files", colon > 0 ? w.substring(colon + 2) : w);
            }
        }

        void rejected(List<GraphWriter.RejectedRow> rows) {
            rows.forEach(r -> warn(r.row(), "not stored: " + r.reason()));
        }

        void skip(SkippedFile file) {
            String reason = file.reason().replaceAll(" \\(.*", "");
            skipped.merge(reason, 1, Integer::sum);
            if (skippedExamples.size() < EXAMPLES) {
                skippedExamples.add(file);
            }
        }

        void indexed(FileResult result) {
            indexed++;
            if (!result.parseOk()) {
                unparsed++;
                if (unparsedExamples.size() < EXAMPLES) {
                    unparsedExamples.add(new SkippedFile(result.path(), String.valueOf(result.problem())));
                }
                LOG.debug("{} did not parse cleanly: {}", result.path(), result.problem());
            }
        }

        IndexSummary summary(int seen, int maxCommits, long nodes, long rels, String head, double seconds) {
            return summary(seen, maxCommits, nodes, rels, head, seconds, false, indexed, 0);
        }

        IndexSummary summary(
                int seen,
                int maxCommits,
                long nodes,
                long rels,
                String head,
                double seconds,
                boolean incremental,
                int reparsed,
                int removed) {
            return new IndexSummary(
                    seen,
                    indexed,
                    unchanged,
                    unparsed,
                    skipped,
                    skippedExamples,
                    unparsedExamples,
                    notParsed,
                    documents,
                    documentErrors,
                    commits,
                    historyTruncated,
                    maxCommits,
                    nodes,
                    rels,
                    head,
                    seconds,
                    incremental,
                    reparsed,
                    removed,
                    warnings,
                    warningExamples);
        }
    }
}
