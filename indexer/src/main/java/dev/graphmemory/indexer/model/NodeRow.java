package dev.graphmemory.indexer.model;

import dev.graphmemory.queries.schema.IndexedText;
import dev.graphmemory.queries.schema.NodeType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One node to write: its types (the first is the primary one, which gives the id), its key (the
 * last part of the id) and its properties. The writer adds {@code id}, {@code key},
 * {@code schema}, {@code type}, {@code types} and {@code repo}.
 *
 * <p>The key and the indexed properties are bounded by {@link IndexedText}, so no value is too
 * large for Neo4j's indexes. Property values must be Neo4j property values: strings, numbers, booleans, or lists of one
 * of those. {@code null} values are dropped.
 */
public record NodeRow(List<NodeType> types, String key, Map<String, Object> properties)
        implements LanguagePlugin.LinkOutput {
    public NodeRow {
        types = List.copyOf(types);
        if (types.isEmpty()) {
            throw new IllegalArgumentException("a node needs at least one type");
        }
        key = IndexedText.bound(Objects.requireNonNull(key, "key"));
        Map<String, Object> copy = new LinkedHashMap<>();
        properties.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, IndexedText.property(k, v));
            }
        });
        properties = java.util.Collections.unmodifiableMap(copy);
    }

    /** A node of one type. */
    public static NodeRow of(NodeType type, String key, Map<String, Object> properties) {
        return new NodeRow(List.of(type), key, properties);
    }

    /** The primary type. */
    public NodeType type() {
        return types.get(0);
    }

    /** The node id, {@code <schema>:<type>:<key>} of the primary type. */
    public String id() {
        return type().id(key);
    }
}
