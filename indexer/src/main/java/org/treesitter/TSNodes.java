package org.treesitter;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The reads of a tree-sitter node that the indexer makes by the million, without the binding's
 * null check before each one.
 *
 * <p>Design notes: every {@link TSNode} method of the binding (io.github.bonede 0.26) first asks the
 * native side whether the node is null, so each read crosses JNI twice, and each crossing looks its
 * field ids up again: on mypy's first index those null checks alone took 8 % of the CPU. The
 * natives are package-visible static methods of {@link TSParser}, so this class (in the binding's
 * package, loaded from the indexer's jar by the same class loader) calls them once. A null node is
 * one whose {@code idPtr} is 0, which is what {@code ts_node_is_null} tests; that field is read in
 * Java when the binding's layout allows it, and through the native otherwise, so the check stays
 * and costs nothing: a null node (tree-sitter's, or a Java {@code null}) passed to a read throws
 * the binding's {@link TSException} as its own methods do, instead of reaching native code that
 * would dereference it. {@link #field} and {@link #namedChild} return what the binding's methods
 * return, a null node when there is no such child.
 */
public final class TSNodes {
    private static final VarHandle ID = idHandle();

    private TSNodes() {}

    private static VarHandle idHandle() {
        try {
            return MethodHandles.privateLookupIn(TSNode.class, MethodHandles.lookup())
                    .findVarHandle(TSNode.class, "idPtr", long.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Whether the node is absent: a Java null or tree-sitter's null node. */
    public static boolean isNull(TSNode node) {
        if (node == null) {
            return true;
        }
        return ID != null ? (long) ID.get(node) == 0L : TSParser.ts_node_is_null(node);
    }

    /** The node's grammar type ({@code "identifier"}, {@code "call"}...). */
    public static String type(TSNode node) {
        checked(node);
        return TSParser.ts_node_type(node);
    }

    /** The node's first byte. */
    public static int start(TSNode node) {
        checked(node);
        return TSParser.ts_node_start_byte(node);
    }

    /** The byte after the node's last. */
    public static int end(TSNode node) {
        checked(node);
        return TSParser.ts_node_end_byte(node);
    }

    /** Whether the node is named (not an anonymous token). */
    public static boolean named(TSNode node) {
        checked(node);
        return TSParser.ts_node_is_named(node);
    }

    /** The child under a field name; a null node when there is none. */
    public static TSNode field(TSNode node, String field) {
        checked(node);
        TSNode child = TSParser.ts_node_child_by_field_name(node, field);
        child.setTree(node.getTree());
        return child;
    }

    /** The number of named children. */
    public static int namedCount(TSNode node) {
        checked(node);
        return TSParser.ts_node_named_child_count(node);
    }

    /** The named child at {@code index}; a null node when there is none. */
    public static TSNode namedChild(TSNode node, int index) {
        checked(node);
        TSNode child = TSParser.ts_node_named_child(node, index);
        child.setTree(node.getTree());
        return child;
    }

    private static void checked(TSNode node) {
        if (isNull(node)) {
            throw new TSException("Node is a null node");
        }
    }
}
