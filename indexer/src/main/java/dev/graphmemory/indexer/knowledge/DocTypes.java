package dev.graphmemory.indexer.knowledge;

import dev.graphmemory.queries.schema.NodeType;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a knowledge document's type and id are found: the {@code type:} word, else the id's prefix,
 * else the folder it lives in; the id from the file name when the frontmatter has none.
 */
final class DocTypes {
    private static final Map<String, NodeType> TYPE_WORDS = Map.ofEntries(
            Map.entry("work_unit", NodeType.WORK_UNIT),
            Map.entry("work-unit", NodeType.WORK_UNIT),
            Map.entry("workunit", NodeType.WORK_UNIT),
            Map.entry("wu", NodeType.WORK_UNIT),
            Map.entry("bug", NodeType.BUG),
            Map.entry("adr", NodeType.ADR),
            Map.entry("decision", NodeType.ADR),
            Map.entry("anti_pattern", NodeType.ANTI_PATTERN),
            Map.entry("anti-pattern", NodeType.ANTI_PATTERN),
            Map.entry("antipattern", NodeType.ANTI_PATTERN));

    private static final Map<String, NodeType> FOLDERS = Map.ofEntries(
            Map.entry("work-units", NodeType.WORK_UNIT),
            Map.entry("work_units", NodeType.WORK_UNIT),
            Map.entry("workunits", NodeType.WORK_UNIT),
            Map.entry("bugs", NodeType.BUG),
            Map.entry("adr", NodeType.ADR),
            Map.entry("adrs", NodeType.ADR),
            Map.entry("decisions", NodeType.ADR),
            Map.entry("anti-patterns", NodeType.ANTI_PATTERN),
            Map.entry("anti_patterns", NodeType.ANTI_PATTERN),
            Map.entry("antipatterns", NodeType.ANTI_PATTERN));

    private static final String PREFIXES = "WU|BUG|ADR|ANTI-PATTERN|AP";
    private static final Pattern PREFIX = Pattern.compile("(?i)^(" + PREFIXES + ")-");

    /**
     * A document id at the start of a file name: a known prefix, any words, then a part starting
     * with a digit ({@code WU-281-fix-auth} → {@code WU-281}, {@code BUG-ARCH-014-x} → {@code
     * BUG-ARCH-014}, {@code WU-hadoop-13277398} as is).
     */
    private static final Pattern FILE_NAME_ID = Pattern.compile("(?i)^(?:" + PREFIXES + ")(?:-[a-z]+)*-[0-9][a-z0-9]*");

    private DocTypes() {}

    /** The type a {@code type:} value names, case-insensitively; empty for any other word. */
    static Optional<NodeType> fromWord(String word) {
        return Optional.ofNullable(TYPE_WORDS.get(word.strip().toLowerCase(Locale.ROOT)));
    }

    /** The type an id's prefix names ({@code WU-}, {@code BUG-}, {@code ADR-}, {@code ANTI-PATTERN-}, {@code AP-}). */
    static Optional<NodeType> fromIdPrefix(String id) {
        Matcher m = PREFIX.matcher(id);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(
                switch (m.group(1).toUpperCase(Locale.ROOT)) {
                    case "WU" -> NodeType.WORK_UNIT;
                    case "BUG" -> NodeType.BUG;
                    case "ADR" -> NodeType.ADR;
                    default -> NodeType.ANTI_PATTERN;
                });
    }

    /** The type the deepest recognised folder of the path names. */
    static Optional<NodeType> fromFolder(String path) {
        String[] parts = path.split("/");
        for (int i = parts.length - 2; i >= 0; i--) {
            NodeType type = FOLDERS.get(parts[i].toLowerCase(Locale.ROOT));
            if (type != null) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The document id a file name starts with, if it starts with one. */
    static Optional<String> idInFileName(String fileName) {
        Matcher m = FILE_NAME_ID.matcher(stripMd(fileName));
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    /** The file name without its {@code .md} extension. */
    static String stripMd(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".md")
                ? fileName.substring(0, fileName.length() - 3)
                : fileName;
    }

    /** Whether this id starts with a known document prefix. */
    static boolean hasKnownPrefix(String id) {
        return PREFIX.matcher(id).find();
    }
}
