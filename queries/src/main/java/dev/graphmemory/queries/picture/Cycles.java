package dev.graphmemory.queries.picture;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The strongly connected parts of a diagram (Tarjan's algorithm, iterative so a long chain cannot
 * overflow the stack): two boxes in one part reach each other, so an arrow between them lies on a
 * cycle. Dashed arrows (suggestions, likenesses) are not dependencies and are left out.
 */
final class Cycles {
    private Cycles() {}

    /** Each box's key mapped to the number of its strongly connected part. */
    static Map<String, Integer> components(List<DiagramNode> nodes, List<DiagramEdge> edges) {
        Map<String, List<String>> out = new HashMap<>();
        nodes.forEach(n -> out.put(n.key(), new ArrayList<>()));
        for (DiagramEdge e : edges) {
            if (!e.dashed()) {
                out.get(e.from()).add(e.to());
            }
        }
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Map<String, Integer> component = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        java.util.Set<String> onStack = new java.util.HashSet<>();
        int[] counter = {0};
        for (DiagramNode start : nodes) {
            if (index.containsKey(start.key())) {
                continue;
            }
            // Each frame: the node and how far through its successors it has got.
            Deque<Object[]> work = new ArrayDeque<>();
            work.push(new Object[] {start.key(), 0});
            while (!work.isEmpty()) {
                Object[] frame = work.peek();
                String v = (String) frame[0];
                int next = (Integer) frame[1];
                if (next == 0 && !index.containsKey(v)) {
                    index.put(v, counter[0]);
                    low.put(v, counter[0]);
                    counter[0]++;
                    stack.push(v);
                    onStack.add(v);
                }
                List<String> succ = out.get(v);
                if (next < succ.size()) {
                    frame[1] = next + 1;
                    String w = succ.get(next);
                    if (!index.containsKey(w)) {
                        work.push(new Object[] {w, 0});
                    } else if (onStack.contains(w)) {
                        low.put(v, Math.min(low.get(v), index.get(w)));
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    String parent = (String) work.peek()[0];
                    low.put(parent, Math.min(low.get(parent), low.get(v)));
                }
                if (low.get(v).equals(index.get(v))) {
                    int id = component.size();
                    String w;
                    do {
                        w = stack.pop();
                        onStack.remove(w);
                        component.put(w, id);
                    } while (!w.equals(v));
                }
            }
        }
        return component;
    }
}
