package dev.graphmemory.indexer.lang;

import java.util.ArrayList;
import java.util.List;

/** Small readers of source text shared by the plugins: lists split at top-level commas, callees. */
public final class CodeText {
    private CodeText() {}

    /** Splits on commas outside brackets and strings. */
    public static List<String> splitTopLevel(String s) {

        List<String> out = new ArrayList<>();
        int depth = 0;
        int from = 0;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(s.substring(from, i));
                from = i + 1;
            }
        }
        out.add(s.substring(from));
        return out;
    }

    /**
     * Where a value starting at {@code from} ends: the first of {@code stops} outside brackets and
     * strings, or a closing bracket that closes none opened after {@code from}; the text's length
     * when neither comes.
     */
    public static int valueEnd(String s, int from, String stops) {
        int depth = 0;
        char quote = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'' || c == '`') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            } else if (depth == 0 && stops.indexOf(c) >= 0) {
                return i;
            }
        }
        return s.length();
    }

    /** The index of {@code wanted} outside brackets, or -1. */
    public static int indexTopLevel(String s, char wanted) {

        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == wanted && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The callee as written, argument lists and subscripts emptied: {@code a.b().c}, {@code str.join}. */
    public static String calleeText(String text) {

        StringBuilder sb = new StringBuilder();
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                    if (depth == 0) {
                        sb.append("str");
                    }
                }
                continue;
            }
            if ((c == '"' || c == '\'')) {
                quote = c;
                continue;
            }
            if (c == '(' || c == '[') {
                if (depth++ == 0) {
                    sb.append(c);
                }
            } else if (c == ')' || c == ']') {
                if (--depth == 0) {
                    sb.append(c);
                }
            } else if (depth == 0 && !Character.isWhitespace(c) && c != '\\') {
                sb.append(c);
            }
        }
        String out = sb.toString().replaceAll("^(str)+", "str");
        return out.length() > 200 ? out.substring(0, 200) : out;
    }
}
