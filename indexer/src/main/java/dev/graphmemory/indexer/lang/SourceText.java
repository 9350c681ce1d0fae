package dev.graphmemory.indexer.lang;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.treesitter.TSNode;
import org.treesitter.TSNodes;

/**
 * A file's text and the mapping from tree-sitter byte offsets to Java string indices.
 *
 * <p>Design notes: the binding hands the text to tree-sitter as JNI "modified UTF-8", in which
 * every Java {@code char} takes 1, 2 or 3 bytes ({@code \0} and each surrogate included), so the
 * mapping is per {@code char}. Pure-ASCII files, the common case, need no table at all.
 */
public final class SourceText {
    private final String text;
    /** Byte offset at which each char starts (plus the end), or {@code null} for ASCII text. */
    private final int[] byteOfChar;
    /** Index at which each line starts, built when first needed. */
    private int[] lineStarts;

    public SourceText(String text) {
        this.text = text;
        this.byteOfChar = ascii(text) ? null : table(text);
    }

    /** The whole text. */
    public String text() {
        return text;
    }

    /** The text a node spans. */
    public String of(TSNode node) {
        return text.substring(index(TSNodes.start(node)), index(TSNodes.end(node)));
    }

    /** The text between two byte offsets. */
    public String between(int startByte, int endByte) {
        return text.substring(index(startByte), index(endByte));
    }

    /** The string index of a byte offset. */
    public int index(int byteOffset) {
        if (byteOfChar == null) {
            return Math.min(byteOffset, text.length());
        }
        int i = Arrays.binarySearch(byteOfChar, byteOffset);
        return i >= 0 ? i : Math.min(-i - 2, text.length());
    }

    /** The 1-based line of a byte offset, computed without asking tree-sitter. */
    public int lineOfByte(int byteOffset) {
        if (lineStarts == null) {
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    starts.add(i + 1);
                }
            }
            lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }
        int i = Arrays.binarySearch(lineStarts, index(byteOffset));
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** The 1-based line a node starts on. */
    public static int startLine(TSNode node) {
        return node.getStartPoint().getRow() + 1;
    }

    /** The 1-based line a node ends on. */
    public static int endLine(TSNode node) {
        return node.getEndPoint().getRow() + 1;
    }

    /** Number of lines in the text (a final line without newline counts). */
    public int lineCount() {
        if (text.isEmpty()) {
            return 0;
        }
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return text.charAt(text.length() - 1) == '\n' ? n : n + 1;
    }

    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0 || c > 0x7F) {
                return false;
            }
        }
        return true;
    }

    private static int[] table(String s) {
        int[] t = new int[s.length() + 1];
        int b = 0;
        for (int i = 0; i < s.length(); i++) {
            t[i] = b;
            char c = s.charAt(i);
            b += c != 0 && c <= 0x7F ? 1 : c <= 0x7FF ? 2 : 3;
        }
        t[s.length()] = b;
        return t;
    }
}
