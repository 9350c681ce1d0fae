package dev.graphmemory.queries.paths;

/**
 * Translates a glob over repository-relative paths ({@code /} separators) into a regex, for the
 * knowledge-document globs and the gap-detection settings alike.
 *
 * <p>Own translation rather than {@code FileSystem.getPathMatcher("glob:...")}: there
 * {@code **}{@code /} needs at least one folder and separators follow the platform, while a glob
 * such as {@code work-units/**}{@code /*.md} must also match {@code work-units/WU-1.md} on every
 * platform. Supported: {@code **} (any folders, including none when followed by {@code /}),
 * {@code *} and {@code ?} (within one path segment), {@code {a,b}} and {@code [abc]} /
 * {@code [!abc]}; every other character stands for itself.
 */
public final class Globs {
    private Globs() {}

    /**
     * Translates one glob; throws {@link IllegalArgumentException} naming it.
     *
     * @param what how the glob is named in that message, e.g. {@code knowledge glob}
     */
    public static String toRegex(String glob, String what) {
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
                i = charClass(glob, i, out, what);
            } else if (Character.isLetterOrDigit(c)) {
                out.append(c);
            } else {
                out.append('\\').append(c);
            }
        }
        if (inBraces) {
            throw new IllegalArgumentException(what + " '" + glob + "' has a '{' without its '}'");
        }
        return out.toString();
    }

    private static int charClass(String glob, int open, StringBuilder out, String what) {
        int close = glob.indexOf(']', open + 1);
        if (close < 0) {
            throw new IllegalArgumentException(what + " '" + glob + "' has a '[' without its ']'");
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
