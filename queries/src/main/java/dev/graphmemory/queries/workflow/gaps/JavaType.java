package dev.graphmemory.queries.workflow.gaps;

import java.util.List;

/**
 * A Java type as gap detection needs it: where it is, whether it is public API, its annotations
 * (simple names), and the types its annotations name as class literals
 * ({@code @Command(subcommands = IndexCommand.class)}): both tell framework wiring.
 */
record JavaType(
        String path,
        String qualifiedName,
        String pkg,
        boolean publicTopLevel,
        List<String> annotations,
        List<String> annotationTypes) {
    JavaType {
        annotations = List.copyOf(annotations);
        annotationTypes = List.copyOf(annotationTypes);
    }
}
