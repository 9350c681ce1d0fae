package dev.graphmemory.indexer.lang.ecma;

import dev.graphmemory.indexer.lang.RepoPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code tsconfig.json}/{@code jsconfig.json} and {@code package.json} files of a repository:
 * {@code baseUrl} and {@code paths} (following {@code extends} to local files), package names
 * (workspaces), and the files a package declares as {@code bin}, {@code main} and {@code exports}.
 * JSON with comments and trailing commas is accepted, as TypeScript accepts it.
 */
final class EcmaProjectFiles {
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(
                    JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNQUOTED_PROPERTY_NAMES)
            .build();

    /** Path mapping of one config: {@code baseUrl} (a directory, or null) and {@code paths}. */
    record Config(String dir, String baseUrl, Map<String, List<String>> paths) {}

    /**
     * A package: its directory, its name, its declared entry files by kind, the names of the
     * packages it depends on (every dependency field), and its {@code imports} map (a {@code #}
     * specifier or pattern → the repository paths it stands for, {@code *} kept).
     */
    record Package(
            String dir,
            String name,
            Map<String, List<String>> entries,
            java.util.Set<String> dependencies,
            Map<String, List<String>> imports) {}

    private final Map<String, Config> configs = new HashMap<>();
    private final List<Package> packages = new ArrayList<>();
    private final Map<String, String> chosen = new HashMap<>();
    private final Map<String, List<String>> pages = new java.util.TreeMap<>();

    EcmaProjectFiles(Map<String, String> resources) {
        resources.forEach((path, text) -> {
            String name = RepoPath.fileName(path);
            if (EcmaHtml.wanted(path)) {
                List<String> scripts = EcmaHtml.scripts(text);
                if (!scripts.isEmpty()) {
                    pages.put(path, scripts);
                }
                return;
            }
            JsonNode json = parse(text);
            if (json == null) {
                return;
            }
            if (name.equals("package.json")) {
                packages.add(pkg(RepoPath.parent(path), json));
            } else if (rank(path).compareTo(rank(chosen.getOrDefault(RepoPath.parent(path), ""))) < 0) {
                chosen.put(RepoPath.parent(path), path);
                configs.put(RepoPath.parent(path), config(path, json, resources, 0));
            }
        });
    }

    static boolean wanted(String path) {
        String name = RepoPath.fileName(path);
        return EcmaHtml.wanted(path)
                || name.equals("package.json")
                || name.equals("tsconfig.json")
                || name.equals("jsconfig.json")
                || name.matches("tsconfig\\..*\\.json");
    }

    /**
     * Which of several configs in one directory applies: {@code tsconfig.json}, then {@code
     * jsconfig.json} (the ones editors and {@code tsc} pick), then the first {@code tsconfig.*.json}
     * by name, so the choice does not depend on the order files were read.
     */
    private static String rank(String path) {
        String name = RepoPath.fileName(path);
        return switch (name) {
            case "" -> "\uffff";
            case "tsconfig.json" -> "0";
            case "jsconfig.json" -> "1";
            default -> "2" + name;
        };
    }

    /** The nearest config above a file, or {@code null}. */
    Config configFor(String file) {
        for (String d = RepoPath.parent(file); ; d = RepoPath.parent(d)) {
            Config c = configs.get(d);
            if (c != null) {
                return c;
            }
            if (d.isEmpty()) {
                return null;
            }
        }
    }

    List<Package> packages() {
        return packages;
    }

    /** The package whose folder holds the file, nearest first, or {@code null}. */
    Package packageOf(String file) {
        Package best = null;
        for (Package p : packages) {
            if ((p.dir().isEmpty() || file.startsWith(p.dir() + "/"))
                    && (best == null || p.dir().length() > best.dir().length())) {
                best = p;
            }
        }
        return best;
    }

    /** HTML page → the scripts it loads, as written (pages that load none are left out). */
    Map<String, List<String>> pages() {
        return pages;
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Config config(String path, JsonNode json, Map<String, String> resources, int depth) {
        String dir = RepoPath.parent(path);
        Config base = null;
        JsonNode ext = json.get("extends");
        if (ext != null && ext.isString() && ext.asString().startsWith(".") && depth < 5) {
            String target = RepoPath.resolve(dir, ext.asString());
            if (target != null && !target.endsWith(".json")) {
                target = target + ".json";
            }
            String text = target == null ? null : resources.get(target);
            JsonNode parent = text == null ? null : parse(text);
            if (parent != null) {
                base = config(target, parent, resources, depth + 1);
            }
        }
        JsonNode options = json.path("compilerOptions");
        String baseUrl = base == null ? null : base.baseUrl();
        if (options.has("baseUrl")) {
            baseUrl = RepoPath.resolve(dir, options.get("baseUrl").asString());
        }
        Map<String, List<String>> paths = new HashMap<>(base == null ? Map.of() : base.paths());
        String pathsBase = baseUrl != null ? baseUrl : dir;
        if (options.has("paths")) {
            paths.clear();
            options.get("paths").properties().forEach(e -> {
                List<String> targets = new ArrayList<>();
                e.getValue().forEach(t -> {
                    String r = RepoPath.resolve(pathsBase, t.asString());
                    if (r != null) {
                        targets.add(r);
                    }
                });
                paths.put(e.getKey(), targets);
            });
        }
        return new Config(dir, baseUrl, paths);
    }

    private static Package pkg(String dir, JsonNode json) {
        Map<String, List<String>> entries = new HashMap<>();
        JsonNode bin = json.get("bin");
        if (bin != null && bin.isString()) {
            add(entries, "package_bin", dir, bin.asString());
        } else if (bin != null && bin.isObject()) {
            bin.properties()
                    .forEach(e -> add(entries, "package_bin", dir, e.getValue().asString()));
        }
        for (String field : List.of("main", "module")) {
            if (json.has(field) && json.get(field).isString()) {
                add(entries, "package_main", dir, json.get(field).asString());
            }
        }
        leaves(json.get("exports"), s -> add(entries, "package_exports", dir, s));
        JsonNode name = json.get("name");
        java.util.Set<String> deps = new java.util.TreeSet<>();
        for (String field : List.of("dependencies", "devDependencies", "peerDependencies", "optionalDependencies")) {
            json.path(field).propertyNames().forEach(deps::add);
        }
        Map<String, List<String>> imports = new java.util.LinkedHashMap<>();
        json.path("imports").properties().forEach(e -> {
            List<String> targets = new ArrayList<>();
            leaves(e.getValue(), t -> {
                if (t.startsWith("./")) {
                    String r = RepoPath.resolve(dir, t);
                    if (r != null) {
                        targets.add(r);
                    }
                }
            });
            imports.put(e.getKey(), targets);
        });
        return new Package(dir, name != null && name.isString() ? name.asString() : null, entries, deps, imports);
    }

    private static void leaves(JsonNode node, java.util.function.Consumer<String> out) {
        if (node == null) {
            return;
        }
        if (node.isString()) {
            out.accept(node.asString());
        } else if (node.isObject() || node.isArray()) {
            node.forEach(child -> leaves(child, out));
        }
    }

    private static void add(Map<String, List<String>> entries, String kind, String dir, String file) {
        if (file.contains("*")) {
            return;
        }
        String p = RepoPath.resolve(dir, file.startsWith("./") || file.startsWith("../") ? file : "./" + file);
        if (p != null) {
            entries.computeIfAbsent(kind, k -> new ArrayList<>()).add(p);
        }
    }
}
