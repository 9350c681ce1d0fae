package dev.graphmemory.indexer.knowledge;

import dev.graphmemory.queries.paths.Globs;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Matches repository-relative paths against the knowledge globs (syntax: {@link Globs}). */
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
        return Globs.toRegex(glob, "knowledge glob");
    }
}
