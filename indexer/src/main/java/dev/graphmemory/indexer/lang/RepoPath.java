package dev.graphmemory.indexer.lang;

import java.util.ArrayList;
import java.util.List;

/** Arithmetic on repository-relative paths ({@code /}-separated, {@code ""} for the root). */
public final class RepoPath {
    private RepoPath() {}

    /** The directory of a path ({@code ""} for a file at the root). */
    public static String parent(String path) {
        int i = path.lastIndexOf('/');
        return i < 0 ? "" : path.substring(0, i);
    }

    /** The last segment. */
    public static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** {@code dir} moved {@code levels} up, or {@code null} when that leaves the repository. */
    public static String up(String dir, int levels) {
        String d = dir;
        for (int i = 0; i < levels; i++) {
            if (d.isEmpty()) {
                return null;
            }
            d = parent(d);
        }
        return d;
    }

    /** {@code dir} joined with segments, {@code .} and {@code ..} applied; {@code null} above the root. */
    public static String join(String dir, List<String> segments) {
        List<String> parts = new ArrayList<>();
        if (!dir.isEmpty()) {
            parts.addAll(List.of(dir.split("/")));
        }
        for (String s : segments) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(s);
            }
        }
        return String.join("/", parts);
    }

    /** Joins a relative specifier such as {@code ../a/b} onto a directory; {@code null} above the root. */
    public static String resolve(String dir, String relative) {
        return join(dir, List.of(relative.split("/")));
    }

    /** How many leading directories two paths share. */
    public static int sharedDirs(String a, String b) {
        String[] x = parent(a).split("/");
        String[] y = parent(b).split("/");
        int n = 0;
        while (n < x.length && n < y.length && !x[n].isEmpty() && x[n].equals(y[n])) {
            n++;
        }
        return n;
    }

    /** The file extension with its dot ({@code .py}), or {@code ""}. */
    public static String extension(String path) {
        String name = fileName(path);
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot);
    }
}
