package dev.graphmemory.indexer.lang.ecma;

import dev.graphmemory.indexer.lang.ModuleNodes;
import dev.graphmemory.indexer.lang.RepoPath;
import dev.graphmemory.indexer.lang.ScriptRef;
import dev.graphmemory.indexer.lang.ScriptResolver;
import dev.graphmemory.indexer.model.EdgeRow;
import dev.graphmemory.indexer.model.LanguagePlugin.LinkOutput;
import dev.graphmemory.indexer.model.NodeUpdate;
import dev.graphmemory.queries.schema.Keys;
import dev.graphmemory.queries.schema.NodeType;
import dev.graphmemory.queries.schema.RelType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Links the TypeScript and JavaScript files of one run: {@code IMPORTS} (flags {@code type_only},
 * {@code dynamic}), external packages, {@code TESTS}, {@code CALLS}, {@code EXTENDS},
 * {@code IMPLEMENTS}, {@code INVOKES} and the entry points: those {@code package.json} declares
 * ({@code package_bin}, {@code package_main}, {@code package_exports}), scripts HTML pages load
 * ({@code html_script}), Vite build inputs ({@code build_input}) and framework routes
 * ({@link EcmaRoutes}).
 */
final class EcmaLinker {
    private final List<EcmaFacts> files;
    private final Map<String, EcmaFacts> byPath = new HashMap<>();
    private final EcmaResolver resolver;
    private final EcmaProjectFiles project;

    /** Files of any language a started program may run: the run's modules. */
    private final java.util.Collection<String> runnable;

    EcmaLinker(List<EcmaFacts> files, Map<String, String> resources, Set<String> builtins) {
        this(files, resources, builtins, List.of());
    }

    EcmaLinker(
            List<EcmaFacts> files,
            Map<String, String> resources,
            Set<String> builtins,
            java.util.Collection<String> modulePaths) {
        this.files = files;
        files.forEach(f -> byPath.put(f.path(), f));
        Set<String> run = new java.util.LinkedHashSet<>(modulePaths);
        run.addAll(byPath.keySet());
        this.runnable = run;
        this.project = new EcmaProjectFiles(resources);
        this.resolver = new EcmaResolver(byPath.keySet(), project, builtins);
    }

    void link(Consumer<LinkOutput> out) {
        imports(out);
        symbols(out);
        invokes(out);
        entryPoints(out);
    }

    private void imports(Consumer<LinkOutput> out) {
        Map<String, Map<String, Map<String, Boolean>>> edges = new LinkedHashMap<>();
        Map<String, Boolean> externals = new TreeMap<>();
        for (EcmaFacts f : files) {
            Map<String, Map<String, Boolean>> mine = edges.computeIfAbsent(f.path(), k -> new LinkedHashMap<>());
            for (EcmaFacts.Import imp : f.imports()) {
                EcmaResolver.Result r = resolver.resolve(imp.specifier(), f.path());
                if (r == null) {
                    continue;
                }
                String to;
                if (r.file() != null) {
                    to = ModuleNodes.id(r.file());
                } else {
                    String key = ModuleNodes.externalKey(r.builtin() ? "node" : "npm", r.external());
                    externals.put(key, r.builtin());
                    to = NodeType.MODULE.id(key);
                }
                if (to.equals(ModuleNodes.id(f.path()))) {
                    continue;
                }
                Map<String, Boolean> flags =
                        mine.computeIfAbsent(to, k -> new HashMap<>(Map.of("type_only", true, "dynamic", true)));
                flags.merge("type_only", imp.typeOnly(), Boolean::logicalAnd);
                flags.merge("dynamic", imp.kind().equals("dynamic"), Boolean::logicalAnd);
            }
        }
        externals.forEach((key, builtin) -> {
            String ecosystem = key.substring("external:".length(), key.indexOf('/'));
            String name = key.substring(key.indexOf('/') + 1);
            out.accept(ModuleNodes.external(ecosystem, name, "javascript", builtin));
        });
        edges.forEach((from, targets) -> targets.forEach((to, flags) -> {
            Map<String, Object> props = new TreeMap<>();
            flags.forEach((k, v) -> {
                if (v) {
                    props.put(k, true);
                }
            });
            out.accept(new EdgeRow(RelType.IMPORTS, ModuleNodes.id(from), to, props));
            EcmaFacts target = byPath.get(to.substring(NodeType.MODULE.id("").length()));
            if (byPath.get(from).test() && target != null && !target.test()) {
                out.accept(EdgeRow.of(RelType.TESTS, ModuleNodes.id(from), to));
            }
        }));
    }

