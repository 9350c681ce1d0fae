package dev.graphmemory.indexer.knowledge;

/**
 * A markdown file split into its YAML frontmatter and its body.
 *
 * <p>Frontmatter exists when the first line is {@code ---}; it ends at the next line that is
 * {@code ---} (or YAML's {@code ...}). Trailing spaces, a byte-order mark and CRLF line ends are
 * tolerated.
 *
 * @param opened whether the file starts with a frontmatter line
 * @param yaml the frontmatter text, or {@code null} when there is none or it is never closed
 * @param body the markdown after the frontmatter (the whole text when there is none)
 * @param problem why the frontmatter is unusable, or {@code null}
 */
record Frontmatter(boolean opened, String yaml, String body, String problem) {
    /** The file line on which the YAML text starts (the line after the opening {@code ---}). */
    static final int YAML_FIRST_LINE = 2;

    static Frontmatter split(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int firstEnd = lineEnd(t, 0);
        if (!isDelimiter(t.substring(0, firstEnd), false)) {
            return new Frontmatter(false, null, t, null);
        }
        int start = next(t, firstEnd);
        for (int pos = start; pos < t.length(); ) {
            int end = lineEnd(t, pos);
            if (isDelimiter(t.substring(pos, end), true)) {
                return new Frontmatter(true, t.substring(start, pos), t.substring(next(t, end)), null);
            }
            pos = next(t, end);
        }
        return new Frontmatter(
                true,
                null,
                t.substring(Math.min(start, t.length())),
                "the frontmatter opened by '---' on line 1 is never closed: expected a line '---' after it");
    }

    private static boolean isDelimiter(String line, boolean closing) {
        String s = line.stripTrailing();
        return s.equals("---") || (closing && s.equals("..."));
    }

    private static int lineEnd(String t, int from) {
        int nl = t.indexOf('\n', from);
        int end = nl < 0 ? t.length() : nl;
        return end > from && t.charAt(end - 1) == '\r' ? end - 1 : end;
    }

    private static int next(String t, int lineEnd) {
        if (lineEnd < t.length() && t.charAt(lineEnd) == '\r') {
            lineEnd++;
        }
        return Math.min(t.length(), lineEnd + 1);
    }
}
