package dev.graphmemory.indexer.knowledge;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Matches repository-relative paths ({@code /} separators) against globs.
 *
 * <p>Own translation to a regex rather than {@code FileSystem.getPathMatcher("glob:...")}: there
 * {@code **}{@code /} needs at least one folder and separators follow the platform, while a
 * knowledge glob such as {@code work-units/**}{@code /*.md} must also match
 * {@code work-units/WU-1.md} on every platform. Supported: {@code **} (any folders, including
 * none when followed by {@code /}), {@code *} and {@code ?} (within one path segment),
 * {@code {a,b}} and {@code [abc]} / {@code [!abc]}.
 */
final class GlobMatcher {
    private final Pattern pattern;

    private GlobMatcher(Pattern pattern) {
        this.pattern = pattern;
    }

    /** One matcher that accepts a path when any of the globs does. */
    static GlobMatcher anyOf(List<String> globs) {
        StringBuilder regex = new StringBuilder();
        for (String glob : globs) {
            if (!regex.isEmpty()) {
                regex.append('|');
            }
            regex.append("(?:").append(toRegex(glob)).append(')');
        }
        try {
            return new GlobMatcher(Pattern.compile(regex.toString()));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("knowledge glob does not compile: " + globs, e);
        }
    }

    boolean matches(String path) {
        return pattern.matcher(path).matches();
    }

    /** Translates one glob; throws {@link IllegalArgumentException} naming the glob. */
    static String toRegex(String glob) {
        StringBuilder out = new StringBuilder();
        boolean inBraces = false;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && glob.startsWith("**/", i)) {
                out.append("(?:.*/)?");
                i += 2;
            } else if (c == '*' && glob.startsWith("**", i)) {
                out.append(".*");
                i++;
            } else if (c == '*') {
                out.append("[^/]*");
            } else if (c == '?') {
                out.append("[^/]");
            } else if (c == '{' && !inBraces) {
                inBraces = true;
                out.append("(?:");
            } else if (c == '}' && inBraces) {
                inBraces = false;
                out.append(')');
            } else if (c == ',' && inBraces) {
                out.append('|');
            } else if (c == '[') {
                i = charClass(glob, i, out);
            } else if (Character.isLetterOrDigit(c)) {
                out.append(c);
            } else {
                out.append('\\').append(c);
            }
        }
        if (inBraces) {
            throw new IllegalArgumentException("knowledge glob '" + glob + "' has a '{' without its '}'");
        }
        return out.toString();
    }

    private static int charClass(String glob, int open, StringBuilder out) {
        int close = glob.indexOf(']', open + 1);
        if (close < 0) {
            throw new IllegalArgumentException("knowledge glob '" + glob + "' has a '[' without its ']'");
        }
        String body = glob.substring(open + 1, close);
        out.append('[');
        if (body.startsWith("!")) {
            out.append('^');
            body = body.substring(1);
        }
        for (char c : body.toCharArray()) {
            out.append(Character.isLetterOrDigit(c) || c == '-' ? String.valueOf(c) : "\\" + c);
        }
        out.append(']');
        return close;
    }
}
