package dev.graphmemory.queries.workflow;

import dev.graphmemory.queries.find.ToolException;
import dev.graphmemory.queries.graph.RepoGraph;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Driver;

/**
 * Finds indexed work units and bugs that a proposed work unit may duplicate, with a confidence, a
 * verdict and the evidence for each.
 *
 * <p>Candidates come from Neo4j's full-text index (see {@link FulltextCandidates}), from its vector
 * index when embeddings are on ({@link VectorCandidates}), and from the items that expect to change
 * one of the proposal's files; {@link DuplicateScorer} re-ranks them in
 * Java against the repository's corpus ({@link WorkCorpusReader}). Scoped by repository key.
 */
public final class DuplicateFinder {
    /** Candidates returned when the caller does not say. */
    public static final int DEFAULT_LIMIT = 5;
    /** The most candidates returned. */
    public static final int MAX_LIMIT = 50;

    private final List<RepoGraph> graphs;
    private final List<WorkCorpusReader> readers;
    private final Embeddings embeddings;

    /** A finder with the embeddings {@link Embeddings#configured()} says (on unless switched off). */
    public DuplicateFinder(Driver driver, String repo) {
        this(driver, repo, List.of());
    }

    /**
     * A finder over the work of {@code repo} and, behind it, of {@code alsoFrom} (for a git
     * worktree: its main worktree's graph, so work done on main after the worktree branched is
     * found too; an item both graphs hold is taken from {@code repo}).
     */
    public DuplicateFinder(Driver driver, String repo, List<String> alsoFrom) {
        this(driver, repo, alsoFrom, Embeddings.configured().orElse(null));
    }

    /** A finder that uses {@code embeddings}, or lexical features alone when it is null. */
    public DuplicateFinder(Driver driver, String repo, Embeddings embeddings) {
        this(driver, repo, List.of(), embeddings);
    }

    private DuplicateFinder(Driver driver, String repo, List<String> alsoFrom, Embeddings embeddings) {
        List<String> repos = new ArrayList<>(List.of(repo));
        alsoFrom.stream().filter(r -> !repos.contains(r)).forEach(repos::add);
        this.graphs = repos.stream().map(r -> new RepoGraph(driver, r)).toList();
        this.readers = repos.stream().map(r -> new WorkCorpusReader(driver, r)).toList();
        this.embeddings = embeddings;
    }

    /** The corpus of every graph the finder reads, the first graph's item winning on an id both hold. */
    private WorkCorpus corpus() {
        if (readers.size() == 1) {
            return readers.get(0).read();
        }
        Map<String, WorkItem> items = new LinkedHashMap<>();
        for (WorkCorpusReader reader : readers) {
            reader.read().items().forEach(i -> items.putIfAbsent(i.id(), i));
        }
        return WorkCorpus.of(List.copyOf(items.values()));
    }

    /** The candidates a proposal may duplicate, best first, at most {@code limit} (null: the default). */
    public DuplicateReport find(ProposedWork proposal, Integer limit) {
        return find(proposal, null, limit);
    }

    /**
     * Like {@link #find(ProposedWork, Integer)}, for a proposal that may already be indexed (a work
     * unit file read from the repository): the item {@code selfId} names, if indexed, is left out.
     */
    public DuplicateReport find(ProposedWork proposal, String selfId, Integer limit) {
        WorkCorpus corpus = corpus();
        return find(proposal, selfId != null && corpus.item(selfId) != null ? selfId : null, corpus, limit(limit));
    }

    /**
     * The candidates an indexed work unit or bug may duplicate, itself excluded.
     *
     * @param id a node id ({@code workflow:work_unit:WU-123}) or a document id ({@code WU-123})
     */
    public DuplicateReport findFor(String id, Integer limit) {
        WorkCorpus corpus = corpus();
        WorkItem item = resolve(corpus, id);
        ProposedWork proposal =
                ProposedWork.clipped(item.title(), item.files(), item.tier(), item.text(), item.created());
        return find(proposal, item.id(), corpus, limit(limit));
    }

