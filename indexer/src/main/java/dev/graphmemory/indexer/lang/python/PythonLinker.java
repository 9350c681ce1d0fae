package dev.graphmemory.indexer.lang.python;

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
import java.util.function.Consumer;

/**
 * Links the Python files of one run: {@code IMPORTS} (with {@code type_checking}, {@code in_try},
 * {@code lazy} flags), external packages, {@code TESTS}, {@code CALLS}, {@code EXTENDS},
 * {@code INVOKES}, importable module names and console-script entry points.
 */
final class PythonLinker {
    private final List<PythonFacts> files;
    private final PythonModuleIndex index;
    private final PythonSymbols symbols;
    private final Set<String> stdlib;

    PythonLinker(List<PythonFacts> files, Set<String> stdlib) {
        this.files = files;
        this.index = new PythonModuleIndex(files.stream().map(PythonFacts::path).toList());
        this.symbols = new PythonSymbols(index, files);
        this.stdlib = stdlib;
    }

    void link(Map<String, String> resources, Consumer<LinkOutput> out) {
        imports(out);
        calls(out);
        invokes(out);
        names(out);
        entryPoints(resources, out);
    }

    private void imports(Consumer<LinkOutput> out) {
        PythonImportResolver resolver = new PythonImportResolver(index);
        Map<String, Boolean> testFiles = new HashMap<>();
        files.forEach(f -> testFiles.put(f.path(), f.test()));
        Map<String, Map<String, Map<String, Boolean>>> edges = new LinkedHashMap<>();
        Set<String> externals = new java.util.TreeSet<>();
        for (PythonFacts f : files) {
            Map<String, Map<String, Boolean>> mine = edges.computeIfAbsent(f.path(), k -> new LinkedHashMap<>());
            for (PythonFacts.Import imp : f.imports()) {
                PythonImportResolver.Resolved r = resolver.resolve(imp, f.path());
                List<String> targets = new ArrayList<>();
                r.files().forEach(t -> targets.add(ModuleNodes.id(t)));
                if (r.external() != null) {
                    externals.add(r.external());
                    targets.add(NodeType.MODULE.id(ModuleNodes.externalKey("python", r.external())));
                }
                for (String target : targets) {
                    if (target.equals(ModuleNodes.id(f.path()))) {
                        continue;
                    }
                    Map<String, Boolean> flags = mine.computeIfAbsent(
                            target, k -> new HashMap<>(Map.of("type_checking", true, "in_try", true, "lazy", true)));
                    flags.merge("type_checking", imp.typeChecking(), Boolean::logicalAnd);
                    flags.merge("in_try", imp.inTry(), Boolean::logicalAnd);
                    flags.merge("lazy", imp.lazy(), Boolean::logicalAnd);
                }
            }
        }
        externals.forEach(e -> out.accept(ModuleNodes.external("python", e, "python", stdlib.contains(e))));
        edges.forEach((from, targets) -> targets.forEach((to, flags) -> {
            Map<String, Object> props = new TreeMap<>();
            flags.forEach((k, v) -> {
                if (v) {
                    props.put(k, true);
                }
            });
            out.accept(new EdgeRow(RelType.IMPORTS, ModuleNodes.id(from), to, props));
            String toPath = to.substring(NodeType.MODULE.id("").length());
            if (testFiles.getOrDefault(from, false) && Boolean.FALSE.equals(testFiles.get(toPath))) {
                out.accept(EdgeRow.of(RelType.TESTS, ModuleNodes.id(from), to));
            }
        }));
    }

    private void calls(Consumer<LinkOutput> out) {
        for (PythonFacts f : files) {
            for (PythonFacts.ClassFact c : f.classes()) {
                Set<String> seen = new HashSet<>();
                for (String base : c.bases()) {
                    String target = symbols.classOf(f, base);
                    if (target != null && !target.equals(c.key()) && seen.add(target)) {
                        out.accept(EdgeRow.of(RelType.EXTENDS, NodeType.CLASS.id(c.key()), NodeType.CLASS.id(target)));
                    }
                }
            }
            for (PythonFacts.FunctionFact fn : f.functions()) {
                Set<String> seen = new HashSet<>();
                for (String callee : fn.calls()) {
                    for (String target : symbols.functionsOf(f, fn.owner(), callee)) {
                        if (seen.add(target)) {
                            out.accept(EdgeRow.of(
                                    RelType.CALLS, NodeType.FUNCTION.id(fn.key()), NodeType.FUNCTION.id(target)));
                        }
                    }
                }
            }
        }
    }

