package dev.graphmemory.indexer.lang;

import java.util.ArrayList;
import java.util.List;
import org.treesitter.TSLanguage;
import org.treesitter.TSNode;
import org.treesitter.TSNodes;
import org.treesitter.TSQuery;
import org.treesitter.TSQueryCapture;
import org.treesitter.TSQueryCursor;
import org.treesitter.TSQueryMatch;

/**
 * A compiled tree-sitter query that hands back its matches with each capture's byte range.
 *
 * <p>Design notes: every call into the tree-sitter binding costs microseconds (it crosses JNI and
 * builds Java objects), so walking every node of a tree from Java took several times longer than
 * parsing it. A query runs the walk in native code and returns only the nodes a plugin needs; the
 * plugin then reads text and lines from byte offsets without further calls. The query is
 * immutable and shared; each call uses its own cursor.
 */
public final class TreeQuery {
    private final TSQuery query;
    private final String[] names;

    public TreeQuery(TSLanguage language, String source) {
        this.query = new TSQuery(language, source);
        this.names = new String[query.getCaptureCount()];
        for (int i = 0; i < names.length; i++) {
            names[i] = query.getCaptureNameForId(i);
        }
    }

    /** One captured node with its byte range. */
    public record Capture(String name, TSNode node, int start, int end) {}

    /** One match: the captures of one pattern. */
    public record Match(List<Capture> captures) {
        /** The capture of this name, or {@code null}. */
        public Capture get(String name) {
            for (Capture c : captures) {
                if (c.name().equals(name)) {
                    return c;
                }
            }
            return null;
        }

        /** The first capture (the pattern's outer node when it is captured first). */
        public Capture first() {
            return captures.get(0);
        }
    }

    /** Every match under {@code root}, in the order tree-sitter reports them. */
    public List<Match> matches(TSNode root) {
        List<Match> out = new ArrayList<>();
        try (TSQueryCursor cursor = new TSQueryCursor()) {
            cursor.exec(query, root);
            TSQueryMatch match = new TSQueryMatch();
            while (cursor.nextMatch(match)) {
                TSQueryCapture[] captures = match.getCaptures();
                List<Capture> list = new ArrayList<>(captures.length);
                for (TSQueryCapture c : captures) {
                    TSNode node = c.getNode();
                    list.add(new Capture(names[c.getIndex()], node, TSNodes.start(node), TSNodes.end(node)));
                }
                out.add(new Match(list));
            }
        }
        return out;
    }
}
