package dev.graphmemory.queries.workflow;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;

/**
 * Inverse document frequencies over a corpus of work items: {@code ln((N + 1) / (df + 0.5))}, so a
 * term in every item weighs little, a rare one much, and a term no item has (only the query) the
 * most.
 */
public final class TermWeights {
    private final int documents;
    private final Map<String, Integer> frequencies;

    private TermWeights(int documents, Map<String, Integer> frequencies) {
        this.documents = documents;
        this.frequencies = frequencies;
    }

    /** Counts, for each term, the documents that contain it. */
    public static TermWeights of(Collection<? extends Collection<String>> documentTerms) {
        Map<String, Integer> df = new HashMap<>();
        for (Collection<String> terms : documentTerms) {
            for (String t : new HashSet<>(terms)) {
                df.merge(t, 1, Integer::sum);
            }
        }
        return new TermWeights(documentTerms.size(), Map.copyOf(df));
    }

    /** The inverse document frequency of {@code term}. */
    public double idf(String term) {
        return Math.log((documents + 1.0) / (frequencies.getOrDefault(term, 0) + 0.5));
    }

    /** How many documents contain {@code term}. */
    public int frequency(String term) {
        return frequencies.getOrDefault(term, 0);
    }

    /** The number of documents. */
    public int documents() {
        return documents;
    }
}