    private void invokes(Consumer<LinkOutput> out) {
        ScriptResolver scripts = new ScriptResolver(
                files.stream().map(PythonFacts::path).toList(), List.of("__main__.py"), this::moduleToRun);
        Map<String, PythonFacts.Launcher> launchers = new HashMap<>();
        files.forEach(f -> f.launchers().forEach(l -> launchers.putIfAbsent(l.functionKey(), l)));
        Set<String> emitted = new HashSet<>();
        for (PythonFacts f : files) {
            for (PythonFacts.Invocation inv : f.invocations()) {
                emitInvokes(f.path(), inv.functionKey(), inv.refs(), scripts, emitted, out);
            }
            for (PythonFacts.PathCall call : f.pathCalls()) {
                String owner = ownerOf(f, call.functionKey());
                boolean viaLauncher =
                        symbols.functionsOf(f, owner, call.callee()).stream().anyMatch(launchers::containsKey);
                if (viaLauncher) {
                    emitInvokes(f.path(), call.functionKey(), call.refs(), scripts, emitted, out);
                }
            }
        }
    }

    private static String ownerOf(PythonFacts f, String functionKey) {
        for (PythonFacts.FunctionFact fn : f.functions()) {
            if (fn.key().equals(functionKey)) {
                return fn.owner();
            }
        }
        return null;
    }

    private void emitInvokes(
            String from,
            String functionKey,
            List<ScriptRef> refs,
            ScriptResolver scripts,
            Set<String> emitted,
            Consumer<LinkOutput> out) {
        for (ScriptRef ref : refs) {
            for (ScriptResolver.Target t : scripts.resolve(from, ref)) {
                Map<String, Object> props = Map.of("resolution", t.resolution(), "line", ref.line());
                String to = ModuleNodes.id(t.path());
                if (emitted.add(from + ">" + t.path())) {
                    out.accept(new EdgeRow(RelType.INVOKES, ModuleNodes.id(from), to, props));
                }
                if (functionKey != null && emitted.add(functionKey + ">" + t.path())) {
                    out.accept(new EdgeRow(RelType.INVOKES, NodeType.FUNCTION.id(functionKey), to, props));
                }
            }
        }
    }

    /** The file {@code python -m name} runs: the module, or a package's {@code __main__.py}. */
    private String moduleToRun(String dotted, String from) {
        PythonModuleIndex.Location loc = index.locate(0, dotted, from);
        if (loc.dir() != null && index.contains(RepoPath.join(loc.dir(), List.of("__main__.py")))) {
            return RepoPath.join(loc.dir(), List.of("__main__.py"));
        }
        return loc.file();
    }

    /** Sets {@code package} to the importable name where it differs from the path-derived one. */
    private void names(Consumer<LinkOutput> out) {
        for (PythonFacts f : files) {
            String canonical = index.canonical(f.path());
            if (canonical != null && !canonical.equals(PythonNames.pathDotted(f.path()))) {
                out.accept(new NodeUpdate(ModuleNodes.id(f.path()), NodeType.MODULE, Map.of(Keys.PACKAGE, canonical)));
            }
        }
    }

    private void entryPoints(Map<String, String> resources, Consumer<LinkOutput> out) {
        Map<String, List<String>> specs = new TreeMap<>();
        resources.forEach((path, text) -> {
            if (PythonProjectFiles.wanted(path)) {
                specs.put(path, PythonProjectFiles.entrySpecs(path, text));
            }
        });
        files.stream().filter(f -> !f.scripts().isEmpty()).forEach(f -> specs.put(f.path(), f.scripts()));
        Map<String, List<String>> scriptsByModule = new TreeMap<>();
        specs.forEach((config, list) -> {
            String dir = RepoPath.parent(config);
            for (String spec : list) {
                String name = spec.substring(0, spec.indexOf('='));
                String module = spec.substring(spec.indexOf('=') + 1).replaceAll(":.*$", "");
                String file = projectModule(dir, module);
                if (file != null) {
                    scriptsByModule
                            .computeIfAbsent(file, k -> new ArrayList<>())
                            .add(name);
                }
            }
        });
        scriptsByModule.forEach((file, names) -> out.accept(new NodeUpdate(
                ModuleNodes.id(file),
                NodeType.CLI_ENTRY,
                Map.of(Keys.ENTRY_KINDS, List.of("console_script"), "console_scripts", names))));
    }

    private String projectModule(String dir, String module) {
        String segs = module.replace('.', '/');
        for (String base :
                List.of(dir.isEmpty() ? segs : dir + "/" + segs, (dir.isEmpty() ? "" : dir + "/") + "src/" + segs)) {
            String file = index.fileFor(base);
            if (file != null) {
                return file;
            }
        }
        return index.locate(0, module, dir.isEmpty() ? "setup.py" : dir + "/setup.py")
                .file();
    }
}
