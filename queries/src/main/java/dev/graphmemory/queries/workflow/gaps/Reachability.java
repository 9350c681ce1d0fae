package dev.graphmemory.queries.workflow.gaps;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Collection;
import java.util.function.IntPredicate;

/** Breadth-first reachability over a {@link CodeGraph}: linear in modules and edges. */
final class Reachability {
    private Reachability() {}

    /**
     * The modules reachable from {@code roots} (roots included) along dependencies, never
     * entering a module {@code blocked} accepts.
     */
    static BitSet from(CodeGraph graph, Collection<Integer> roots, IntPredicate blocked) {
        BitSet seen = new BitSet(graph.size());
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int r : roots) {
            if (!seen.get(r) && !blocked.test(r)) {
                seen.set(r);
                queue.add(r);
            }
        }
        while (!queue.isEmpty()) {
            int m = queue.poll();
            for (int next : graph.out(m)) {
                if (!seen.get(next) && !blocked.test(next)) {
                    seen.set(next);
                    queue.add(next);
                }
            }
        }
        return seen;
    }
}
