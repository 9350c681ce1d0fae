package dev.graphmemory.queries.where;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A where-filter compiled to Cypher: a boolean expression to put after {@code WHERE}, and the parameters it
 * refers to.
 *
 * <p>The expression never contains a value the caller typed, only allowlisted property keys and
 * {@code $parameter} references; it is safe to combine with {@code AND}, {@code OR} or {@code NOT} without
 * extra parentheses.
 *
 * @param cypher the boolean Cypher expression, {@code true} for an empty filter
 * @param params the parameters, in the order the expression first uses them
 */
public record CompiledWhere(String cypher, Map<String, Object> params) {
    /** The expression of a filter that matches every node. */
    public static final String MATCH_ALL = "true";

    /** Validates and copies the parameters. */
    public CompiledWhere {
        Objects.requireNonNull(cypher, "cypher");
        Objects.requireNonNull(params, "params");
        params.forEach((name, value) -> {
            Objects.requireNonNull(name, "parameter name");
            Objects.requireNonNull(value, () -> "value of parameter " + name);
        });
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** Whether this filter matches every node (it was empty). */
    public boolean matchesAll() {
        return cypher.equals(MATCH_ALL);
    }
}
