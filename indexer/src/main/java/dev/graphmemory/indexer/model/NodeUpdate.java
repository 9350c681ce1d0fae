package dev.graphmemory.indexer.model;

import dev.graphmemory.queries.schema.IndexedText;
import dev.graphmemory.queries.schema.NodeType;
import java.util.Map;
import java.util.Objects;

/**
 * A change to a node that already exists: an extra type (e.g. a module found to be a
 * {@code cli_entry} through {@code META-INF/services}) and properties to set. List properties
 * given here are merged with the node's existing list (without duplicates).
 */
public record NodeUpdate(String id, NodeType addType, Map<String, Object> properties)
        implements LanguagePlugin.LinkOutput {
    public NodeUpdate {
        id = IndexedText.boundId(Objects.requireNonNull(id, "id"));
        Map<String, Object> bounded = new java.util.HashMap<>();
        if (properties != null) {
            properties.forEach((k, v) -> bounded.put(k, IndexedText.property(k, v)));
        }
        properties = Map.copyOf(bounded);
    }
}
