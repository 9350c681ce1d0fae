package dev.graphmemory.indexer.build;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Groovy or Kotlin build script prepared for text-level reading: {@code code} is the script with
 * its comments blanked, {@code skeleton} has the contents of its string literals blanked too. Both
 * keep every offset and line break of the original, so a match found in one is at the same place in
 * the other: search the skeleton for structure (keywords, braces), read literals from the code.
 *
 * <p>Strings: {@code "..."}, {@code '...'} and their triple-quoted forms, with backslash escapes.
 * Groovy slashy strings ({@code /.../}) are taken for code: telling them from a division needs a
 * parser, and they hardly occur in build scripts.
 */
record ScriptText(String code, String skeleton) {
    /** A one-line string literal without escapes; group 1 or 2 is its content. */
    static final String STRING = "(?:\"([^\"\\\\\\n]*)\"|'([^'\\\\\\n]*)')";

    private static final Pattern STRING_AT = Pattern.compile(STRING);

    /**
     * @param kotlin whether block comments nest, as in Kotlin (in Groovy the first {@code *}{@code /}
     *     ends one)
     */
    static ScriptText of(String text, boolean kotlin) {
        char[] code = text.toCharArray();
        char[] skeleton = text.toCharArray();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            char next = i + 1 < n ? text.charAt(i + 1) : 0;
            if (c == '/' && next == '/') {
                int end = text.indexOf('\n', i);
                end = end < 0 ? n : end;
                blank(code, i, end);
                blank(skeleton, i, end);
                i = end;
            } else if (c == '/' && next == '*') {
                int end = blockCommentEnd(text, i, kotlin);
                blank(code, i, end);
                blank(skeleton, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                String quote = text.startsWith(String.valueOf(c).repeat(3), i)
                        ? String.valueOf(c).repeat(3)
                        : "" + c;
                int start = i + quote.length();
                int end = stringEnd(text, start, quote);
                blank(skeleton, start, end);
                i = text.startsWith(quote, end) ? end + quote.length() : end;
            } else {
                i++;
            }
        }
        return new ScriptText(new String(code), new String(skeleton));
    }

    /**
     * Whether a non-blank character of the code lies outside every string literal (comments are
     * already blank in the code).
     */
    boolean inCode(int offset) {
        return skeleton.charAt(offset) == code.charAt(offset);
    }

    /** The 1-based line of an offset. */
    int line(int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < code.length(); i++) {
            if (code.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The string literal that starts at an offset of the code, or null. */
    Matcher literalAt(int offset) {
        Matcher m = STRING_AT.matcher(code).region(offset, code.length());
        return m.lookingAt() ? m : null;
    }

    /** Whether a literal matched by {@link #STRING} whose groups start at {@code group} took part in the match. */
    static boolean matched(Matcher m, int group) {
        return m.group(group) != null || m.group(group + 1) != null;
    }

    /** The content of a literal matched by {@link #STRING} whose groups start at {@code group}. */
    static String content(Matcher m, int group) {
        return m.group(group) != null ? m.group(group) : m.group(group + 1);
    }

    /** The first offset at or after {@code from} that is not whitespace (line breaks included). */
    int skipSpace(int from) {
        int i = from;
        while (i < code.length() && Character.isWhitespace(code.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int blockCommentEnd(String text, int start, boolean nested) {
        int depth = 0;
        int i = start;
        while (i + 1 < text.length()) {
            if (text.startsWith("/*", i) && (nested || depth == 0)) {
                depth++;
                i += 2;
            } else if (text.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return text.length();
    }

    /** Where the string opened by {@code quote} ends: at its closing quote, or where it breaks off. */
    private static int stringEnd(String text, int start, String quote) {
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (text.startsWith(quote, i)) {
                return i;
            } else if (c == '\n' && quote.length() == 1) {
                return i; // an unterminated one-line string: stop at the line's end
            } else {
                i++;
            }
        }
        return text.length();
    }

    private static void blank(char[] chars, int from, int to) {
        for (int i = from; i < to && i < chars.length; i++) {
            if (chars[i] != '\n') {
                chars[i] = ' ';
            }
        }
    }
}
