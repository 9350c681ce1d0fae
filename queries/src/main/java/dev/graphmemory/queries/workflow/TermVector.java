package dev.graphmemory.queries.workflow;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A unit-length sparse vector of term weights (log term frequency × inverse document frequency),
 * compared by cosine.
 *
 * @param weights term → weight; the squares sum to 1 (or the map is empty)
 */
public record TermVector(Map<String, Double> weights) {
    public TermVector {
        weights = Map.copyOf(weights);
    }

    /**
     * The vector of a text given as title terms and body terms: a title term counts {@code
     * titleWeight} times, a body term once; a term seen {@code n} times weighs {@code (1 + ln n) × idf}.
     */
    public static TermVector of(List<String> title, List<String> body, double titleWeight, TermWeights idf) {
        Map<String, Double> counts = new HashMap<>();
        title.forEach(t -> counts.merge(t, titleWeight, Double::sum));
        body.forEach(t -> counts.merge(t, 1.0, Double::sum));
        Map<String, Double> w = new HashMap<>();
        counts.forEach((t, n) -> w.put(t, (1 + Math.log(n)) * idf.idf(t)));
        double norm = Math.sqrt(w.values().stream().mapToDouble(x -> x * x).sum());
        if (norm > 0) {
            w.replaceAll((t, x) -> x / norm);
        }
        return new TermVector(w);
    }

    /** The cosine similarity, 0..1. */
    public double cosine(TermVector other) {
        Map<String, Double> small = weights.size() <= other.weights.size() ? weights : other.weights;
        Map<String, Double> large = small == weights ? other.weights : weights;
        double sum = 0;
        for (Map.Entry<String, Double> e : small.entrySet()) {
            Double x = large.get(e.getKey());
            if (x != null) {
                sum += e.getValue() * x;
            }
        }
        return Math.min(1.0, sum);
    }

    /** The shared terms that contribute most to the cosine, best first, at most {@code limit}. */
    public List<String> sharedTerms(TermVector other, int limit) {
        return weights.keySet().stream()
                .filter(other.weights::containsKey)
                .sorted(Comparator.comparingDouble((String t) -> -weights.get(t) * other.weights.get(t))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(limit)
                .toList();
    }

    /** Whether the vector has the term. */
    public boolean has(String term) {
        return weights.containsKey(term);
    }
}
