package dev.graphmemory.indexer.lang;

import org.treesitter.TSNode;

/**
 * Finds the first syntax error of a tree, as a message with its position and how many others the
 * file has. Tree-sitter recovers around each error, so what lies outside the broken nodes is still
 * read: the message says the file was parsed with errors, not that it was lost.
 */
public final class ParseProblems {
    private static final int SNIPPET = 40;

    private ParseProblems() {}

    /** The first error or missing node, in document order; {@code null} when the tree is clean. */
    public static String first(TSNode root, SourceText src) {
        if (!root.hasError()) {
            return null;
        }
        TSNode bad = find(root);
        if (bad == null) {
            return "line 1, column 1: syntax error";
        }
        int line = bad.getStartPoint().getRow() + 1;
        int column = bad.getStartPoint().getColumn() + 1;
        if (bad.isMissing()) {
            int errors = count(root, 0);
            return "line " + line + ", column " + column + ": missing " + bad.getType()
                    + (errors > 1 ? " (1 of " + errors + " syntax errors; the rest of the file is indexed)" : "");
        }
        String near = src.of(bad).strip();
        int nl = near.indexOf('\n');
        if (nl >= 0) {
            near = near.substring(0, nl);
        }
        if (near.length() > SNIPPET) {
            near = near.substring(0, SNIPPET) + "...";
        }
        int errors = count(root, 0);
        return "line " + line + ", column " + column + ": syntax error"
                + (near.isEmpty() ? "" : " near '" + near + "'")
                + (errors > 1 ? " (1 of " + errors + " syntax errors; the rest of the file is indexed)" : "");
    }

    /** How many error and missing nodes the tree has (at most 1,000); 0 when it is clean. */
    public static int count(TSNode root) {
        return root.hasError() ? Math.max(1, count(root, 0)) : 0;
    }

    /** Error and missing nodes below {@code node}, looking only into subtrees that have one; at most 1,000. */
    private static int count(TSNode node, int sofar) {
        int n = node.getChildCount();
        int total = sofar;
        for (int i = 0; i < n && total < 1000; i++) {
            TSNode child = node.getChild(i);
            if (child.isError() || child.isMissing()) {
                total++;
            } else if (child.hasError()) {
                total = count(child, total);
            }
        }
        return total;
    }

    private static TSNode find(TSNode node) {
        int n = node.getChildCount();
        for (int i = 0; i < n; i++) {
            TSNode child = node.getChild(i);
            if (child.isError() || child.isMissing()) {
                return child;
            }
            if (child.hasError()) {
                TSNode inner = find(child);
                return inner != null ? inner : child;
            }
        }
        return null;
    }
}
