package dev.graphmemory.indexer.java;

import java.util.Arrays;

/**
 * Finds the repository functions a call can reach on a type: the type's own methods with the
 * name, else those of its supertypes (breadth first), keeping the nearest type whose methods
 * accept the argument count. Several overloads of one arity are all returned.
 */
final class MethodLookup {
    private static final int[] NONE = new int[0];
    private static final int MAX_TYPES = 64;

    private final SymbolTable table;

    MethodLookup(SymbolTable table) {
        this.table = table;
    }

    /** Methods named {@code name} on {@code type} or its supertypes that accept {@code args}. */
    int[] find(int type, String name, int args) {
        int[] queue = new int[MAX_TYPES];
        int head = 0;
        int tail = 0;
        queue[tail++] = type;
        while (head < tail) {
            int t = queue[head++];
            int[] matches = accepting(table.methods(t, name), args);
            if (matches.length > 0) {
                return matches;
            }
            for (int s : table.supers(t)) {
                if (tail < MAX_TYPES && !contains(queue, tail, s)) {
                    queue[tail++] = s;
                }
            }
        }
        return NONE;
    }

    /** The constructors of {@code type} that accept {@code args}; constructors are not inherited. */
    int[] constructors(int type, int args) {
        return accepting(table.methods(type, JavaFacts.CONSTRUCTOR), args);
    }

    private int[] accepting(int[] functions, int args) {
        if (functions.length == 0) {
            return NONE;
        }
        int[] out = new int[functions.length];
        int n = 0;
        for (int f : functions) {
            if (table.accepts(f, args)) {
                out[n++] = f;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private static boolean contains(int[] values, int length, int value) {
        for (int i = 0; i < length; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }
}
