package dev.graphmemory.queries.cypher;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a caller's Cypher into tokens for {@link LexicalCheck}: words, backtick-quoted names,
 * string literals, numbers, parameters and single symbols, with comments and whitespace dropped.
 *
 * <p>Design notes. The check is only as good as its agreement with Neo4j's own lexer, so where the
 * two might differ this one errs towards seeing more code, never less: a word is letters, digits and
 * {@code _} only, so every other character ends one (Neo4j's identifiers may be longer, never
 * shorter); a {@code //} comment ends at any line terminator Neo4j might honour; block comments do
 * not nest; a backslash outside a string literal is refused, since it could only be a unicode escape
 * spelling a keyword; an unterminated string, name or comment is refused rather than guessed at.
 * Keywords themselves are ASCII, so a word that Neo4j reads as a keyword is a word here too.
 */
final class CypherLexer {
    /** What a token is. */
    enum Kind {
        WORD,
        QUOTED_NAME,
        STRING,
        NUMBER,
        PARAMETER,
        SYMBOL
    }

    /** One token: its kind, its text (a quoted name or string without its quotes), where it starts. */
    record Token(Kind kind, String text, int offset) {
        boolean isWord(String keyword) {
            return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
        }

        boolean isSymbol(char c) {
            return kind == Kind.SYMBOL && text.length() == 1 && text.charAt(0) == c;
        }

        /** A word or a backtick-quoted name: something that can be a name. */
        boolean isName() {
            return kind == Kind.WORD || kind == Kind.QUOTED_NAME;
        }
    }

    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;

    private CypherLexer(String text) {
        this.text = text;
    }

    /** The tokens of {@code cypher}; throws {@link QueryRefusedException} where it cannot be read safely. */
    static List<Token> tokens(String cypher) {
        CypherLexer lexer = new CypherLexer(cypher);
        lexer.scan();
        return List.copyOf(lexer.tokens);
    }

    private void scan() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pos++;
            } else if (text.startsWith("//", pos)) {
                lineComment();
            } else if (text.startsWith("/*", pos)) {
                blockComment();
            } else if (c == '\'' || c == '"') {
                string(c);
            } else if (c == '`') {
                tokens.add(new Token(Kind.QUOTED_NAME, quotedName(), pos));
            } else if (c == '$') {
                parameter();
            } else if (isWordChar(c) && !Character.isDigit(c)) {
                int start = pos;
                while (pos < text.length() && isWordChar(text.charAt(pos))) {
                    pos++;
                }
                tokens.add(new Token(Kind.WORD, text.substring(start, pos), start));
            } else if (Character.isDigit(c)) {
                int start = pos;
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
                tokens.add(new Token(Kind.NUMBER, text.substring(start, pos), start));
            } else if (c == '\\') {
                throw new QueryRefusedException("refused: a backslash outside a string literal (at offset " + pos
                        + ") is not accepted; unicode escapes belong inside strings only. "
                        + ReadPolicy.WHAT_IS_ALLOWED);
            } else {
                int cp = text.codePointAt(pos);
                String symbol = new String(Character.toChars(cp));
                tokens.add(new Token(Kind.SYMBOL, symbol, pos));
                pos += symbol.length();
            }
        }
    }

    private static boolean isWordChar(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    private void lineComment() {
        while (pos < text.length() && !isLineEnd(text.charAt(pos))) {
            pos++;
        }
    }

    private static boolean isLineEnd(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private void blockComment() {
        int end = text.indexOf("*/", pos + 2);
        if (end < 0) {
            throw unterminated("comment /*", pos);
        }
        pos = end + 2;
    }

    private void string(char quote) {
        int start = pos;
        StringBuilder out = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\\' && pos + 1 < text.length()) {
                out.append(c).append(text.charAt(pos + 1));
                pos += 2;
            } else if (c == quote) {
                pos++;
                tokens.add(new Token(Kind.STRING, out.toString(), start));
                return;
            } else {
                out.append(c);
                pos++;
            }
        }
        throw unterminated("string literal", start);
    }

    /** A backtick-quoted name; a doubled backtick inside stands for one. */
    private String quotedName() {
        int start = pos;
        StringBuilder out = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '`') {
                if (pos + 1 < text.length() && text.charAt(pos + 1) == '`') {
                    out.append('`');
                    pos += 2;
                    continue;
                }
                pos++;
                return out.toString();
            }
            out.append(c);
            pos++;
        }
        throw unterminated("backtick-quoted name", start);
    }

    private void parameter() {
        int start = pos;
        pos++;
        String name;
        if (pos < text.length() && text.charAt(pos) == '`') {
            name = quotedName();
        } else {
            int from = pos;
            while (pos < text.length() && isWordChar(text.charAt(pos))) {
                pos++;
            }
            name = text.substring(from, pos);
        }
        tokens.add(new Token(Kind.PARAMETER, name, start));
    }

    private static QueryRefusedException unterminated(String what, int offset) {
        return new QueryRefusedException(
                "the query failed: the " + what + " starting at offset " + offset + " is never closed");
    }
}
