package dev.graphmemory.indexer.knowledge;

import dev.graphmemory.queries.schema.NodeType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A piece of knowledge an agent records: its type (work unit, bug, decision, anti-pattern), its id
 * (generated when absent), title, other frontmatter fields, and markdown body. {@code update}
 * allows replacing an existing document with the same id.
 */
public record KnowledgeEntry(
        NodeType type, String id, String title, Map<String, Object> fields, String body, boolean update) {
    public KnowledgeEntry {
        Objects.requireNonNull(type, "type");
        fields = fields == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        body = body == null ? "" : body;
    }
}
