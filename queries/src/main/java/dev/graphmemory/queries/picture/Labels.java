package dev.graphmemory.queries.picture;

/** Label text made safe to escape: one line, no control characters, at most {@link #MAX} characters. */
final class Labels {
    /** Longest label drawn; a longer one ends in an ellipsis. */
    static final int MAX = 60;

    private Labels() {}

    /** {@code text} on one line: line breaks, tabs and other control characters become spaces. */
    static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean control = Character.isISOControl(c)
                    || c == 0x2028
                    || c == 0x2029
                    || Character.getType(c) == Character.SURROGATE
                    || c == 0xFFFE
                    || c == 0xFFFF;
            out.appendCodePoint(control ? ' ' : c);
        });
        return out.toString().strip();
    }

    /** A label as drawn: one line, cut to {@link #MAX} characters. */
    static String of(String text) {
        String line = oneLine(text);
        if (line.codePointCount(0, line.length()) <= MAX) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, MAX - 1)) + "…";
    }
}
