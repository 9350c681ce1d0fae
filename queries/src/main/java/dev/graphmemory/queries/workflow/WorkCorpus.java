package dev.graphmemory.queries.workflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A repository's work units and bugs with their term vectors and the corpus' term weights: what
 * proposals are compared against. Immutable once built; built once per index state (see {@link
 * WorkCorpusReader}).
 */
public final class WorkCorpus {
    private final Map<String, WorkItem> items;
    private final Map<String, TermVector> vectors;
    private final Map<String, List<String>> titleTerms;
    private final TermWeights weights;

    private WorkCorpus(
            Map<String, WorkItem> items,
            Map<String, TermVector> vectors,
            Map<String, List<String>> titleTerms,
            TermWeights weights) {
        this.items = items;
        this.vectors = vectors;
        this.titleTerms = titleTerms;
        this.weights = weights;
    }

    /** Analyses the items. */
    public static WorkCorpus of(List<WorkItem> items) {
        Map<String, WorkItem> byId = new LinkedHashMap<>();
        Map<String, List<String>> titles = new HashMap<>();
        Map<String, List<String>> bodies = new HashMap<>();
        List<List<String>> documents = new ArrayList<>();
        for (WorkItem item : items) {
            byId.put(item.id(), item);
            List<String> title = WorkTerms.of(item.title());
            List<String> body = WorkTerms.of(item.text());
            titles.put(item.id(), List.copyOf(title));
            bodies.put(item.id(), body);
            List<String> all = new ArrayList<>(title);
            all.addAll(body);
            documents.add(all);
        }
        TermWeights weights = TermWeights.of(documents);
        Map<String, TermVector> vectors = new HashMap<>();
        byId.keySet()
                .forEach(id -> vectors.put(
                        id, TermVector.of(titles.get(id), bodies.get(id), DuplicateThresholds.TITLE_WEIGHT, weights)));
        return new WorkCorpus(
                java.util.Collections.unmodifiableMap(byId), Map.copyOf(vectors), Map.copyOf(titles), weights);
    }

    /** The item with this node id, or {@code null}. */
    public WorkItem item(String id) {
        return items.get(id);
    }

    /** Every item, in the order read. */
    public List<WorkItem> items() {
        return List.copyOf(items.values());
    }

    /** The term vector of an item. */
    public TermVector vector(String id) {
        return vectors.get(id);
    }

    /** The match terms of an item's title, in order, with repeats (empty for an unknown id). */
    public List<String> titleTerms(String id) {
        return titleTerms.getOrDefault(id, List.of());
    }

    /** The corpus' term weights. */
    public TermWeights weights() {
        return weights;
    }

    /** The number of items. */
    public int size() {
        return items.size();
    }

    /** The vector of a text that is not in the corpus, weighted by the corpus. */
    public TermVector vectorOf(List<String> titleTerms, List<String> bodyTerms) {
        return TermVector.of(titleTerms, bodyTerms, DuplicateThresholds.TITLE_WEIGHT, weights);
    }
}
