package dev.graphmemory.indexer.lang;

import java.util.function.Function;
import org.treesitter.TSInputEncoding;
import org.treesitter.TSLanguage;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSTree;

/**
 * One tree-sitter grammar with a parser per thread.
 *
 * <p>Design notes: a {@link TSParser} is not thread-safe, and creating one per file costs more
 * than parsing a small file, so each parser thread keeps its own. The grammar itself is immutable
 * and shared. Trees are closed as soon as the caller has read them, so native memory does not
 * wait for the garbage collector.
 */
public final class TreeSitter {
    private final TSLanguage language;
    private final ThreadLocal<TSParser> parsers;

    public TreeSitter(TSLanguage language) {
        this.language = language;
        this.parsers = ThreadLocal.withInitial(() -> {
            TSParser parser = new TSParser();
            if (!parser.setLanguage(language)) {
                throw new IllegalStateException("tree-sitter refused the grammar " + language.name());
            }
            return parser;
        });
    }

    /** Parses {@code text} and applies {@code reader} to the root node while the tree is alive. */
    public <T> T parse(String text, Function<TSNode, T> reader) {
        TSParser parser = parsers.get();
        TSTree tree = parser.parseStringEncoding(null, text, TSInputEncoding.TSInputEncodingUTF8);
        if (tree == null) {
            parser.reset();
            throw new IllegalStateException("tree-sitter returned no tree");
        }
        try {
            return reader.apply(tree.getRootNode());
        } finally {
            tree.close();
        }
    }

    /** The grammar. */
    public TSLanguage language() {
        return language;
    }
}
