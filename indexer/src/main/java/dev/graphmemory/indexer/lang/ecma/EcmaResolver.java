package dev.graphmemory.indexer.lang.ecma;

import dev.graphmemory.indexer.lang.RepoPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves module specifiers to repository files as TypeScript and Node do: relative paths with
 * extensions and {@code index} files ({@code ./a.js} also finds {@code a.ts}), {@code tsconfig}
 * {@code paths} and {@code baseUrl}, and packages of the repository itself (workspaces). Anything
 * else is an external package (a Node built-in, or an npm package named by its first segment, two
 * for a scope).
 */
final class EcmaResolver {
    private static final java.util.regex.Pattern BUILD_OUTPUT =
            java.util.regex.Pattern.compile("(?:.*/)?(?:dist|build|out)/.*");

    private final Set<String> files;
    private final EcmaProjectFiles project;
    private final Set<String> builtins;

    /** A file of the repository, or an external package ({@code builtin} for Node's own modules). */
    record Result(String file, String external, boolean builtin) {}

    EcmaResolver(Set<String> files, EcmaProjectFiles project, Set<String> builtins) {
        this.files = files;
        this.project = project;
        this.builtins = builtins;
    }

    Result resolve(String spec, String importer) {
        // a query or fragment ends the path (`./x.css?inline`), but a leading `#` is a package import
        String s = spec.startsWith("#") ? spec.replaceAll("\\?.*$", "") : spec.replaceAll("[?#].*$", "");
        if (s.startsWith("./") || s.startsWith("../") || s.equals(".") || s.equals("..")) {
            String base = RepoPath.resolve(RepoPath.parent(importer), s);
            // a bin script loading its package's build output (../dist/node/cli.js) means the source
            String file = base == null ? null : file(base);
            if (file == null && base != null && BUILD_OUTPUT.matcher(base).matches()) {
                file = sourceOf(base);
            }
            return file == null ? null : new Result(file, null, false);
        }
        if (s.startsWith("/") || s.isEmpty()) {
            return null;
        }
        if (s.startsWith("#")) {
            String file = viaImportsField(s, importer);
            return file == null ? null : new Result(file, null, false);
        }
        if (s.equals("$lib") || s.startsWith("$lib/")) {
            // SvelteKit's alias for src/lib, declared in the tsconfig it generates (.svelte-kit/, not committed)
            EcmaProjectFiles.Package p = project.packageOf(importer);
            if (p != null && p.dependencies().contains("@sveltejs/kit")) {
                String file = file(RepoPath.join(p.dir(), List.of(("src/lib" + s.substring(4)).split("/"))));
                if (file != null) {
                    return new Result(file, null, false);
                }
            }
        }
        EcmaProjectFiles.Config config = project.configFor(importer);
        if (config != null) {
            String file = viaConfig(config, s);
            if (file != null) {
                return new Result(file, null, false);
            }
        }
        for (EcmaProjectFiles.Package p : project.packages()) {
            if (p.name() != null && (s.equals(p.name()) || s.startsWith(p.name() + "/"))) {
                String file = s.equals(p.name())
                        ? packageEntry(p)
                        : file(RepoPath.resolve(
                                p.dir(), "." + s.substring(p.name().length())));
                if (file == null && !s.equals(p.name())) {
                    file = file(RepoPath.resolve(
                            p.dir(), "./src" + s.substring(p.name().length())));
                }
                if (file != null) {
                    return new Result(file, null, false);
                }
            }
        }
        String bare = s.startsWith("node:") ? s.substring(5) : s;
        String top = bare.startsWith("@")
                ? String.join("/", List.of(bare.split("/")).subList(0, Math.min(2, bare.split("/").length)))
                : bare.split("/")[0];
        if (s.startsWith("node:") || builtins.contains(top)) {
            return new Result(null, top, true);
        }
        return new Result(null, top, false);
    }

