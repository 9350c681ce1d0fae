package dev.graphmemory.queries.workflow.gaps;

import dev.graphmemory.queries.find.ToolException;
import dev.graphmemory.queries.paths.Globs;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Matches repository-relative paths against the gap settings' globs (syntax: {@link Globs}). A glob without
 * any wildcard also matches everything below it as a folder ({@code src/legacy} covers
 * {@code src/legacy/A.java}).
 */
final class PathGlob {
    private final Pattern pattern;

    private PathGlob(Pattern pattern) {
        this.pattern = pattern;
    }

    /** A matcher accepting a path when any glob does; none matches nothing. */
    static PathGlob anyOf(List<String> globs, String setting) {
        if (globs.isEmpty()) {
            return new PathGlob(Pattern.compile("(?!)"));
        }
        StringBuilder regex = new StringBuilder();
        for (String glob : globs) {
            if (glob == null || glob.isBlank()) {
                throw new ToolException(setting + ": a glob is empty; give repository-relative path globs such as"
                        + " src/main/java/com/acme/jobs/** or scripts/*.py");
            }
            String g = glob.strip().replace('\\', '/');
            g = g.startsWith("./") ? g.substring(2) : g;
            if (!regex.isEmpty()) {
                regex.append('|');
            }
            try {
                regex.append("(?:").append(Globs.toRegex(g, setting + " glob")).append(')');
            } catch (IllegalArgumentException e) {
                throw new ToolException(e.getMessage());
            }
            if (!g.matches(".*[*?{\\[].*")) {
                regex.append("|(?:")
                        .append(Pattern.quote(g.endsWith("/") ? g : g + "/"))
                        .append(".*)");
            }
        }
        try {
            return new PathGlob(Pattern.compile(regex.toString()));
        } catch (PatternSyntaxException e) {
            throw new ToolException(setting + ": glob does not compile: " + globs + " (" + e.getDescription() + ")");
        }
    }

    boolean matches(String path) {
        return pattern.matcher(path).matches();
    }
}
