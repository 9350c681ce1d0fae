package dev.graphmemory.queries.picture;

import java.util.Objects;

/**
 * One arrow of a {@link Diagram}.
 *
 * @param from the key of the box it starts at
 * @param to the key of the box it ends at
 * @param label what it says ({@code IMPORTS}, {@code suggested}); empty for none
 * @param weight how many relationships it stands for (imports between two folders); shown when
 *     more than 1
 * @param dashed a suggestion or a likeness rather than a relationship in the graph
 * @param cycle part of a dependency cycle, drawn red
 */
public record DiagramEdge(String from, String to, String label, long weight, boolean dashed, boolean cycle) {
    public DiagramEdge {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        label = label == null ? "" : label;
        if (weight < 1) {
            throw new IllegalArgumentException("weight: expected 1 or more, got " + weight);
        }
    }

    /** A solid arrow of weight 1. */
    public static DiagramEdge of(String from, String to, String label) {
        return new DiagramEdge(from, to, label, 1, false, false);
    }

    /** The text shown on the arrow: the label, and the weight when it is more than 1. */
    public String caption() {
        if (weight <= 1) {
            return label;
        }
        return label.isEmpty() ? Long.toString(weight) : label + " ×" + weight;
    }

    DiagramEdge withEnds(String newFrom, String newTo) {
        return new DiagramEdge(newFrom, newTo, label, weight, dashed, cycle);
    }

    DiagramEdge withWeight(long w) {
        return new DiagramEdge(from, to, label, w, dashed, cycle);
    }

    DiagramEdge inCycle() {
        return new DiagramEdge(from, to, label, weight, dashed, true);
    }
}
