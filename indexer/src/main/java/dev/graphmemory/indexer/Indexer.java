package dev.graphmemory.indexer;

import dev.graphmemory.indexer.git.CommitRows;
import dev.graphmemory.indexer.git.GitHistoryReader;
import dev.graphmemory.indexer.git.History;
import dev.graphmemory.indexer.knowledge.IdMentionMatcher;
import dev.graphmemory.indexer.knowledge.KnowledgeConfig;
import dev.graphmemory.indexer.knowledge.KnowledgeDoc;
import dev.graphmemory.indexer.knowledge.KnowledgeLinker;
import dev.graphmemory.indexer.knowledge.KnowledgeLinks;
import dev.graphmemory.indexer.knowledge.KnowledgeReader;
import dev.graphmemory.indexer.model.EdgeRow;
import dev.graphmemory.indexer.model.FileResult;
import dev.graphmemory.indexer.model.LanguagePlugin;
import dev.graphmemory.indexer.model.NodeRow;
import dev.graphmemory.indexer.model.NodeUpdate;
import dev.graphmemory.indexer.walk.FileContent;
import dev.graphmemory.indexer.walk.RepositoryWalker;
import dev.graphmemory.indexer.walk.SkippedFile;
import dev.graphmemory.indexer.walk.WalkedFile;
import dev.graphmemory.indexer.write.GraphWriter;
import dev.graphmemory.queries.graph.IndexState;
import dev.graphmemory.queries.graph.RepoGraph;
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
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.neo4j.driver.Driver;
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
 */
public final class Indexer {
    /** Bumped when the graph's shape changes, so stores written by older versions are rebuilt. */
    public static final String GRAPH_VERSION = "1";
    /** Key of the working-tree signature in the index state (see {@code TreeSignature}). */
    public static final String TREE_SIGNATURE = "tree_signature";

    private static final Logger LOG = LoggerFactory.getLogger(Indexer.class);
    private static final int EXAMPLES = 20;

    private final Driver driver;
    private final RepoGraph graph;
    private final Path root;
    private final IndexOptions options;
    private final List<LanguagePlugin> plugins;
    private final ProgressListener progress;

    public Indexer(
            Driver driver,
            String repoKey,
            Path root,
            IndexOptions options,
            List<LanguagePlugin> plugins,
            ProgressListener progress) {
        this.driver = driver;
        this.graph = new RepoGraph(driver, repoKey);
        this.root = root.toAbsolutePath().normalize();
        this.options = options;
        this.plugins = List.copyOf(plugins);
        this.progress = progress;
    }

