package dev.graphmemory.queries.picture;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A picture of part of the graph, before it is written in a format: boxes ({@link DiagramNode}) and
 * arrows ({@link DiagramEdge}), in a stable order, and how many boxes a cap left out.
 *
 * <p>Design notes: the model knows nothing of Neo4j or of any format, so capping, ordering and
 * cycle marking are tested on their own, and the three writers ({@link Format}) cannot disagree on
 * what the picture holds. Boxes are ordered by rank then key and arrows by their ends and label,
 * so two runs over the same graph write the same text and two runs over graphs that differ in one
 * module differ in the lines of that module.
 *
 * @param title what the picture shows, in words
 * @param nodes the boxes, ordered by rank then key
 * @param edges the arrows, ordered by from, to, label; arrows with the same ends, label and
 *     dashing are merged into one whose weight is the sum
 * @param hidden how many boxes of the subject were left out ({@code +N more}), 0 for none
 */
public record Diagram(String title, List<DiagramNode> nodes, List<DiagramEdge> edges, int hidden) {
    /** The most boxes a picture shows unless asked for more: legible when pasted, about 2,000 tokens. */
    public static final int DEFAULT_MAX_BOXES = 40;
    /** The fewest boxes a caller may ask for: the focus, a few neighbours and the {@code +N more} box. */
    public static final int MIN_MAX_BOXES = 5;
    /** The most boxes a caller may ask for. */
    public static final int MAX_MAX_BOXES = 200;

    private static final Comparator<DiagramNode> NODE_ORDER =
            Comparator.comparingInt(DiagramNode::rank).thenComparing(DiagramNode::key);
    private static final Comparator<DiagramEdge> EDGE_ORDER = Comparator.comparing(DiagramEdge::from)
            .thenComparing(DiagramEdge::to)
            .thenComparing(DiagramEdge::label)
            .thenComparing(DiagramEdge::dashed);

    public Diagram {
        title = title == null ? "" : title;
        Set<String> keys = new HashSet<>();
        for (DiagramNode n : nodes) {
            if (!keys.add(n.key())) {
                throw new IllegalArgumentException("two boxes with the key '" + n.key() + "'");
            }
        }
        for (DiagramEdge e : edges) {
            if (!keys.contains(e.from()) || !keys.contains(e.to())) {
                throw new IllegalArgumentException(
                        "arrow " + e.from() + " -> " + e.to() + " ends at a box the diagram does not hold");
            }
        }
        nodes = nodes.stream().sorted(NODE_ORDER).toList();
        edges = merge(edges);
        if (hidden < 0) {
            throw new IllegalArgumentException("hidden: expected 0 or more, got " + hidden);
        }
    }

    /** A diagram that leaves nothing out. */
    public static Diagram of(String title, List<DiagramNode> nodes, List<DiagramEdge> edges) {
        return new Diagram(title, nodes, edges, 0);
    }

    /** The number of boxes drawn, the {@code +N more} box included. */
    public int boxes() {
        return nodes.size();
    }

    /**
     * This diagram with at most {@code maxBoxes} boxes: the first {@code maxBoxes - 1} by rank and key
     * stay, the rest become one {@code +N more} box that takes over their arrows (merged, so the
     * arrows' weights still count what they stand for). Arrows among the boxes left out are dropped.
     */
    public Diagram capped(int maxBoxes) {
        if (maxBoxes < 2) {
            throw new IllegalArgumentException("maxBoxes: expected 2 or more, got " + maxBoxes);
        }
        if (nodes.size() <= maxBoxes) {
            return this;
        }
        List<DiagramNode> kept = new ArrayList<>(nodes.subList(0, maxBoxes - 1));
        Set<String> keptKeys = new HashSet<>();
        kept.forEach(n -> keptKeys.add(n.key()));
        // A box left out by an earlier cap already counts in hidden.
        int left = (int) nodes.subList(kept.size(), nodes.size()).stream()
                .filter(n -> !n.kind().equals(DiagramNode.MORE))
                .count();
        String more = moreKey(keptKeys);
        kept.add(new DiagramNode(more, "+" + (left + hidden) + " more", DiagramNode.MORE, Integer.MAX_VALUE, false));
        List<DiagramEdge> redirected = new ArrayList<>();
        for (DiagramEdge e : edges) {
            String from = keptKeys.contains(e.from()) ? e.from() : more;
            String to = keptKeys.contains(e.to()) ? e.to() : more;
            if (!(from.equals(more) && to.equals(more))) {
                // An arrow into the +N more box is no longer part of a cycle one can see.
                boolean cycle = e.cycle() && from.equals(e.from()) && to.equals(e.to());
                redirected.add(new DiagramEdge(from, to, e.label(), e.weight(), e.dashed(), cycle));
            }
        }
        return new Diagram(title, kept, redirected, hidden + left);
    }

    /** This diagram with the boxes' labels and kinds replaced where {@code looks} names their key. */
    public Diagram relabeled(Map<String, DiagramNode> looks) {
        List<DiagramNode> out = new ArrayList<>();
        for (DiagramNode n : nodes) {
            DiagramNode look = looks.get(n.key());
            out.add(look == null ? n : new DiagramNode(n.key(), look.label(), look.kind(), n.rank(), n.focus()));
        }
        return new Diagram(title, out, edges, hidden);
    }

    /** A key for the {@code +N more} box that no kept box has. */
    private static String moreKey(Set<String> taken) {
        String key = "+more";
        while (taken.contains(key)) {
            key = key + "+";
        }
        return key;
    }

    /** This diagram with every arrow that lies on a cycle (within one strongly connected part) marked. */
    public Diagram withCycles() {
        Map<String, Integer> component = Cycles.components(nodes, edges);
        List<DiagramEdge> marked = new ArrayList<>();
        for (DiagramEdge e : edges) {
            boolean onCycle = !e.dashed()
                    && !e.from().equals(e.to())
                    && component.get(e.from()).equals(component.get(e.to()));
            marked.add(onCycle ? e.inCycle() : e);
        }
        return new Diagram(title, nodes, marked, hidden);
    }

    /** How many arrows lie on a cycle. */
    public long cycleEdges() {
        return edges.stream().filter(DiagramEdge::cycle).count();
    }

    private static List<DiagramEdge> merge(List<DiagramEdge> edges) {
        Map<List<Object>, DiagramEdge> merged = new LinkedHashMap<>();
        for (DiagramEdge e : edges) {
            merged.merge(
                    List.of(e.from(), e.to(), e.label(), e.dashed()),
                    e,
                    (a, b) -> new DiagramEdge(
                            a.from(), a.to(), a.label(), a.weight() + b.weight(), a.dashed(), a.cycle() || b.cycle()));
        }
        return merged.values().stream().sorted(EDGE_ORDER).toList();
    }
}
