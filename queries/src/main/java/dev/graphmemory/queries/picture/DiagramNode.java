package dev.graphmemory.queries.picture;

import java.util.Objects;

/**
 * One box of a {@link Diagram}.
 *
 * @param key what the box stands for, unique in its diagram: a node id
 *     ({@code architecture:module:src/App.java}) or a group ({@code folder:src/auth})
 * @param label the text in the box, as the reader sees it (writers escape it per format)
 * @param kind the box's kind, which picks its shape and colour: a node type ({@code module},
 *     {@code work_unit}, ...), {@code folder}, {@code package}, or {@link #MORE}
 * @param rank which boxes stay when a diagram is capped: lower ranks first, then by key
 * @param focus the box the picture is about (the start node, a gap), drawn bold
 */
public record DiagramNode(String key, String label, String kind, int rank, boolean focus) {
    /** The kind of the box that stands for the boxes a capped diagram leaves out. */
    public static final String MORE = "more";

    public DiagramNode {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        label = label == null || label.isBlank() ? key : label;
    }

    /** A box of rank 1 that is not the focus. */
    public static DiagramNode of(String key, String label, String kind) {
        return new DiagramNode(key, label, kind, 1, false);
    }
}
