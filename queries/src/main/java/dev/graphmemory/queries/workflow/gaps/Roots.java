package dev.graphmemory.queries.workflow.gaps;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The modules reachability starts from, each with the kinds that made it a root, and whether the
 * repository was treated as an application (entry points) or a library (public API).
 *
 * @param kinds root module index → why it is a root ({@code main}, {@code service_loader},
 *     {@code spring_component}, {@code configured}, {@code public_api}, ...)
 * @param library whether the public API served as roots
 * @param note the choice in words, for the answer
 */
record Roots(Map<Integer, List<String>> kinds, boolean library, String note) {
    Roots {
        kinds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(kinds));
    }

    boolean isRoot(int index) {
        return kinds.containsKey(index);
    }

    /** How many roots have each kind. */
    Map<String, Integer> countsByKind() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        kinds.values().forEach(ks -> ks.forEach(k -> counts.merge(k, 1, Integer::sum)));
        return counts;
    }
}
