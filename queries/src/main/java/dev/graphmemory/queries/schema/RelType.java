package dev.graphmemory.queries.schema;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every relationship type of the graph. This enum is the allowlist for relationship types in
 * Cypher text.
 */
public enum RelType {
    /** module → class → function; build module → module (its source files). */
    DECLARES,
    /** module → module, including same-package references that need no import. */
    IMPORTS,
    /** function → function, where the callee resolves within the repository. */
    CALLS,
    EXTENDS,
    IMPLEMENTS,
    /** test module → module it exercises. */
    TESTS,
    /** work unit → work unit; build module → build module (read from the build files). */
    DEPENDS_ON,
    /** work unit → module, from {@code files_changed}. */
    TOUCHES,
    /** bug → module or function. */
    AFFECTS,
    /** bug → decision or anti-pattern. */
    CAUSED_BY,
    /** commit → module. */
    MODIFIES,
    /** commit or document → any node whose id it names. */
    MENTIONS,
    /** module or function → module it runs as a program. */
    INVOKES,
    /** session → module it read, with {@code count} and estimated {@code tokens}. */
    READ,
    /** session → module it edited, with {@code count}. */
    EDITED,
    /** session → command it ran, with {@code count} and {@code failures}. */
    RAN,
    /** session → subagent session, with {@code report_chars} and {@code calls_in_context}. */
    SPAWNED,
    /** session → work unit its branch or its commits name, with {@code via}. */
    WORKED_ON,
    /** session → commit made while it ran. */
    PRODUCED;

    /** Finds a relationship type by name, case-insensitively. */
    public static Optional<RelType> of(String name) {
        return Arrays.stream(values())
                .filter(r -> r.name().equalsIgnoreCase(name))
                .findFirst();
    }
}