    private void symbols(Consumer<LinkOutput> out) {
        for (EcmaFacts f : files) {
            for (EcmaFacts.ClassFact c : f.classes()) {
                for (String name : c.extendsNames()) {
                    emitClassEdge(RelType.EXTENDS, f, c, name, out);
                }
                for (String name : c.implementsNames()) {
                    emitClassEdge(RelType.IMPLEMENTS, f, c, name, out);
                }
            }
            for (EcmaFacts.FunctionFact fn : f.functions()) {
                Set<String> seen = new HashSet<>();
                for (String callee : fn.calls()) {
                    for (String target : functionsOf(f, fn.owner(), callee)) {
                        if (seen.add(target)) {
                            out.accept(EdgeRow.of(
                                    RelType.CALLS, NodeType.FUNCTION.id(fn.key()), NodeType.FUNCTION.id(target)));
                        }
                    }
                }
            }
        }
    }

    private void emitClassEdge(
            RelType type, EcmaFacts f, EcmaFacts.ClassFact c, String name, Consumer<LinkOutput> out) {
        String target = classOf(f, name);
        if (target != null && !target.equals(c.key())) {
            out.accept(EdgeRow.of(type, NodeType.CLASS.id(c.key()), NodeType.CLASS.id(target)));
        }
    }

    private String classOf(EcmaFacts f, String name) {
        String[] parts = name.split("\\.");
        EcmaFacts file = f;
        String local = parts[0];
        if (!hasClass(f, local) || parts.length > 1) {
            String[] target = binding(f, parts);
            if (target == null) {
                return null;
            }
            file = byPath.get(target[0]);
            local = target[1];
        }
        for (EcmaFacts.ClassFact c : file.classes()) {
            if (c.name().equals(local)) {
                return c.key();
            }
        }
        return null;
    }

    private static boolean hasClass(EcmaFacts f, String name) {
        return f.classes().stream().anyMatch(c -> c.name().equals(name));
    }

    /** The file and the exported name a dotted reference reaches through an import binding. */
    private String[] binding(EcmaFacts f, String[] parts) {
        String target = f.bindings().get(parts[0]);
        if (target == null) {
            return null;
        }
        int colon = target.lastIndexOf(':');
        String spec = colon > 0 && !target.startsWith("node:") ? target.substring(0, colon) : target;
        String name = colon > 0 && !target.startsWith("node:") ? target.substring(colon + 1) : null;
        EcmaResolver.Result r = resolver.resolve(spec, f.path());
        if (r == null || r.file() == null || !byPath.containsKey(r.file())) {
            return null;
        }
        if (name == null) {
            return parts.length > 1 ? new String[] {r.file(), parts[1]} : null;
        }
        return new String[] {r.file(), name.equals("default") ? defaultName(byPath.get(r.file())) : name};
    }

    private static String defaultName(EcmaFacts f) {
        return f.classes().isEmpty()
                ? (f.functions().isEmpty() ? "" : f.functions().get(0).name())
                : f.classes().get(0).name();
    }

