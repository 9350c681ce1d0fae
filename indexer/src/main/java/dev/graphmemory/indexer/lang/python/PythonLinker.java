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
 * {@code INVOKES}, importable module names, console-script and plugin entry points and the modules frameworks
 * import by a name in a string ({@code IMPORTS} with {@code by_name}, see {@link PythonWiring}).
 */
final class PythonLinker {
    /**
     * Entry kind of a module named by a plugin entry point (any group but console and GUI scripts):
     * a published surface like package.json {@code exports}, so it does not make a library an application.
     */
    static final String PLUGIN_ENTRY_POINT = "plugin_entry_point";

    private final List<PythonFacts> files;
    private final PythonModuleIndex index;
    private final PythonSymbols symbols;
    private final Set<String> stdlib;

    /** Files of any language a started program may run: the run's modules. */
    private final java.util.Collection<String> runnable;

    PythonLinker(List<PythonFacts> files, Set<String> stdlib) {
        this(files, stdlib, List.of());
    }

    PythonLinker(List<PythonFacts> files, Set<String> stdlib, java.util.Collection<String> modulePaths) {
        this.files = files;
        Set<String> run = new java.util.LinkedHashSet<>(modulePaths);
        files.forEach(f -> run.add(f.path()));
        this.runnable = run;
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
        wiring(resources, out);
    }

    /**
     * {@code IMPORTS} with {@code by_name} from a module to those it names in strings that a
     * framework imports ({@link PythonWiring}), and {@code server_app} entry points for the modules
     * a deployment file starts. An edge an import statement already gives is not repeated.
     */
    private void wiring(Map<String, String> resources, Consumer<LinkOutput> out) {
        Map<String, Set<String>> imported = new HashMap<>();
        PythonImportResolver resolver = new PythonImportResolver(index);
        for (PythonFacts f : files) {
            if (f.wired().isEmpty()) {
                continue;
            }
            Set<String> mine = imported.computeIfAbsent(f.path(), k -> new HashSet<>());
            f.imports()
                    .forEach(imp -> mine.addAll(resolver.resolve(imp, f.path()).files()));
            Set<String> targets = new java.util.TreeSet<>();
            for (String name : f.wired()) {
                targets.addAll(wiredFiles(name, f.path()));
            }
            targets.remove(f.path());
            targets.removeAll(mine);
            for (String t : targets) {
                out.accept(new EdgeRow(
                        RelType.IMPORTS, ModuleNodes.id(f.path()), ModuleNodes.id(t), Map.of("by_name", true)));
            }
        }
        Set<String> servers = new java.util.TreeSet<>();
        resources.forEach((path, text) -> {
            if (PythonWiring.deploymentFile(path)) {
                for (String name : PythonWiring.fromDeployment(text)) {
                    servers.addAll(wiredFiles(name, path));
                }
            }
        });
        servers.forEach(file -> out.accept(new NodeUpdate(
                ModuleNodes.id(file), NodeType.CLI_ENTRY, Map.of(Keys.ENTRY_KINDS, List.of("server_app")))));
    }

    /**
     * The repository files a wired name reaches: the module its longest importable prefix names
     * (a class path such as {@code app.apps.AppConfig} names {@code app/apps.py}); for an installed
     * app ({@code app:}) also the modules Django loads from it; for a Celery package ({@code tasks:})
     * its {@code celery} and {@code tasks} modules.
     */
    private List<String> wiredFiles(String wired, String from) {
        String kind = wired.startsWith("app:") ? "app" : wired.startsWith("tasks:") ? "tasks" : "";
        String name = kind.isEmpty() ? wired : wired.substring(kind.length() + 1);
        String[] segments = name.split("\\.");
        PythonModuleIndex.Location loc = new PythonModuleIndex.Location(null, null);
        for (int n = segments.length; n > 0 && !loc.found(); n--) {
            loc = index.locate(0, String.join(".", List.of(segments).subList(0, n)), from);
        }
        if (!loc.found()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (loc.file() != null) {
            out.add(loc.file());
        }
        String dir = loc.dir() != null ? loc.dir() : RepoPath.parent(loc.file());
        List<String> modules =
                switch (kind) {
                    case "app" -> PythonWiring.APP_MODULES;
                    case "tasks" -> List.of("celery", "tasks");
                    default -> List.of();
                };
        for (String m : modules) {
            String file = index.fileFor(dir.isEmpty() ? m : dir + "/" + m);
            if (file != null) {
                out.add(file);
            }
        }
        if (kind.equals("app")) {
            for (String folder : PythonWiring.APP_FOLDERS) {
                String prefix = (dir.isEmpty() ? "" : dir + "/") + folder + "/";
                for (PythonFacts f : files) {
                    if (f.path().startsWith(prefix) && f.path().indexOf('/', prefix.length()) < 0) {
                        out.add(f.path());
                    }
                }
            }
        }
        return out;
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
        ScriptResolver scripts = new ScriptResolver(runnable, List.of("__main__.py"), this::moduleToRun);
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

    /**
     * Sets {@code package} to the importable name where it differs from the path-derived one, and on
     * a {@code .pyi} stub beside the module it declares, {@code describes}: that module's path.
     */
    private void names(Consumer<LinkOutput> out) {
        for (PythonFacts f : files) {
            Map<String, Object> props = new HashMap<>();
            String canonical = index.canonical(f.path());
            if (canonical != null && !canonical.equals(PythonNames.pathDotted(f.path()))) {
                props.put(Keys.PACKAGE, canonical);
            }
            String described = f.path().substring(0, f.path().length() - 1);
            if (f.stub() && f.path().endsWith(".pyi") && index.contains(described)) {
                props.put("describes", described);
            }
            if (!props.isEmpty()) {
                out.accept(new NodeUpdate(ModuleNodes.id(f.path()), NodeType.MODULE, props));
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
        Map<String, List<String>> pluginsByModule = new TreeMap<>();
        specs.forEach((config, list) -> {
            String dir = RepoPath.parent(config);
            for (String spec : list) {
                String name = spec.substring(0, spec.indexOf('='));
                String module = spec.substring(spec.indexOf('=') + 1).replaceAll(":.*$", "");
                String file = projectModule(dir, module);
                if (file != null) {
                    // group/name: a plugin entry point (pytest11, flake8.extension...) a host loads by name
                    (name.contains("/") ? pluginsByModule : scriptsByModule)
                            .computeIfAbsent(file, k -> new ArrayList<>())
                            .add(name);
                }
            }
        });
        scriptsByModule.forEach((file, names) -> out.accept(new NodeUpdate(
                ModuleNodes.id(file),
                NodeType.CLI_ENTRY,
                Map.of(Keys.ENTRY_KINDS, List.of("console_script"), "console_scripts", names))));
        pluginsByModule.forEach((file, names) -> out.accept(new NodeUpdate(
                ModuleNodes.id(file),
                NodeType.CLI_ENTRY,
                Map.of(Keys.ENTRY_KINDS, List.of(PLUGIN_ENTRY_POINT), "entry_points", names))));
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
