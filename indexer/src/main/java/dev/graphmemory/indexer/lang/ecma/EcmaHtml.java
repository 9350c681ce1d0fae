package dev.graphmemory.indexer.lang.ecma;

import dev.graphmemory.indexer.lang.RepoPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scripts an HTML page loads: the {@code src} of every {@code <script>} (module or classic)
 * and the imports of inline {@code <script type="module">} blocks, as Vite, Parcel and plain ES
 * module pages start an app. Remote scripts ({@code https:}, {@code //}) are left out.
 */
final class EcmaHtml {
    /**
     * Folders whose pages are build output, installed code or test data, not an app's own page
     * (a Java library's test resources can hold megabytes of saved web pages).
     */
    private static final Set<String> OUTPUT = Set.of(
            "node_modules",
            "dist",
            "build",
            "out",
            "coverage",
            "target",
            "test",
            "tests",
            "__tests__",
            "testdata",
            "test-data",
            "fixtures",
            "__fixtures__");

    private static final Pattern SCRIPT =
            Pattern.compile("<script\\b([^>]*)>(.*?)</script\\s*>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern SRC =
            Pattern.compile("\\bsrc\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))", Pattern.CASE_INSENSITIVE);
    private static final Pattern MODULE = Pattern.compile("\\btype\\s*=\\s*[\"']?module\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_IMPORT = Pattern.compile(
            "(?:\\bimport\\s*(?:[\\w*{}\\s,$]+\\s*from\\s*)?|\\bimport\\s*\\(\\s*|\\bexport\\s*[*{][^;]*?from\\s*)"
                    + "[\"']([^\"'\\n]+)[\"']");

    private EcmaHtml() {}

    static boolean wanted(String path) {
        String ext = RepoPath.extension(path).toLowerCase(Locale.ROOT);
        if (!ext.equals(".html") && !ext.equals(".htm")) {
            return false;
        }
        for (String dir : RepoPath.parent(path).split("/")) {
            if (OUTPUT.contains(dir)) {
                return false;
            }
        }
        return true;
    }

    /** The specifiers the page loads, as written ({@code /src/main.tsx}, {@code ./app.js}). */
    static List<String> scripts(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = SCRIPT.matcher(html);
        while (m.find()) {
            Matcher src = SRC.matcher(m.group(1));
            if (src.find()) {
                String v = src.group(1) != null ? src.group(1) : src.group(2) != null ? src.group(2) : src.group(3);
                add(out, v.strip());
            } else if (MODULE.matcher(m.group(1)).find()) {
                Matcher imp = INLINE_IMPORT.matcher(m.group(2));
                while (imp.find()) {
                    add(out, imp.group(1));
                }
            }
        }
        return out;
    }

    private static void add(List<String> out, String spec) {
        String s = spec.replaceAll("[?#].*$", "");
        if (s.isEmpty()
                || s.startsWith("//")
                || s.contains("://")
                || s.startsWith("data:")
                || s.contains("%")
                || s.contains("{")
                || out.contains(s)) {
            return;
        }
        out.add(s);
    }

    /**
     * The candidate repository paths of a script the page at {@code page} loads, nearest first: a
     * relative one from the page's folder; a root-relative one ({@code /src/main.tsx}) from the
     * page's folder and then each folder above it, since the server's root (Vite's {@code root},
     * the site's) is the page's folder or one of its ancestors ({@code public/} pages included).
     */
    static List<String> candidates(String page, String spec) {
        String dir = RepoPath.parent(page);
        List<String> out = new ArrayList<>();
        if (!spec.startsWith("/")) {
            String p = RepoPath.resolve(dir, spec.startsWith("./") || spec.startsWith("../") ? spec : "./" + spec);
            if (p != null) {
                out.add(p);
            }
            return out;
        }
        for (String d = dir; d != null; d = d.isEmpty() ? null : RepoPath.parent(d)) {
            String p = RepoPath.resolve(d, "." + spec);
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }
}