    private List<String> functionsOf(EcmaFacts f, String owner, String callee) {
        if (callee.startsWith("new ") || callee.contains("(") || callee.contains("[")) {
            return List.of();
        }
        String[] parts = callee.split("\\.");
        if (parts.length == 2 && parts[0].equals("this") && owner != null) {
            return named(f, owner, parts[1]);
        }
        if (parts.length == 1) {
            List<String> local = named(f, null, parts[0]);
            if (!local.isEmpty()) {
                return local;
            }
        }
        if (parts.length == 2 && hasClass(f, parts[0])) {
            return named(f, parts[0], parts[1]);
        }
        String[] target = binding(f, parts);
        if (target == null || parts.length > 3) {
            return List.of();
        }
        EcmaFacts file = byPath.get(target[0]);
        if (parts.length == 1
                || (parts.length == 2 && !f.bindings().get(parts[0]).contains(":"))) {
            return named(file, null, target[1]);
        }
        return named(file, target[1], parts[parts.length - 1]);
    }

    private static List<String> named(EcmaFacts f, String owner, String name) {
        List<String> out = new ArrayList<>();
        for (EcmaFacts.FunctionFact fn : f.functions()) {
            if (fn.name().equals(name) && java.util.Objects.equals(fn.owner(), owner)) {
                out.add(fn.key());
            }
        }
        return out;
    }

    private void invokes(Consumer<LinkOutput> out) {
        ScriptResolver scripts = new ScriptResolver(runnable, List.of("index.js", "index.ts", "index.mjs"), null);
        Set<String> emitted = new HashSet<>();
        for (EcmaFacts f : files) {
            for (EcmaFacts.Invocation inv : f.invocations()) {
                for (ScriptRef ref : inv.refs()) {
                    for (ScriptResolver.Target t : scripts.resolve(f.path(), ref)) {
                        Map<String, Object> props = Map.of("resolution", t.resolution(), "line", ref.line());
                        String to = ModuleNodes.id(t.path());
                        if (emitted.add(f.path() + ">" + t.path())) {
                            out.accept(new EdgeRow(RelType.INVOKES, ModuleNodes.id(f.path()), to, props));
                        }
                        if (inv.functionKey() != null && emitted.add(inv.functionKey() + ">" + t.path())) {
                            out.accept(
                                    new EdgeRow(RelType.INVOKES, NodeType.FUNCTION.id(inv.functionKey()), to, props));
                        }
                    }
                }
            }
        }
    }

    private void entryPoints(Consumer<LinkOutput> out) {
        Map<String, Set<String>> kinds = new TreeMap<>();
        for (EcmaProjectFiles.Package p : project.packages()) {
            p.entries().forEach((kind, declared) -> {
                for (String d : declared) {
                    String file = resolver.sourceOf(d);
                    if (file != null) {
                        kinds.computeIfAbsent(file, k -> new TreeSet<>()).add(kind);
                    }
                }
            });
        }
        project.pages().forEach((page, scripts) -> {
            for (String spec : scripts) {
                for (String candidate : EcmaHtml.candidates(page, spec)) {
                    String file = resolver.file(candidate);
                    if (file != null) {
                        kinds.computeIfAbsent(file, k -> new TreeSet<>()).add("html_script");
                        break;
                    }
                }
            }
        });
        for (EcmaFacts f : files) {
            for (String input : f.entries()) {
                String file = resolver.file(EcmaBuildConfig.resolve(RepoPath.parent(f.path()), input));
                if (file != null) {
                    kinds.computeIfAbsent(file, k -> new TreeSet<>()).add("build_input");
                }
            }
            EcmaProjectFiles.Package p = project.packageOf(f.path());
            if (p != null && !f.test()) {
                String relative = p.dir().isEmpty()
                        ? f.path()
                        : f.path().substring(p.dir().length() + 1);
                for (String kind : EcmaRoutes.kinds(relative, p.dependencies())) {
                    kinds.computeIfAbsent(f.path(), k -> new TreeSet<>()).add(kind);
                }
            }
        }
        kinds.forEach((file, k) -> out.accept(
                new NodeUpdate(ModuleNodes.id(file), NodeType.CLI_ENTRY, Map.of(Keys.ENTRY_KINDS, List.copyOf(k)))));
    }
}
