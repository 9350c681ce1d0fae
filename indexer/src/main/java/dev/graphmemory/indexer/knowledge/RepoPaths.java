package dev.graphmemory.indexer.knowledge;

import java.util.Locale;

/** Repository-relative path helpers shared by the knowledge reader and linker. */
final class RepoPaths {
    private RepoPaths() {}

    /** Backslashes to {@code /}, no leading {@code ./} or {@code /}, no doubled or trailing {@code /}. */
    static String normalise(String path) {
        String p = path.strip().replace('\\', '/');
        while (p.contains("//")) {
            p = p.replace("//", "/");
        }
        while (p.startsWith("./") || p.startsWith("/")) {
            p = p.substring(p.startsWith("./") ? 2 : 1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    /** The last segment of the path. */
    static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The language stored on a module created for a non-source path, from its extension. */
    static String language(String path) {
        String name = fileName(path);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return switch (ext) {
            case "java" -> "java";
            case "py" -> "python";
            case "js", "mjs", "cjs", "jsx" -> "javascript";
            case "ts", "tsx" -> "typescript";
            case "kt", "kts" -> "kotlin";
            case "go" -> "go";
            case "rs" -> "rust";
            case "rb" -> "ruby";
            case "c", "h" -> "c";
            case "cc", "cpp", "hpp" -> "cpp";
            case "cs" -> "csharp";
            case "sh", "bash" -> "shell";
            case "xml" -> "xml";
            case "yml", "yaml" -> "yaml";
            case "json" -> "json";
            case "toml" -> "toml";
            case "md" -> "markdown";
            case "sql" -> "sql";
            case "gradle" -> "gradle";
            case "properties" -> "properties";
            default -> "other";
        };
    }
}
