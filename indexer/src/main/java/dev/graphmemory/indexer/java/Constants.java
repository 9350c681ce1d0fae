package dev.graphmemory.indexer.java;

import java.util.List;
import java.util.Map;

/**
 * Finishes {@link StringParts} at link time: each constant a part names ({@code NAME} of the
 * enclosing classes, their supertypes or a static import; {@code Type.NAME}; {@code a.b.Type.NAME})
 * is replaced by its value, itself evaluated where that constant is declared, a few levels deep.
 * What stays unknown becomes {@link #UNKNOWN} in the result.
 */
final class Constants {
    /** Marks a part of a value that could not be worked out. */
    static final char UNKNOWN = '\u0000';

    private static final int MAX_DEPTH = 4;

    private final SymbolTable table;
    private final Map<Integer, FileScope> scopes =
            new java.util.concurrent.ConcurrentHashMap<>(); // files link in parallel

    Constants(SymbolTable table) {
        this.table = table;
    }

    /**
     * The value of {@code encoded}, written in file {@code file} inside type {@code context} (a
     * global type index, or -1).
     */
    String value(int file, int context, String encoded) {
        return value(file, context, encoded, 0);
    }

    private String value(int file, int context, String encoded, int depth) {
        StringBuilder out = new StringBuilder();
        for (String part : StringParts.split(encoded)) {
            if (part.startsWith("'")) {
                out.append(part, 1, part.length());
            } else if (part.startsWith("#") && depth < MAX_DEPTH) {
                out.append(constant(file, context, part.substring(1), depth));
            } else {
                out.append(UNKNOWN);
            }
        }
        return out.toString();
    }

    private String constant(int file, int context, String written, int depth) {
        String name = written.startsWith("this.") ? written.substring(5) : written;
        int dot = name.lastIndexOf('.');
        int owner = dot < 0 ? unqualifiedOwner(file, context, name) : qualifiedOwner(file, context, name, dot);
        String field = dot < 0 ? name : name.substring(dot + 1);
        String encoded = owner < 0 ? null : table.fieldValue(owner, field);
        if (encoded == null) {
            return String.valueOf(UNKNOWN);
        }
        int declaredIn = table.fileOf(owner);
        return value(declaredIn, owner, encoded, depth + 1);
    }

    /** The enclosing classes and their supertypes, then static imports. */
    private int unqualifiedOwner(int file, int context, String field) {
        for (int t = context; t >= 0; t = table.outer(t)) {
            int owner = withField(t, field);
            if (owner >= 0) {
                return owner;
            }
        }
        JavaFacts facts = table.file(file);
        for (String imported : facts.staticImports()) {
            if (imported.endsWith("." + field)) {
                int t = table.type(imported.substring(0, imported.length() - field.length() - 1), file);
                int owner = t < 0 ? -1 : withField(t, field);
                if (owner >= 0) {
                    return owner;
                }
            }
        }
        for (String prefix : facts.staticOnDemandImports()) {
            int t = table.type(prefix, file);
            int owner = t < 0 ? -1 : withField(t, field);
            if (owner >= 0) {
                return owner;
            }
        }
        return -1;
    }

    private int qualifiedOwner(int file, int context, String name, int dot) {
        int t = scope(file).resolve(name.substring(0, dot), context, true);
        return t < 0 ? -1 : withField(t, name.substring(dot + 1));
    }

    /** {@code type} or the supertype that declares {@code field}, or -1. */
    private int withField(int type, String field) {
        if (table.field(type, field) >= 0) {
            return type;
        }
        return table.inSupertypes(type, s -> table.field(s, field) >= 0 ? s : -1);
    }

    private FileScope scope(int file) {
        return scopes.computeIfAbsent(file, f -> new FileScope(table, f));
    }

    /** Whether a value was worked out in full. */
    static boolean known(String value) {
        return value.indexOf(UNKNOWN) < 0;
    }

    /** The parts of a value between its unknown stretches. */
    static List<String> knownRuns(String value) {
        return List.of(value.split(String.valueOf(UNKNOWN), -1));
    }
}