    private DuplicateReport find(ProposedWork proposal, String selfId, WorkCorpus corpus, int limit) {
        Set<String> candidates = new LinkedHashSet<>();
        for (RepoGraph graph : graphs) {
            candidates.addAll(new FulltextCandidates(graph)
                    .find(
                            proposal.title(),
                            proposal.text(),
                            corpus.weights(),
                            DuplicateThresholds.FULLTEXT_CANDIDATES));
        }
        if (embeddings != null) {
            float[] vector = embeddings.vector(Embeddings.text(proposal.title(), proposal.text()));
            for (RepoGraph graph : graphs) {
                candidates.addAll(new VectorCandidates(graph).find(vector, DuplicateThresholds.VECTOR_CANDIDATES));
            }
        }
        Set<String> files = Set.copyOf(proposal.files());
        corpus.items().stream()
                .filter(i -> i.files().stream().anyMatch(files::contains))
                .limit(DuplicateThresholds.FILE_CANDIDATES)
                .forEach(i -> candidates.add(i.id()));
        List<DuplicateCandidate> ranked = new DuplicateScorer(corpus, embeddings).rank(proposal, candidates, selfId);
        return new DuplicateReport(
                selfId,
                proposal.title(),
                proposal.files(),
                proposal.created(),
                withSpend(ranked.subList(0, Math.min(limit, ranked.size()))),
                ranked.size(),
                corpus.size(),
                (int) corpus.items().stream()
                        .filter(i -> !i.id().equals(selfId) && DuplicateScorer.filedAfter(i, proposal))
                        .count());
    }

    /**
     * The candidates, each with what agent sessions already spent on it (read from the first graph,
     * this repository's: sessions are indexed per worktree).
     */
    private List<DuplicateCandidate> withSpend(List<DuplicateCandidate> shown) {
        Map<String, SessionSpend> spend = SessionSpend.of(
                graphs.get(0), shown.stream().map(DuplicateCandidate::id).toList());
        if (spend.isEmpty()) {
            return shown;
        }
        return shown.stream()
                .map(c -> spend.containsKey(c.id())
                        ? new DuplicateCandidate(
                                c.id(),
                                c.type(),
                                c.title(),
                                c.confidence(),
                                c.verdict(),
                                c.evidence().withSpent(spend.get(c.id())))
                        : c)
                .toList();
    }

    private static WorkItem resolve(WorkCorpus corpus, String id) {
        if (id == null || id.isBlank()) {
            throw new ToolException(
                    "id is empty; give a work unit or bug id such as WU-123 or workflow:work_unit:WU-123");
        }
        String wanted = id.strip();
        WorkItem exact = corpus.item(wanted);
        if (exact != null) {
            return exact;
        }
        String key = wanted.contains(":") ? wanted.substring(wanted.lastIndexOf(':') + 1) : wanted;
        List<WorkItem> byKey = corpus.items().stream()
                .filter(i -> i.id().substring(i.id().lastIndexOf(':') + 1).equalsIgnoreCase(key))
                .toList();
        if (byKey.size() == 1) {
            return byKey.get(0);
        }
        String lower = key.toLowerCase(Locale.ROOT);
        List<String> near = corpus.items().stream()
                .map(WorkItem::id)
                .filter(i -> i.toLowerCase(Locale.ROOT).contains(lower))
                .limit(5)
                .toList();
        throw new ToolException("no work unit or bug with id '" + id + "'"
                + (byKey.size() > 1
                        ? "; several match, give the full node id: "
                                + byKey.stream().map(WorkItem::id).toList()
                        : near.isEmpty() ? "" : "; did you mean: " + String.join(", ", near))
                + ". List them with graph_find(schema='workflow', type='work_unit').");
    }

    private static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ToolException("limit must be 1.." + MAX_LIMIT + ", got " + limit);
        }
        return limit;
    }
}
