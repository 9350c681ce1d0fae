package dev.graphmemory.indexer.lang.ecma;

import dev.graphmemory.indexer.lang.RepoPath;
import java.util.List;
import java.util.Set;

/** File-name rules of TypeScript and JavaScript: languages, tests, resolution order. */
final class EcmaNames {
    static final Set<String> TS = Set.of(".ts", ".mts", ".cts");
    static final Set<String> JS = Set.of(".js", ".jsx", ".mjs", ".cjs");
    /** Extensions tried, in order, for a specifier without one (TypeScript's order, then JavaScript's). */
    static final List<String> RESOLVE_ORDER =
            List.of(".ts", ".tsx", ".d.ts", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs");

    private EcmaNames() {}

    static boolean accepts(String path) {
        String ext = RepoPath.extension(path);
        return TS.contains(ext) || JS.contains(ext) || ext.equals(".tsx") || EcmaComponents.EXTENSIONS.contains(ext);
    }

    /** {@code typescript}, {@code javascript}, or a component's framework ({@code vue}, {@code svelte}, {@code astro}). */
    static String language(String path) {
        String ext = RepoPath.extension(path);
        if (EcmaComponents.EXTENSIONS.contains(ext)) {
            return ext.substring(1);
        }
        return JS.contains(ext) ? "javascript" : "typescript";
    }

    static boolean test(String path) {
        String name = RepoPath.fileName(path);
        if (name.matches(".*\\.(test|spec)\\.[cm]?[jt]sx?$")) {
            return true;
        }
        for (String dir : RepoPath.parent(path).split("/")) {
            if (dir.equals("__tests__") || dir.equals("__tests_dts__") || dir.equals("test") || dir.equals("tests")) {
                return true;
            }
        }
        return false;
    }
}
