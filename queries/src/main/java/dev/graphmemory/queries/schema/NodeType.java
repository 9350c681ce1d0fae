package dev.graphmemory.queries.schema;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every node type of the graph, with the schema it belongs to and the Neo4j label that carries it.
 *
 * <p>This enum is the allowlist for labels: nothing else becomes a label in Cypher text.
 */
public enum NodeType {
    MODULE("architecture", "module", "Module"),
    CLASS("architecture", "class", "Class"),
    FUNCTION("architecture", "function", "Function"),
    CLI_ENTRY("architecture", "cli_entry", "CliEntry"),
    /** A Maven module or Gradle project, read from the build files. */
    BUILD_MODULE("architecture", "build_module", "BuildModule"),
    WORK_UNIT("workflow", "work_unit", "WorkUnit"),
    COMMIT("workflow", "commit", "Commit"),
    /** An agent session, or one of its subagents, read from its Claude Code transcript. */
    SESSION("workflow", "session", "Session"),
    /** A shell command agents ran, keyed by its normalised form (e.g. {@code mvn verify}). */
    COMMAND("workflow", "command", "Command"),
    BUG("issues", "bug", "Bug"),
    FINDING("issues", "finding", "Finding"),
    ADR("decisions", "adr", "Adr"),
    ANTI_PATTERN("decisions", "anti_pattern", "AntiPattern");

    private final String schema;
    private final String type;
    private final String label;

    NodeType(String schema, String type, String label) {
        this.schema = schema;
        this.type = type;
        this.label = label;
    }

    /** The schema name, e.g. {@code architecture}. */
    public String schema() {
        return schema;
    }

    /** The type name as used in ids and tool arguments, e.g. {@code cli_entry}. */
    public String type() {
        return type;
    }

    /** The Neo4j label, e.g. {@code CliEntry}. */
    public String label() {
        return label;
    }

    /** The {@code schema:type} key used in stats, e.g. {@code architecture:module}. */
    public String qualifiedType() {
        return schema + ":" + type;
    }

    /** Builds the node id {@code <schema>:<type>:<key>}, the key bounded by {@link IndexedText#bound}. */
    public String id(String key) {
        return schema + ":" + type + ":" + IndexedText.bound(key);
    }

    /** Finds a type by schema and type name. */
    public static Optional<NodeType> of(String schema, String type) {
        return Arrays.stream(values())
                .filter(t -> t.schema.equals(schema) && t.type.equals(type))
                .findFirst();
    }

    /** Finds a type by its type name alone (type names are unique across schemas). */
    public static Optional<NodeType> ofType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }

    /** The schema names, in declaration order. */
    public static List<String> schemas() {
        return Arrays.stream(values()).map(NodeType::schema).distinct().toList();
    }
}
