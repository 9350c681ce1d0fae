package dev.graphmemory.indexer.knowledge;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which repository files are knowledge documents: markdown files with YAML frontmatter found by
 * these globs (repository-relative, {@code /} separators; {@code **}{@code /} also matches no
 * folder at all).
 *
 * <p>A path accepted here is only a candidate: {@link KnowledgeReader} still skips files such as a
 * folder's {@code README.md} that have no frontmatter and no document id in their name.
 */
public record KnowledgeConfig(List<String> globs) {
    /** The globs used when {@code .graph-memory.yml} names none. */
    public static final List<String> DEFAULT_GLOBS = List.of(
            ".claude/work-units/**/*.md",
            "work-units/**/*.md",
            "docs/adr/**/*.md",
            "docs/decisions/**/*.md",
            "bugs/**/*.md",
            "docs/anti-patterns/**/*.md",
            "anti-patterns/**/*.md");

    // Records hold no derived fields: the compiled matcher is cached per glob list.
    private static final Map<List<String>, GlobMatcher> MATCHERS = new ConcurrentHashMap<>();

    /** Validates the globs; a bad one fails with a message that names it. */
    public KnowledgeConfig {
        globs = List.copyOf(globs);
        for (String glob : globs) {
            if (glob.isBlank()) {
                throw new IllegalArgumentException("knowledge globs: an entry is empty");
            }
            GlobMatcher.toRegex(glob);
        }
        MATCHERS.computeIfAbsent(globs, GlobMatcher::anyOf);
    }

    /** The configuration with {@link #DEFAULT_GLOBS}. */
    public static KnowledgeConfig defaults() {
        return new KnowledgeConfig(DEFAULT_GLOBS);
    }

    /** Whether the file at this repository-relative path is a knowledge-document candidate. */
    public boolean accepts(String repoRelativePath) {
        return MATCHERS.computeIfAbsent(globs, GlobMatcher::anyOf).matches(RepoPaths.normalise(repoRelativePath));
    }
}
