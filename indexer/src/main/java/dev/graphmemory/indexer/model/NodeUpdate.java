package dev.graphmemory.indexer.model;

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
        Objects.requireNonNull(id, "id");
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }
}
