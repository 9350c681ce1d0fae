package dev.graphmemory.indexer.lang.python;

import dev.graphmemory.indexer.lang.RepoPath;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where Python module names point in the repository, following the import system: packages
 * ({@code __init__.py}) before modules, namespace packages (directories without {@code __init__}),
 * relative imports, and a script's own directory on {@code sys.path}.
 *
 * <p>Design notes: a module's importable name depends on where its package chain starts, so each
 * file gets a canonical name (its chain of package directories) and each chain's parent directory
 * becomes a source root. An absolute import is looked up in the importing script's directory (when
 * that is no package), then among canonical names, then under every source root; among several
 * candidates the one nearest to the importer wins.
 */
final class PythonModuleIndex {
    private final Set<String> files;
    private final Set<String> packageDirs = new HashSet<>();
    private final Set<String> dirs = new HashSet<>();
    private final Map<String, List<String>> byCanonical = new HashMap<>();
    private final Map<String, String> canonicalOf = new HashMap<>();
    private final List<String> roots;

    /** What a dotted name points to: a file, and the directory when it names a package. */
    record Location(String file, String dir) {
        boolean found() {
            return file != null || dir != null;
        }
    }

    PythonModuleIndex(Collection<String> paths) {
        this.files = Set.copyOf(paths);
        for (String p : paths) {
            if (PythonNames.packageInit(p)) {
                packageDirs.add(RepoPath.parent(p));
            }
            for (String d = RepoPath.parent(p); !d.isEmpty() && dirs.add(d); d = RepoPath.parent(d)) {}
        }
        Set<String> rootSet = new HashSet<>(List.of(""));
        for (String p : paths) {
            List<String> names = new ArrayList<>();
            String d = RepoPath.parent(p);
            if (!PythonNames.packageInit(p)) {
                String name = RepoPath.fileName(p);
                names.add(name.substring(0, name.lastIndexOf('.')));
            }
            while (!d.isEmpty() && packageDirs.contains(d)) {
                names.add(0, RepoPath.fileName(d));
                d = RepoPath.parent(d);
            }
            if (names.isEmpty()) {
                continue;
            }
            String canonical = String.join(".", names);
            canonicalOf.put(p, canonical);
            byCanonical.computeIfAbsent(canonical, k -> new ArrayList<>()).add(p);
            if (names.size() > 1 || PythonNames.packageInit(p)) {
                rootSet.add(d);
            }
        }
        this.roots = List.copyOf(rootSet);
    }

    /** The importable dotted name of a file, or {@code null} for a root {@code __init__.py}. */
    String canonical(String path) {
        return canonicalOf.get(path);
    }

    /** Whether a path is a file of the index. */
    boolean contains(String path) {
        return files.contains(path);
    }

    /** Resolves {@code dotted} ({@code level} leading dots) as imported by {@code importer}. */
    Location locate(int level, String dotted, String importer) {
        String importerDir = RepoPath.parent(importer);
        String segs = dotted.replace('.', '/');
        if (level > 0) {
            String base = RepoPath.up(importerDir, level - 1);
            if (base == null) {
                return new Location(null, null);
            }
            return at(dotted.isEmpty() ? base : join(base, segs));
        }
        if (dotted.isEmpty()) {
            return new Location(null, null);
        }
        if (!packageDirs.contains(importerDir)) {
            Location local = at(join(importerDir, segs));
            if (local.found()) {
                return local;
            }
        }
        List<String> canonical = byCanonical.get(dotted);
        if (canonical != null) {
            String best = nearest(canonical, importer);
            return new Location(best, PythonNames.packageInit(best) ? RepoPath.parent(best) : null);
        }
        List<Location> found = new ArrayList<>();
        for (String root : roots) {
            Location l = at(join(root, segs));
            if (l.found()) {
                found.add(l);
            }
        }
        if (found.isEmpty()) {
            return new Location(null, null);
        }
        found.sort(Comparator.comparingInt(
                (Location l) -> -RepoPath.sharedDirs(importer, l.file() != null ? l.file() : l.dir() + "/x")));
        return found.get(0);
    }

    /** The file and package directory at a path without extension ({@code a/b/c}). */
    Location at(String base) {
        String file = fileFor(base);
        return new Location(file, dirs.contains(base) ? base : null);
    }

    /** The module file for a path without extension, packages first, stubs last; or {@code null}. */
    String fileFor(String base) {
        if (base == null) {
            return null;
        }
        String prefix = base.isEmpty() ? "" : base + "/";
        for (String candidate : List.of(prefix + "__init__.py", base + ".py", prefix + "__init__.pyi", base + ".pyi")) {
            if (files.contains(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static String join(String dir, String rest) {
        return dir.isEmpty() ? rest : dir + "/" + rest;
    }

    private static String nearest(List<String> candidates, String importer) {
        String best = candidates.get(0);
        int bestShared = -1;
        for (String c : candidates) {
            int shared = RepoPath.sharedDirs(importer, c);
            boolean better =
                    shared > bestShared || (shared == bestShared && c.endsWith(".py") && best.endsWith(".pyi"));
            if (better) {
                best = c;
                bestShared = shared;
            }
        }
        return best;
    }
}
