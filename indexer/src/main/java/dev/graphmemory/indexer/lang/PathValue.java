package dev.graphmemory.indexer.lang;

import dev.graphmemory.indexer.lang.ScriptRef.Anchor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The values a path expression can take under static evaluation, and the operations path code
 * applies to them ({@code /}, {@code join}, {@code .parent}, string concatenation). Language
 * evaluators map their syntax onto these operations; {@link #scriptRefs} turns the values found in
 * a call's arguments into {@link ScriptRef}s.
 */
public sealed interface PathValue {
    /** File extensions of programs a call may run. */
    Set<String> SCRIPT_EXTENSIONS =
            Set.of(".py", ".pyw", ".js", ".mjs", ".cjs", ".ts", ".mts", ".cts", ".tsx", ".jsx", ".sh", ".bash");

    /** A path anchored at the source file, one of its ancestors, or the working directory. */
    record Path(Anchor anchor, int up, List<String> segments) implements PathValue {
        public Path {
            segments = List.copyOf(segments);
        }
    }

    /** A string literal (a whole command line, a relative path, a flag...). */
    record Text(String text) implements PathValue {}

    /** A list of command-line arguments, or a command line split into words. */
    record Words(List<PathValue> items) implements PathValue {
        public Words {
            items = List.copyOf(items);
        }
    }

    /** A value that comes from a parameter of the enclosing function. */
    record Param(String name) implements PathValue {}

    /** The source file itself. */
    static PathValue file() {
        return new Path(Anchor.FILE, 0, List.of());
    }

    /** The source file's directory. */
    static PathValue fileDir() {
        return new Path(Anchor.FILE_DIR, 0, List.of());
    }

    /** The working directory. */
    static PathValue cwd() {
        return new Path(Anchor.CWD, 0, List.of());
    }

    /** The directory containing {@code v}; {@code null} when that makes no sense. */
    static PathValue parent(PathValue v) {
        Path p = asPath(v);
        if (p == null) {
            return null;
        }
        if (p.anchor() == Anchor.FILE) {
            return fileDir();
        }
        if (!p.segments().isEmpty()) {
            return new Path(
                    p.anchor(), p.up(), p.segments().subList(0, p.segments().size() - 1));
        }
        return p.anchor() == Anchor.CWD ? null : new Path(p.anchor(), p.up() + 1, List.of());
    }

    /** {@code v.parents[n]}: the {@code n+1}-th directory above {@code v}. */
    static PathValue parents(PathValue v, int n) {
        PathValue r = v;
        for (int i = 0; i <= n && r != null; i++) {
            r = parent(r);
        }
        return r;
    }

    /** Iterating over {@code v.parents}: any ancestor. */
    static PathValue anyAncestor(PathValue v) {
        PathValue dir = parent(v);
        if (dir instanceof Path p && p.anchor() != Anchor.CWD && p.segments().isEmpty()) {
            return new Path(Anchor.ANY_ANCESTOR, p.up(), List.of());
        }
        return null;
    }

    /** {@code base / part}, {@code os.path.join(base, part)}, {@code path.join(base, part)}. */
    static PathValue join(PathValue base, PathValue part) {
        Path b = asPath(base);
        if (b == null) {
            return null;
        }
        List<String> add;
        if (part instanceof Text t) {
            if (t.text().startsWith("/")) {
                return null;
            }
            add = List.of(t.text().split("/"));
        } else if (part instanceof Path p && p.anchor() == Anchor.CWD && p.up() == 0) {
            add = p.segments();
        } else {
            return null;
        }
        Anchor anchor = b.anchor() == Anchor.FILE ? Anchor.FILE_DIR : b.anchor();
        int up = b.up();
        List<String> segs = new ArrayList<>(b.anchor() == Anchor.FILE ? List.of() : b.segments());
        boolean fileBase = b.anchor() == Anchor.FILE;
        for (String s : add) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                if (fileBase) {
                    fileBase = false; // os.path.join(__file__, "..") is the file's directory
                } else if (!segs.isEmpty()) {
                    segs.remove(segs.size() - 1);
                } else if (anchor == Anchor.CWD) {
                    return null;
                } else {
                    up++;
                }
            } else {
                fileBase = false;
                segs.add(s);
            }
        }
        return new Path(anchor, up, segs);
    }

    /** A string literal used as a path. */
    static Path asPath(PathValue v) {
        if (v instanceof Path p) {
            return p;
        }
        if (v instanceof Text t
                && !t.text().isBlank()
                && !t.text().startsWith("/")
                && !t.text().contains(" ")) {
            return (Path) join(cwd(), t);
        }
        return null;
    }

    /**
     * The programs a call's argument values name: anchored paths, and literal words that look like
     * a script path; {@code -m name} gives a module.
     */
    static List<ScriptRef> scriptRefs(List<PathValue> values, int line) {
        List<ScriptRef> out = new ArrayList<>();
        List<PathValue> words = new ArrayList<>();
        for (PathValue v : values) {
            flatten(v, words);
        }
        for (int i = 0; i < words.size(); i++) {
            PathValue w = words.get(i);
            if (w instanceof Text t
                    && t.text().equals("-m")
                    && i + 1 < words.size()
                    && words.get(i + 1) instanceof Text m) {
                out.add(new ScriptRef(Anchor.MODULE, 0, List.of(), m.text(), line));
                i++;
            } else if (w instanceof Path p && p.anchor() != Anchor.CWD) {
                out.add(new ScriptRef(p.anchor(), p.up(), p.segments(), null, line));
            } else if (w instanceof Path p && looksLikeScript(p.segments())) {
                out.add(new ScriptRef(Anchor.CWD, 0, p.segments(), null, line));
            } else if (w instanceof Text t && !t.text().startsWith("-")) {
                Path p = asPath(t);
                if (p != null && looksLikeScript(p.segments())) {
                    out.add(new ScriptRef(Anchor.CWD, 0, p.segments(), null, line));
                }
            }
        }
        return out;
    }

    private static boolean looksLikeScript(List<String> segments) {
        if (segments.isEmpty()) {
            return false;
        }
        return SCRIPT_EXTENSIONS.contains(RepoPath.extension(segments.get(segments.size() - 1)));
    }

    private static void flatten(PathValue v, List<PathValue> out) {
        if (v instanceof Words w) {
            w.items().forEach(i -> flatten(i, out));
        } else if (v instanceof Text t && t.text().strip().contains(" ")) {
            for (String word : t.text().strip().split("\\s+")) {
                out.add(new Text(word.replaceAll("^[\"']|[\"']$", "")));
            }
        } else {
            out.add(v);
        }
    }

    /** Whether any value comes from a parameter; returns its name or {@code null}. */
    static String paramOf(List<PathValue> values) {
        for (PathValue v : values) {
            if (v instanceof Param p) {
                return p.name();
            }
            if (v instanceof Words w) {
                String inner = paramOf(w.items());
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    /**
     * String concatenation of parts ({@code a + b}, f-strings, template literals), split into
     * words where the literal text has white space; {@code null} parts are unknown values.
     */
    static PathValue concat(List<PathValue> parts) {
        List<PathValue> words = new ArrayList<>();
        PathValue current = null;
        for (PathValue part : parts) {
            if (part instanceof Text t) {
                String text = t.text();
                String[] chunks = text.split("\\s+", -1);
                for (int i = 0; i < chunks.length; i++) {
                    String chunk = chunks[i];
                    if (i > 0) {
                        current = flush(current, words);
                    }
                    if (!chunk.isEmpty()) {
                        current = current == null ? new Text(chunk) : glue(current, chunk);
                    }
                }
            } else {
                current = flush(current, words);
                current = part;
                if (part == null) {
                    current = null;
                }
            }
        }
        flush(current, words);
        return words.size() == 1 ? words.get(0) : new Words(words);
    }

    private static PathValue flush(PathValue current, List<PathValue> words) {
        if (current != null) {
            words.add(current);
        }
        return null;
    }

    private static PathValue glue(PathValue current, String chunk) {
        if (current instanceof Text t) {
            return new Text(t.text() + chunk);
        }
        PathValue joined = join(current, new Text(chunk.startsWith("/") ? chunk.substring(1) : chunk));
        return joined == null ? new Text(chunk) : joined;
    }
}
