package dev.graphmemory.queries.where;

import dev.graphmemory.queries.find.Levenshtein;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/** Wording shared by the where-DSL errors: quoting caller input, JSON paths, "did you mean", value kinds. */
final class Messages {
    /** Longest piece of caller input echoed in a message; the rest is cut. */
    static final int MAX_ECHO = 64;
    /** Most valid names listed in one message. */
    static final int MAX_LISTED = 60;

    private Messages() {}

    /** Caller input in single quotes, cut to {@link #MAX_ECHO} characters, invisible characters escaped. */
    static String quote(String input) {
        StringBuilder out = new StringBuilder("'");
        int shown = 0;
        for (int i = 0; i < input.length(); ) {
            int cp = input.codePointAt(i);
            i += Character.charCount(cp);
            if (shown++ == MAX_ECHO) {
                out.append("...");
                break;
            }
            if (visible(cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append(String.format(Locale.ROOT, "\\u%04X", cp));
            }
        }
        return out.append('\'').toString();
    }

    /** {@code at $or[1].path}, or {@code at the top level} for the empty path. */
    static String at(String path) {
        return path.isEmpty() ? "at the top level" : "at " + path;
    }

    /** The path of a member of the object at {@code path}. */
    static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** {@code did you mean 'path'? } when a valid name is close to the input, else empty. */
    static String didYouMean(String input, Collection<String> valid) {
        return closest(input, valid).map(s -> "did you mean " + quote(s) + "? ").orElse("");
    }

    /** The names, comma-separated, at most {@link #MAX_LISTED} of them. */
    static String list(Collection<String> names) {
        if (names.isEmpty()) {
            return "(none)";
        }
        String shown = names.stream().limit(MAX_LISTED).collect(Collectors.joining(", "));
        int more = names.size() - MAX_LISTED;
        return more > 0 ? shown + ", ... (" + more + " more)" : shown;
    }

    /** What a JSON value is, for "expected X, got Y": {@code a string}, {@code an empty array}, ... */
    static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        return switch (value.getNodeType()) {
            case OBJECT -> value.isEmpty() ? "an empty object" : "an object";
            case ARRAY -> value.isEmpty() ? "an empty array" : "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "an unsupported value";
        };
    }

    /** The valid name nearest to the input by edit distance, ignoring case, if it is near enough. */
    static Optional<String> closest(String input, Collection<String> valid) {
        if (input.length() > 2 * MAX_ECHO) {
            return Optional.empty();
        }
        String typed = input.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : valid) {
            String candidate = name.toLowerCase(Locale.ROOT);
            int distance =
                    typed.length() >= 3 && candidate.startsWith(typed) ? 1 : Levenshtein.distance(typed, candidate);
            if (distance < bestDistance) {
                best = name;
                bestDistance = distance;
            }
        }
        int allowed = typed.length() <= 4 ? 1 : typed.length() <= 8 ? 2 : 3;
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    private static boolean visible(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.SURROGATE,
                    Character.PRIVATE_USE,
                    Character.UNASSIGNED,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }
}