    /** Runs the index and returns its summary. */
    public IndexSummary run() {
        long start = System.nanoTime();
        Inputs inputs = Inputs.collect(root, plugins, new KnowledgeConfig(options.knowledgeGlobs())::accepts);
        String head = headCommit();
        IndexState state = graph.state();
        Map<String, String> hashes = new TreeMap<>();
        String digest = null;
        if (!options.full() && state.complete()) {
            progress.phase("hashing", inputs.candidates().size());
            hashes = inputs.hashAll(options.maxFileBytes(), progress);
            digest = digest(head, hashes);
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
                return new IndexSummary(
                        seen + inputs.walkSkipped().size(),
                        0,
                        seen,
                        0,
                        Map.of(),
                        List.of(),
                        List.of(),
                        0,
                        0,
                        0,
                        false,
                        options.maxCommits(),
                        0,
                        0,
                        head,
                        seconds(start));
            }
        }
        graph.saveState(new IndexState(head, null, false, state.lastRunJson(), Map.of()));
        graph.clear();
        RunCounters counters = new RunCounters();
        inputs.walkSkipped().forEach(counters::skip);
        long nodes;
        long rels;
        try (GraphWriter writer = new GraphWriter(driver, graph.repo(), options.batchSize())) {
            long t0 = System.nanoTime();
            Map<String, String> written = writeSources(inputs, writer, counters);
            LOG.debug("sources parsed, written and linked in {} ms", (System.nanoTime() - t0) / 1_000_000);
            writeKnowledgeAndHistory(inputs, writer, counters, written);
            LOG.debug(
                    "documents and history written at {} ms; {} ms of it waiting for Neo4j writes",
                    (System.nanoTime() - t0) / 1_000_000,
                    writer.writeMillis());
            hashes = new TreeMap<>(written);
            writer.flush();
            nodes = writer.nodesWritten();
            rels = writer.relationshipsWritten();
        }
        digest = digest(head, hashes);
        IndexSummary summary = counters.summary(
                inputs.candidates().size() + inputs.walkSkipped().size(),
                options.maxCommits(),
                nodes,
                rels,
                head,
                seconds(start));
        graph.saveState(new IndexState(
                head,
                digest,
                true,
                toJson(summary),
                Map.of("graph_version", GRAPH_VERSION, TREE_SIGNATURE, inputs.treeSignature())));
        return summary;
    }

    /** Parses and writes every source file; returns path → hash of every file read. */
    private Map<String, String> writeSources(Inputs inputs, GraphWriter writer, RunCounters counters) {
        Map<String, String> hashes = new HashMap<>();
        Map<LanguagePlugin, List<FileResult>> facts = new LinkedHashMap<>();
        Set<String> modulePaths = new HashSet<>();
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
                FileResult result = parsed.result();
                counters.indexed(result);
                modulePaths.add(result.path());
                writer.add(result);
                facts.computeIfAbsent(parsed.plugin(), p -> new ArrayList<>())
                        .add(new FileResult(
                                result.path(), List.of(), List.of(), result.facts(), result.parseOk(), null));
            });
        }
        writer.flush();
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
            plugin.link(parsed, own, out -> {
                if (out instanceof EdgeRow edge) {
                    writer.add(edge);
                } else if (out instanceof NodeUpdate update) {
                    updates.add(update);
                } else if (out instanceof NodeRow node) {
                    writer.add(node);
                }
            });
            writer.update(updates);
        }
        writer.flush();
        counters.modulePaths = modulePaths;
        return hashes;
    }

    /** Reads the knowledge documents and the git history, and links both to the code. */
    private void writeKnowledgeAndHistory(
            Inputs inputs, GraphWriter writer, RunCounters counters, Map<String, String> hashes) {
        progress.phase("documents", inputs.documents().size());
        KnowledgeReader reader = new KnowledgeReader();
        Map<String, KnowledgeDoc> docs = new LinkedHashMap<>();
        for (WalkedFile f : inputs.documents()) {
            progress.advance(1);
            FileContent.Read read = FileContent.read(f.absolute(), options.maxFileBytes());
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
        for (KnowledgeDoc doc : docs.values()) {
            writer.add(doc.node());
            counters.documents++;
            if (!doc.parseOk()) {
                counters.documentErrors++;
                if (counters.unparsedExamples.size() < EXAMPLES) {
                    counters.unparsedExamples.add(new SkippedFile(doc.path(), doc.parseError()));
                }
            }
        }
        List<KnowledgeDoc> all = List.copyOf(docs.values());
        IdMentionMatcher known = IdMentionMatcher.forDocs(all);
        Set<String> modules = counters.modulePaths;
        KnowledgeLinks links = new KnowledgeLinker(modules::contains, inputs.allPaths()::contains).link(all, known);
        links.nodes().forEach(writer::add);
        links.warnings().forEach(w -> LOG.debug("knowledge: {}", w));
        writer.flush();
        links.edges().forEach(writer::add);

        progress.phase("history", 0);
        History history;
        try {
            history = new GitHistoryReader(root, options.maxCommits()).read();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the git history of " + root + ": " + e.getMessage(), e);
        }
        CommitRows rows = new CommitRows(modules::contains, known);
        history.commits().forEach(c -> writer.add(rows.node(c)));
        writer.flush();
        history.commits().forEach(c -> rows.edges(c).forEach(writer::add));
        counters.commits = history.commits().size();
        counters.historyTruncated = history.truncated();
    }

    private String headCommit() {
        try (Repository repo = RepositoryWalker.open(root)) {
            ObjectId head = repo.resolve("HEAD");
            return head == null ? null : head.name();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String digest(String head, Map<String, String> hashes) {
        StringBuilder sb =
                new StringBuilder("graph-memory ").append(GRAPH_VERSION).append('\n');
        sb.append("head ").append(head).append('\n');
        sb.append("options ")
                .append(options.maxFileBytes())
                .append(' ')
                .append(options.maxCommits())
                .append(' ')
                .append(options.knowledgeGlobs())
                .append('\n');
        new TreeMap<>(hashes)
                .forEach((p, h) -> sb.append(p).append(' ').append(h).append('\n'));
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
        int indexed;
        int unparsed;
        final Map<String, Integer> skipped = new TreeMap<>();
        final List<SkippedFile> skippedExamples = new ArrayList<>();
        final List<SkippedFile> unparsedExamples = new ArrayList<>();
        int documents;
        int documentErrors;
        int commits;
        boolean historyTruncated;
        Set<String> modulePaths = Set.of();

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
            return new IndexSummary(
                    seen,
                    indexed,
                    0,
                    unparsed,
                    skipped,
                    skippedExamples,
                    unparsedExamples,
                    documents,
                    documentErrors,
                    commits,
                    historyTruncated,
                    maxCommits,
                    nodes,
                    rels,
                    head,
                    seconds);
        }
    }
}
