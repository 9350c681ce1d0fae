package dev.graphmemory.indexer.build;

import dev.graphmemory.indexer.model.EdgeRow;
import dev.graphmemory.indexer.model.FileResult;
import dev.graphmemory.indexer.model.Nearness;
import dev.graphmemory.indexer.model.NodeRow;
import dev.graphmemory.queries.schema.Keys;
import dev.graphmemory.queries.schema.NodeType;
import dev.graphmemory.queries.schema.RelType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A repository's build modules as the graph holds them: a {@code build_module} node per Maven
 * module or Gradle project ({@code name}, {@code path}, {@code tool}, {@code build_file},
 * {@code source_sets}), {@code DEPENDS_ON} between them ({@code configurations},
 * {@code test_fixtures}), {@code DECLARES} to every source file in the module's folder, and on
 * each file's {@code module} node and class nodes the {@code build_module} (and on the module its
 * {@code source_set}). It also tells the Java linker which copy of a repeated name a file means
 * ({@link #nearness()}).
 *
 * <p>The layout is a function of the build files alone; {@link #digest()} changes whenever any of
 * it does, and a run whose layout differs from the last one's rebuilds in full (build files change
 * seldom, and every file's rows may carry another module then).
 */
public final class BuildLayout {
    /** Property of module and class nodes: the key of the build module the file belongs to. */
    public static final String BUILD_MODULE = "build_module";
    /** Property of module nodes: the file's source set ({@code main}, {@code test}, {@code main/java21}...). */
    public static final String SOURCE_SET = "source_set";

    /** No build modules. */
    public static final BuildLayout NONE = new BuildLayout(List.of(), List.of());

    private final List<BuildModule> modules;
    private final List<String> warnings;
    private final Map<String, String> keys = new HashMap<>();
    private final String digest;

    private BuildLayout(List<BuildModule> modules, List<String> warnings) {
        List<BuildModule> kept = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        List<String> all = new ArrayList<>(warnings);
        for (BuildModule m : modules) {
            String key = key(m);
            if (!taken.add(key)) {
                all.add(m.buildFile() + ": build module " + m.name() + " has the name of another one; left out");
                continue;
            }
            keys.put(m.name(), key);
            kept.add(m);
        }
        this.modules = List.copyOf(kept);
        this.warnings = List.copyOf(all);
        this.digest = digestOf(this.modules);
    }

    /** The layout of the build modules read from a repository. */
    public static BuildLayout of(BuildModules read) {
        return read.modules().isEmpty() && read.warnings().isEmpty()
                ? NONE
                : new BuildLayout(read.modules(), read.warnings());
    }

    public List<BuildModule> modules() {
        return modules;
    }

    /** Build files that could not be read, with why. */
    public List<String> warnings() {
        return warnings;
    }

    /** Changes whenever the modules, their folders or their dependencies do. */
    public String digest() {
        return digest;
    }

    /** The id key of a build module: its Gradle path without the leading colon, or its Maven artifactId. */
    static String key(BuildModule m) {
        String name = m.name();
        if (BuildModule.GRADLE.equals(m.tool())) {
            name = name.startsWith(":") ? name.substring(1) : name;
            return name.isEmpty() ? "root" : name;
        }
        return name;
    }

    /** The module holding a file; the longest folder wins. */
    public Optional<BuildModule> moduleOf(String path) {
        return BuildModules.holding(modules, path);
    }

    /** A file's rows with its build module (and the module node's source set) as properties. */
    public FileResult annotate(FileResult file) {
        Optional<BuildModule> module = moduleOf(file.path());
        if (module.isEmpty()) {
            return file;
        }
        String key = keys.get(module.get().name());
        String set = BuildModules.sourceSet(module.get().relativize(file.path()));
        List<NodeRow> nodes = new ArrayList<>(file.nodes().size());
        for (NodeRow n : file.nodes()) {
            if (n.types().contains(NodeType.MODULE)) {
                Map<String, Object> p = new LinkedHashMap<>(n.properties());
                p.put(BUILD_MODULE, key);
                p.put(SOURCE_SET, set);
                nodes.add(new NodeRow(n.types(), n.key(), p));
            } else if (n.types().contains(NodeType.CLASS)) {
                Map<String, Object> p = new LinkedHashMap<>(n.properties());
                p.put(BUILD_MODULE, key);
                nodes.add(new NodeRow(n.types(), n.key(), p));
            } else {
                nodes.add(n);
            }
        }
        return new FileResult(file.path(), nodes, file.edges(), file.facts(), file.parseOk(), file.problem());
    }

    /** The build-module nodes, given the source files indexed (for their source sets). */
    public List<NodeRow> nodes(Collection<String> sourcePaths) {
        Map<String, TreeSet<String>> sets = new HashMap<>();
        for (String path : sourcePaths) {
            moduleOf(path).ifPresent(m -> sets.computeIfAbsent(m.name(), k -> new TreeSet<>())
                    .add(BuildModules.sourceSet(m.relativize(path))));
        }
        List<NodeRow> rows = new ArrayList<>();
        for (BuildModule m : modules) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put(Keys.NAME, m.name());
            p.put(Keys.PATH, m.path());
            p.put("tool", m.tool());
            p.put("build_file", m.buildFile());
            p.put("source_sets", List.copyOf(sets.getOrDefault(m.name(), new TreeSet<>())));
            rows.add(new NodeRow(List.of(NodeType.BUILD_MODULE), keys.get(m.name()), p));
        }
        return rows;
    }

    /** {@code DEPENDS_ON} between build modules and {@code DECLARES} from each to its source files. */
    public List<EdgeRow> edges(Collection<String> sourcePaths) {
        List<EdgeRow> rows = new ArrayList<>();
        for (BuildModule m : modules) {
            String from = id(m.name());
            Map<String, TreeSet<String>> configurations = new TreeMap<>();
            Set<String> fixtures = new HashSet<>();
            for (BuildDependency d : m.dependencies()) {
                if (!keys.containsKey(d.module()) || d.module().equals(m.name())) {
                    continue;
                }
                configurations.computeIfAbsent(d.module(), k -> new TreeSet<>()).add(d.configuration());
                if (d.testFixtures()) {
                    fixtures.add(d.module());
                }
            }
            configurations.forEach((to, confs) -> rows.add(new EdgeRow(
                    RelType.DEPENDS_ON,
                    from,
                    id(to),
                    Map.of("configurations", List.copyOf(confs), "test_fixtures", fixtures.contains(to)))));
        }
        for (String path : new TreeSet<>(sourcePaths)) {
            moduleOf(path)
                    .ifPresent(m -> rows.add(EdgeRow.of(RelType.DECLARES, id(m.name()), NodeType.MODULE.id(path))));
        }
        return rows;
    }

    private String id(String moduleName) {
        return NodeType.BUILD_MODULE.id(keys.get(moduleName));
    }

    /** Which copy of a repeated name a file means, by this layout's modules and dependencies. */
    public Nearness nearness() {
        if (modules.isEmpty()) {
            return Nearness.FOLDERS;
        }
        Map<String, Set<String>> mainDirect = new HashMap<>();
        Map<String, Set<String>> testDirect = new HashMap<>();
        Map<String, Set<String>> fixtures = new HashMap<>();
        for (BuildModule m : modules) {
            Set<String> main = mainDirect.computeIfAbsent(m.name(), k -> new HashSet<>());
            Set<String> test = testDirect.computeIfAbsent(m.name(), k -> new HashSet<>());
            Set<String> fix = fixtures.computeIfAbsent(m.name(), k -> new HashSet<>());
            for (BuildDependency d : m.dependencies()) {
                if (!keys.containsKey(d.module())) {
                    continue;
                }
                if (d.testFixtures()) {
                    fix.add(d.module());
                }
                test.add(d.module());
                if (!isTestConfiguration(d.configuration()) && !d.testFixtures()) {
                    main.add(d.module());
                }
            }
        }
        Map<String, Nearness.Reach> mainReach = new HashMap<>();
        Map<String, Nearness.Reach> testReach = new HashMap<>();
        for (BuildModule m : modules) {
            Set<String> main = mainDirect.get(m.name());
            mainReach.put(m.name(), new Nearness.Reach(main, closure(main, mainDirect), Set.of()));
            Set<String> test = testDirect.get(m.name());
            Set<String> testAll = closure(test, mainDirect);
            testReach.put(m.name(), new Nearness.Reach(test, testAll, fixtures.get(m.name())));
        }
        return new Nearness(
                path -> moduleOf(path).map(m -> new Nearness.Module(m.name(), m.path())), mainReach, testReach);
    }

    /** Test scopes and the configurations of test source sets ({@code testImplementation}, {@code testFixturesApi}...). */
    static boolean isTestConfiguration(String configuration) {
        String c = configuration.toLowerCase(Locale.ROOT);
        return c.startsWith("test") || c.contains("integrationtest") || c.startsWith("jmh");
    }

    /** Everything reachable from {@code start} through main dependencies. */
    private static Set<String> closure(Set<String> start, Map<String, Set<String>> direct) {
        Set<String> seen = new HashSet<>(start);
        Deque<String> todo = new ArrayDeque<>(start);
        while (!todo.isEmpty()) {
            for (String next : direct.getOrDefault(todo.pop(), Set.of())) {
                if (seen.add(next)) {
                    todo.push(next);
                }
            }
        }
        return seen;
    }

    private static String digestOf(List<BuildModule> modules) {
        if (modules.isEmpty()) {
            return "none";
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (BuildModule m : modules) {
                sha.update((m.name() + '\0' + m.path() + '\0' + m.tool() + '\0' + m.buildFile() + '\0')
                        .getBytes(StandardCharsets.UTF_8));
                for (BuildDependency d : m.dependencies()) {
                    sha.update((d.module() + '\1' + d.configuration() + '\1' + d.testFixtures() + '\0')
                            .getBytes(StandardCharsets.UTF_8));
                }
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
