package dev.graphmemory.indexer.lang;

import java.util.ArrayList;
import java.util.List;
import org.treesitter.TSNode;
import org.treesitter.TSNodes;
import org.treesitter.TSTreeCursor;

/**
 * Child lists of tree-sitter nodes, read through a tree cursor.
 *
 * <p>Design notes: {@code ts_node_named_child(i)} and {@code ts_node_next_sibling} walk the parent's
 * children from the start, so a loop over them is quadratic in the number of children (a module
 * with a thousand statements). A cursor steps to the next sibling in constant time. Each thread
 * keeps one cursor and resets it; the list is built before the next reset, so nested use is safe.
 */
public final class Nodes {
    private static final ThreadLocal<TSTreeCursor> CURSOR = new ThreadLocal<>();
    /** Up to this many named children are read by index. */
    private static final int FEW = 16;

    private Nodes() {}

    /** The named children of a node, in order. */
    public static List<TSNode> named(TSNode node) {
        return children(node, true);
    }

    /** All children of a node (anonymous tokens included), in order. */
    public static List<TSNode> all(TSNode node) {
        return children(node, false);
    }

    private static List<TSNode> children(TSNode node, boolean namedOnly) {
        List<TSNode> out = new ArrayList<>();
        if (TSNodes.isNull(node)) {
            return out;
        }
        if (namedOnly) {
            // A few children by index cost one crossing each; the cursor costs three (step, node,
            // named?). Indexing is linear in the index, so a long list goes through the cursor.
            int count = TSNodes.namedCount(node);
            if (count <= FEW) {
                for (int i = 0; i < count; i++) {
                    out.add(TSNodes.namedChild(node, i));
                }
                return out;
            }
        }
        TSTreeCursor cursor = CURSOR.get();
        if (cursor == null) {
            cursor = new TSTreeCursor(node);
            CURSOR.set(cursor);
        } else {
            cursor.reset(node);
        }
        if (cursor.gotoFirstChild()) {
            do {
                TSNode c = cursor.currentNode();
                if (!namedOnly || TSNodes.named(c)) {
                    out.add(c);
                }
            } while (cursor.gotoNextSibling());
        }
        return out;
    }

    /** The children of a node under a field name ({@code name} of an import, which may repeat). */
    public static List<TSNode> field(TSNode node, String field) {
        List<TSNode> out = new ArrayList<>();
        if (TSNodes.isNull(node)) {
            return out;
        }
        TSTreeCursor cursor = CURSOR.get();
        if (cursor == null) {
            cursor = new TSTreeCursor(node);
            CURSOR.set(cursor);
        } else {
            cursor.reset(node);
        }
        if (cursor.gotoFirstChild()) {
            do {
                if (field.equals(cursor.currentFieldName())) {
                    out.add(cursor.currentNode());
                }
            } while (cursor.gotoNextSibling());
        }
        return out;
    }

    /** A field's child, or {@code null} when there is none. */
    public static TSNode child(TSNode node, String field) {
        TSNode c = TSNodes.field(node, field);
        return TSNodes.isNull(c) ? null : c;
    }
}
