package dev.graphmemory.indexer.lang;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Resolves {@link ScriptRef}s to repository files.
 *
 * <p>Design notes: first the exact path the code builds (its parents counted from the source
 * file); when that names no file, the literal tail of the path ({@code llm_caller_cli/llm_call.py})
 * is matched against the ends of repository paths, and the candidates nearest to the source file
 * win. The fallback finds callers whose parent count is off by one — the very bug that makes a
 * caller worth finding — and marks them {@code resolution=tail}.
 */
public final class ScriptResolver {
    private final Set<String> files;
    private final List<String> directoryMains;
    private final BiFunction<String, String, String> moduleResolver;
    private final Map<String, List<String>> byName = new HashMap<>();

    /**
     * @param files repository-relative paths of the files that can be run
     * @param directoryMains file names that run when a directory is run ({@code __main__.py})
     * @param moduleResolver (dotted module, from path) → path, or {@code null}
     */
    public ScriptResolver(
            Collection<String> files, List<String> directoryMains, BiFunction<String, String, String> moduleResolver) {
        this.files = Set.copyOf(files);
        this.directoryMains = List.copyOf(directoryMains);
        this.moduleResolver = moduleResolver;
        for (String f : files) {
            byName.computeIfAbsent(RepoPath.fileName(f), k -> new ArrayList<>()).add(f);
        }
    }

    /** A resolved target and how it was found ({@code exact} or {@code tail}). */
    public record Target(String path, String resolution) {}

    /** The files {@code ref}, found in {@code from}, names; empty when none. */
    public List<Target> resolve(String from, ScriptRef ref) {
        String dir = RepoPath.parent(from);
        switch (ref.anchor()) {
            case FILE -> {
                return List.of(new Target(from, "exact"));
            }
            case MODULE -> {
                String path = moduleResolver == null ? null : moduleResolver.apply(ref.module(), from);
                return path == null ? List.of() : List.of(new Target(path, "exact"));
            }
            case FILE_DIR -> {
                String base = RepoPath.up(dir, ref.up());
                String hit = base == null ? null : hit(RepoPath.join(base, ref.segments()));
                if (hit != null) {
                    return List.of(new Target(hit, "exact"));
                }
            }
            case ANY_ANCESTOR -> {
                for (int k = ref.up(); ; k++) {
                    String base = RepoPath.up(dir, k);
                    if (base == null) {
                        break;
                    }
                    String hit = hit(RepoPath.join(base, ref.segments()));
                    if (hit != null) {
                        return List.of(new Target(hit, "exact"));
                    }
                }
            }
            case CWD -> {
                String hit = hit(RepoPath.join("", ref.segments()));
                if (hit != null) {
                    return List.of(new Target(hit, "exact"));
                }
            }
        }
        return tail(from, ref.segments());
    }

    private String hit(String path) {
        if (path == null) {
            return null;
        }
        if (files.contains(path)) {
            return path;
        }
        for (String main : directoryMains) {
            String p = RepoPath.join(path, List.of(main));
            if (files.contains(p)) {
                return p;
            }
        }
        return null;
    }

    private List<Target> tail(String from, List<String> segments) {
        if (segments.isEmpty()) {
            return List.of();
        }
        String tail = String.join("/", segments);
        List<String> candidates = new ArrayList<>(matches(tail, segments.get(segments.size() - 1)));
        if (candidates.isEmpty()) {
            for (String main : directoryMains) {
                candidates.addAll(matches(tail + "/" + main, main));
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        int best = -1;
        Set<String> nearest = new LinkedHashSet<>();
        for (String c : candidates) {
            int shared = RepoPath.sharedDirs(from, c);
            if (shared > best) {
                best = shared;
                nearest.clear();
            }
            if (shared == best) {
                nearest.add(c);
            }
        }
        return nearest.stream().sorted().map(p -> new Target(p, "tail")).toList();
    }

    private List<String> matches(String tail, String name) {
        List<String> out = new ArrayList<>();
        for (String f : byName.getOrDefault(name, List.of())) {
            if (f.equals(tail) || f.endsWith("/" + tail)) {
                out.add(f);
            }
        }
        return out;
    }
}
