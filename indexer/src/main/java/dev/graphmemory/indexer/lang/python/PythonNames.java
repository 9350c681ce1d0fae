package dev.graphmemory.indexer.lang.python;

import dev.graphmemory.indexer.lang.RepoPath;
import java.util.List;
import java.util.Set;

/** Python naming rules that depend only on a file's path: dotted names, tests, entry-point names. */
final class PythonNames {
    /** Runs of whitespace and line comments, compiled once: signatures and imports are normalised per function. */
    static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    static final java.util.regex.Pattern COMMENT = java.util.regex.Pattern.compile("#[^\\n]*");

    private static final Set<String> HEURISTIC_ENTRY_NAMES = Set.of("cli.py", "main.py");

    private PythonNames() {}

    /** Whether the file is a stub ({@code .pyi}). */
    static boolean stub(String path) {
        return path.endsWith(".pyi");
    }

    /** Whether the file is a package's {@code __init__}. */
    static boolean packageInit(String path) {
        String name = RepoPath.fileName(path);
        return name.equals("__init__.py") || name.equals("__init__.pyi");
    }

    /**
     * The dotted name derived from the whole path ({@code src/pkg/mod.py} → {@code src.pkg.mod}):
     * unique per file, so it prefixes class and function keys. The importable name, which depends
     * on where packages start, is computed when linking.
     */
    static String pathDotted(String path) {
        String p = path.substring(0, path.lastIndexOf('.'));
        if (p.equals("__init__")) {
            return "__init__";
        }
        if (p.endsWith("/__init__")) {
            p = p.substring(0, p.length() - "/__init__".length());
        }
        return p.replace('/', '.');
    }

    /** Whether pytest and unittest conventions make this a test module. */
    static boolean test(String path) {
        String name = RepoPath.fileName(path);
        // tests.py: a Django app's tests module, found by unittest's discovery pattern test*.py
        if (name.startsWith("test_")
                || name.endsWith("_test.py")
                || name.equals("conftest.py")
                || name.equals("tests.py")) {
            return true;
        }
        for (String dir : List.of(RepoPath.parent(path).split("/"))) {
            if (dir.equals("tests") || dir.equals("test")) {
                return true;
            }
        }
        return false;
    }

    /** The entry-point kind a file name alone suggests, or {@code null}. */
    static String entryKindByName(String path) {
        String name = RepoPath.fileName(path);
        if (name.equals("__main__.py")) {
            return "dunder_main";
        }
        if (HEURISTIC_ENTRY_NAMES.contains(name) || name.endsWith("_runner.py")) {
            return "heuristic_name";
        }
        return null;
    }
}
