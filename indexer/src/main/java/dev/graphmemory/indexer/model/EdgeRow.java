package dev.graphmemory.indexer.model;

import dev.graphmemory.queries.schema.IndexedText;
import dev.graphmemory.queries.schema.RelType;
import java.util.Map;
import java.util.Objects;

/** One relationship to write, between two node ids. */
public record EdgeRow(RelType type, String fromId, String toId, Map<String, Object> properties)
        implements LanguagePlugin.LinkOutput {
    public EdgeRow {
        Objects.requireNonNull(type, "type");
        fromId = IndexedText.boundId(Objects.requireNonNull(fromId, "fromId"));
        toId = IndexedText.boundId(Objects.requireNonNull(toId, "toId"));
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    /** A relationship without properties. */
    public static EdgeRow of(RelType type, String fromId, String toId) {
        return new EdgeRow(type, fromId, toId, Map.of());
    }
}
