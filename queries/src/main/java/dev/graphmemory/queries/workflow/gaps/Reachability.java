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

    /**
     * A shortest chain from one of {@code roots} to {@code target} (both ends included), as
     * {@link #from} walks it; empty when no root reaches the target.
     */
    static java.util.List<Integer> chain(CodeGraph graph, Collection<Integer> roots, IntPredicate blocked, int target) {
        int[] parent = new int[graph.size()];
        java.util.Arrays.fill(parent, -2);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int r : roots) {
            if (parent[r] == -2 && !blocked.test(r)) {
                parent[r] = -1;
                queue.add(r);
            }
        }
        while (!queue.isEmpty() && parent[target] == -2) {
            int m = queue.poll();
            for (int next : graph.out(m)) {
                if (parent[next] == -2 && !blocked.test(next)) {
                    parent[next] = m;
                    queue.add(next);
                }
            }
        }
        java.util.LinkedList<Integer> chain = new java.util.LinkedList<>();
        if (parent[target] == -2) {
            return chain;
        }
        for (int at = target; at != -1; at = parent[at]) {
            chain.addFirst(at);
        }
        return chain;
    }
}
