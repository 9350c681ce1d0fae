package dev.graphmemory.queries.workflow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores candidates against one proposal: text cosine (relative to the best candidate's), title
 * coverage both ways, margin over the next-best candidate, file overlap, when {@link Embeddings} are given the embedding cosine (from
 * the candidate's stored vector, else for the textually nearest only), and when both were dated how long before the proposal the candidate
 * was filed, combined into a confidence by {@link DuplicateThresholds}. Work filed after a dated
 * proposal is left out ({@link #filedAfter}). No I/O, so it is tested without a database.
 */
public final class DuplicateScorer {
    private final WorkCorpus corpus;
    private final Embeddings embeddings;

    /** A lexical scorer. */
    public DuplicateScorer(WorkCorpus corpus) {
        this(corpus, null);
    }

    /** A scorer that adds the embedding cosine when {@code embeddings} is not null. */
    public DuplicateScorer(WorkCorpus corpus, Embeddings embeddings) {
        this.corpus = corpus;
        this.embeddings = embeddings;
    }

    /**
     * Ranks candidates, best first.
     *
     * @param proposal what is proposed
     * @param candidateIds ids of corpus items to score (unknown ids are skipped)
     * @param excludeId an id never to return (the proposal itself when it is indexed), or null
     */
    public List<DuplicateCandidate> rank(ProposedWork proposal, Collection<String> candidateIds, String excludeId) {
        Map<String, String> surfaces = new LinkedHashMap<>();
        List<String> titleTerms = WorkTerms.of(proposal.title(), surfaces);
        List<String> bodyTerms = WorkTerms.of(proposal.text(), surfaces);
        TermVector query = corpus.vectorOf(titleTerms, bodyTerms);
        Set<String> queryFiles = new HashSet<>(proposal.files());

        record Scored(WorkItem item, double text, double files, List<String> shared) {}
        List<Scored> scored = new ArrayList<>();
        for (String id : new LinkedHashSet<>(candidateIds)) {
            WorkItem item = corpus.item(id);
            if (item == null || id.equals(excludeId) || filedAfter(item, proposal)) {
                continue;
            }
            List<String> shared =
                    item.files().stream().filter(queryFiles::contains).toList();
            double f = shared.isEmpty()
                    ? 0
                    : (double) shared.size()
                            / Math.min(queryFiles.size(), item.files().size());
            scored.add(new Scored(item, query.cosine(corpus.vector(id)), f, shared));
        }
        double best = 0;
        double second = 0;
        for (Scored s : scored) {
            if (s.text() > best) {
                second = best;
                best = s.text();
            } else if (s.text() > second) {
                second = s.text();
            }
        }
        Map<String, Double> semantic = semantic(
                proposal,
                scored.stream()
                        .sorted(Comparator.comparingDouble((Scored s) -> -s.text()))
                        .map(Scored::item)
                        .toList());
        double bestE = 0;
        double secondE = 0;
        for (double e : semantic.values()) {
            if (e > bestE) {
                secondE = bestE;
                bestE = e;
            } else if (e > secondE) {
                secondE = e;
            }
        }
        double coverageTotal = total(titleTerms);
        boolean on = embeddings != null;
        List<DuplicateCandidate> out = new ArrayList<>();
        for (Scored s : scored) {
            double gap = s.text() - (s.text() >= best ? second : best);
            double coverage = coverage(titleTerms, corpus.vector(s.item().id()), coverageTotal);
            List<String> candidateTitle = corpus.titleTerms(s.item().id());
            double reverse = coverage(candidateTitle, query, total(candidateTitle));
            Double e = semantic.get(s.item().id());
            double cosine = e == null ? 0 : e;
            DuplicateThresholds.Features x = new DuplicateThresholds.Features(
                    best > 0 ? s.text() / best : 0,
                    coverage,
                    reverse,
                    gap,
                    cosine,
                    cosine - (cosine >= bestE ? secondE : bestE));
            Double days = daysBefore(s.item(), proposal);
            double confidence = DuplicateThresholds.confidence(on, days, x, s.files());
            Evidence evidence = new Evidence(
                    s.text(),
                    coverage,
                    reverse,
                    e,
                    matched(query, corpus.vector(s.item().id()), surfaces),
                    s.shared(),
                    s.files(),
                    s.item().tier(),
                    sameTier(proposal.tier(), s.item().tier()),
                    s.item().status(),
                    Completion.describe(s.item()),
                    s.item().created(),
                    days);
            out.add(new DuplicateCandidate(
                    s.item().id(),
                    s.item().type(),
                    s.item().title(),
                    confidence,
                    DuplicateThresholds.verdict(confidence, DuplicateThresholds.filesOnly(on, x, s.files())),
                    evidence));
        }
        out.sort(Comparator.comparingDouble((DuplicateCandidate c) -> -c.confidence())
                .thenComparing(c -> -c.evidence().textSimilarity())
                .thenComparing(DuplicateCandidate::id));
        return out;
    }

    /**
     * Whether the item was filed after the proposal, both dates known. Such an item is never a
     * candidate: of two reports of the same work the later one is the duplicate, so it would repeat
     * the proposal, not the other way round.
     */
    public static boolean filedAfter(WorkItem item, ProposedWork proposal) {
        return item.created() != null
                && proposal.created() != null
                && item.created().isAfter(proposal.created());
    }

    /** How many days before the proposal the item was filed, or {@code null} when either date is unknown. */
    static Double daysBefore(WorkItem item, ProposedWork proposal) {
        if (item.created() == null || proposal.created() == null) {
            return null;
        }
        return Math.max(0, Duration.between(item.created(), proposal.created()).toMinutes() / (24.0 * 60));
    }

    /**
     * The embedding cosine of these items (textually nearest first) with the proposal; empty
     * without embeddings. An item with a stored vector costs a dot product; one without (indexed
     * while embeddings were off) is embedded here, and only when it is among the {@link
     * DuplicateThresholds#EMBEDDED_CANDIDATES} textually nearest.
     */
    private Map<String, Double> semantic(ProposedWork proposal, List<WorkItem> items) {
        if (embeddings == null || items.isEmpty()) {
            return Map.of();
        }
        float[] query = embeddings.vector(Embeddings.text(proposal.title(), proposal.text()));
        Map<String, Double> out = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            WorkItem item = items.get(i);
            if (item.embedding() != null) {
                out.put(item.id(), Embeddings.cosine(query, item.embedding()));
            } else if (i < DuplicateThresholds.EMBEDDED_CANDIDATES) {
                out.put(
                        item.id(),
                        Embeddings.cosine(query, embeddings.vector(Embeddings.text(item.title(), item.text()))));
            }
        }
        return out;
    }

    /** The summed IDF of a title's distinct terms. */
    private double total(List<String> titleTerms) {
        return titleTerms.stream().distinct().mapToDouble(corpus.weights()::idf).sum();
    }

    /** The IDF-weighted share of a title's distinct terms that the other text has. */
    private double coverage(List<String> titleTerms, TermVector other, double total) {
        if (total <= 0) {
            return 0;
        }
        double found = titleTerms.stream()
                .distinct()
                .filter(other::has)
                .mapToDouble(corpus.weights()::idf)
                .sum();
        return found / total;
    }

    private static List<String> matched(TermVector query, TermVector candidate, Map<String, String> surfaces) {
        Set<String> seen = new LinkedHashSet<>();
        for (String term : query.sharedTerms(candidate, DuplicateThresholds.EVIDENCE_TERMS * 2)) {
            String surface = surfaces.getOrDefault(term, term);
            seen.add(surface);
            if (seen.size() >= DuplicateThresholds.EVIDENCE_TERMS) {
                break;
            }
        }
        return List.copyOf(seen);
    }

    private static Boolean sameTier(String a, String b) {
        if (a == null || b == null || a.isBlank() || b.isBlank()) {
            return null;
        }
        return a.strip().equalsIgnoreCase(b.strip());
    }
}