    /** A {@code #} specifier through the {@code imports} field of the importer's package.json. */
    private String viaImportsField(String s, String importer) {
        EcmaProjectFiles.Package p = project.packageOf(importer);
        if (p == null) {
            return null;
        }
        for (Map.Entry<String, List<String>> e : p.imports().entrySet()) {
            String pattern = e.getKey();
            int star = pattern.indexOf('*');
            String rest;
            if (star < 0) {
                if (!pattern.equals(s)) {
                    continue;
                }
                rest = null;
            } else {
                String head = pattern.substring(0, star);
                String tail = pattern.substring(star + 1);
                if (!s.startsWith(head) || !s.endsWith(tail) || s.length() < head.length() + tail.length()) {
                    continue;
                }
                rest = s.substring(head.length(), s.length() - tail.length());
            }
            for (String target : e.getValue()) {
                String file = sourceOf(rest == null ? target : target.replace("*", rest));
                if (file != null) {
                    return file;
                }
            }
        }
        return null;
    }

    private String viaConfig(EcmaProjectFiles.Config config, String s) {
        for (Map.Entry<String, List<String>> e : config.paths().entrySet()) {
            String pattern = e.getKey();
            String star = null;
            if (pattern.endsWith("*") && s.startsWith(pattern.substring(0, pattern.length() - 1))) {
                star = s.substring(pattern.length() - 1);
            } else if (!pattern.equals(s)) {
                continue;
            }
            for (String target : e.getValue()) {
                String t = star == null ? target : target.replace("*", star);
                String file = file(t);
                if (file != null) {
                    return file;
                }
            }
        }
        return config.baseUrl() == null ? null : file(RepoPath.join(config.baseUrl(), List.of(s.split("/"))));
    }

    /** The package's entry file: {@code types}/{@code main}/{@code exports}, else {@code src/index}, {@code index}. */
    String packageEntry(EcmaProjectFiles.Package p) {
        List<String> candidates = new ArrayList<>();
        p.entries().getOrDefault("package_main", List.of()).forEach(candidates::add);
        p.entries().getOrDefault("package_exports", List.of()).forEach(candidates::add);
        for (String c : candidates) {
            String f = sourceOf(c);
            if (f != null) {
                return f;
            }
        }
        String f = file(p.dir().isEmpty() ? "src/index" : p.dir() + "/src/index");
        return f != null ? f : file(p.dir().isEmpty() ? "index" : p.dir() + "/index");
    }

    /** A declared file, or its source when it names build output ({@code dist/x.js} → {@code src/x.ts}). */
    String sourceOf(String declared) {
        String f = file(declared);
        if (f != null) {
            return f;
        }
        String src =
                declared.replaceFirst("(^|/)(dist|build|lib|out)/", "$1src/").replaceFirst("\\.d\\.ts$", "");
        return file(src.replaceFirst("\\.[cm]?js$", ""));
    }

    /** The file a path without or with extension denotes, or {@code null}. */
    String file(String base) {
        if (base == null) {
            return null;
        }
        if (files.contains(base)) {
            return base;
        }
        String ext = RepoPath.extension(base);
        if (EcmaNames.JS.contains(ext)) {
            String stem = base.substring(0, base.length() - ext.length());
            String ts =
                    switch (ext) {
                        case ".mjs" -> ".mts";
                        case ".cjs" -> ".cts";
                        case ".jsx" -> ".tsx";
                        default -> ".ts";
                    };
            for (String candidate : List.of(stem + ts, stem + ".tsx", stem + ".d.ts")) {
                if (files.contains(candidate)) {
                    return candidate;
                }
            }
        }
        for (String e : EcmaNames.RESOLVE_ORDER) {
            if (files.contains(base + e)) {
                return base + e;
            }
        }
        String prefix = base.isEmpty() ? "index" : base + "/index";
        for (String e : EcmaNames.RESOLVE_ORDER) {
            if (files.contains(prefix + e)) {
                return prefix + e;
            }
        }
        return null;
    }
}
