package dev.graphmemory.queries.graph;

import java.util.List;
import org.neo4j.driver.Value;

/** Reading driver values the way the graph's list properties are written. */
public final class Values {
    private Values() {}

    /** A list property as strings, nulls left out; a single value is a list of one; null is empty. */
    public static List<String> strings(Value v) {
        if (v == null || v.isNull()) {
            return List.of();
        }
        Object o = v.asObject();
        if (o instanceof List<?> list) {
            return list.stream().filter(x -> x != null).map(Object::toString).toList();
        }
        return List.of(o.toString());
    }
}
