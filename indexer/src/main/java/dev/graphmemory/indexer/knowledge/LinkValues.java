package dev.graphmemory.indexer.knowledge;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads link fields ({@code dependencies}, {@code files_changed}, {@code affects}, {@code
 * caused_by}) into lists of strings. A field may be a YAML list or one comma-separated string; a
 * list entry that is a map contributes its {@code id}, {@code path} or {@code file} value; entries
 * such as {@code none}, {@code n/a} or {@code TBD} are dropped.
 */
final class LinkValues {
    /** Entries that say "nothing" rather than name something, e.g. {@code dependencies: none}. */
    private static final Set<String> PLACEHOLDERS = Set.of("none", "n/a", "na", "-", "tbd", "todo", "null", "~");

    private static final Pattern SEPARATOR = Pattern.compile("[,\\n]");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern TRAILING_REMARK = Pattern.compile("\\s+\\([^)]*\\)$");

    private LinkValues() {}

    /** The entries, trimmed, without surrounding backticks or quotes, empty ones dropped, no duplicates. */
    static List<String> entries(Object raw) {
        Set<String> out = new LinkedHashSet<>();
        if (raw instanceof String s) {
            for (String part : SEPARATOR.split(s)) {
                add(out, part);
            }
        } else if (raw instanceof Collection<?> list) {
            for (Object e : list) {
                if (e instanceof Map<?, ?> m) {
                    add(out, first(m, "id", "path", "file"));
                } else if (!(e instanceof Collection<?>)) {
                    add(out, PropertyValues.text(e));
                }
            }
        } else if (raw != null && !(raw instanceof Map<?, ?>)) {
            add(out, PropertyValues.text(raw));
        }
        return List.copyOf(out);
    }

    /** Entries that are ids: only the first word counts ({@code WU-12 (auth)} → {@code WU-12}). */
    static List<String> ids(Object raw) {
        Set<String> out = new LinkedHashSet<>();
        for (String e : entries(raw)) {
            out.add(WHITESPACE.split(e, 2)[0]);
        }
        return List.copyOf(out);
    }

    /** Entries that are paths, normalised, with a trailing remark such as {@code (new)} dropped. */
    static List<String> paths(Object raw) {
        Set<String> out = new LinkedHashSet<>();
        for (String e : entries(raw)) {
            String p = RepoPaths.normalise(TRAILING_REMARK.matcher(e).replaceFirst(""));
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    private static String first(Map<?, ?> m, String... keys) {
        for (String k : keys) {
            if (m.get(k) != null) {
                return PropertyValues.text(m.get(k));
            }
        }
        return null;
    }

    private static void add(Set<String> out, String value) {
        if (value == null) {
            return;
        }
        String v = value.strip();
        while (v.length() >= 2 && isQuote(v.charAt(0)) && v.charAt(v.length() - 1) == v.charAt(0)) {
            v = v.substring(1, v.length() - 1).strip();
        }
        if (!v.isEmpty() && !PLACEHOLDERS.contains(v.toLowerCase(Locale.ROOT))) {
            out.add(v);
        }
    }

    private static boolean isQuote(char c) {
        return c == '`' || c == '"' || c == '\'';
    }
}
