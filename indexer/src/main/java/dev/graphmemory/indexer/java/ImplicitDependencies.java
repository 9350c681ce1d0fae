package dev.graphmemory.indexer.java;

import java.util.List;
import java.util.Set;

/**
 * The types a compiled class depends on without the source naming them: {@code Object} as the
 * implicit superclass (of a class without {@code extends} and of an interface), {@code Enum} and {@code Record} for enums and records, {@code Annotation}
 * for annotation types, the {@code invokedynamic} machinery behind lambdas, method references and
 * record methods, {@code AssertionError} behind {@code assert}, and {@code Throwable} behind
 * try-with-resources ({@code addSuppressed}). They only resolve when the
 * repository holds the JDK's own sources.
 */
final class ImplicitDependencies {
    /** {@link JavaFacts#features} bit: the file has a lambda or a method reference. */
    static final int LAMBDA = 1;
    /** {@link JavaFacts#features} bit: the file has an {@code assert} statement. */
    static final int ASSERT = 2;
    /** {@link JavaFacts#features} bit: the file has a try-with-resources statement. */
    static final int TRY_WITH_RESOURCES = 4;

    private static final List<String> OBJECT = List.of("java.lang.Object");
    private static final List<String> ENUM = List.of("java.lang.Enum", "java.lang.Class", "java.lang.String");
    private static final List<String> RECORD = List.of(
            "java.lang.Record",
            "java.lang.runtime.ObjectMethods",
            "java.lang.invoke.TypeDescriptor",
            "java.lang.invoke.MethodHandle",
            "java.lang.invoke.MethodHandles",
            "java.lang.Class",
            "java.lang.String");
    private static final List<String> ANNOTATION = List.of("java.lang.annotation.Annotation");
    private static final List<String> LAMBDAS = List.of(
            "java.lang.invoke.LambdaMetafactory",
            "java.lang.invoke.CallSite",
            "java.lang.invoke.MethodHandle",
            "java.lang.invoke.MethodHandles",
            "java.lang.invoke.MethodType");
    private static final List<String> ASSERTS = List.of("java.lang.AssertionError", "java.lang.Class");
    private static final List<String> RESOURCES = List.of("java.lang.Throwable");

    private ImplicitDependencies() {}

    /** Adds the files of the implicit dependencies of one file. */
    static void add(SymbolTable table, int from, JavaFacts facts, Set<Integer> files) {
        JavaFacts.Types types = facts.types();
        for (int i = 0; i < types.size(); i++) {
            switch (types.kind(i)) {
                case CLASS -> {
                    if (types.superclasses()[i].length == 0) {
                        add(table, from, OBJECT, files);
                    }
                }
                case INTERFACE -> add(table, from, OBJECT, files);
                case ENUM -> add(table, from, ENUM, files);
                case RECORD -> add(table, from, RECORD, files);
                case ANNOTATION -> {
                    add(table, from, OBJECT, files);
                    add(table, from, ANNOTATION, files);
                }
            }
        }
        if ((facts.features() & LAMBDA) != 0) {
            add(table, from, LAMBDAS, files);
        }
        if ((facts.features() & ASSERT) != 0) {
            add(table, from, ASSERTS, files);
        }
        if ((facts.features() & TRY_WITH_RESOURCES) != 0) {
            add(table, from, RESOURCES, files);
        }
    }

    private static void add(SymbolTable table, int from, List<String> names, Set<Integer> files) {
        for (String name : names) {
            int type = table.type(name, from);
            if (type >= 0) {
                files.add(table.fileOf(type));
            }
        }
    }
}
