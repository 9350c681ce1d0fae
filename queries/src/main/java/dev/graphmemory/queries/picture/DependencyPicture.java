package dev.graphmemory.queries.picture;

import dev.graphmemory.queries.find.ToolException;
import dev.graphmemory.queries.graph.RepoGraph;
import dev.graphmemory.queries.schema.Keys;
import dev.graphmemory.queries.schema.NodeType;
import dev.graphmemory.queries.schema.RelType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.neo4j.driver.Record;

/**
 * The dependency map of a folder or a package: its modules and the imports among them, arrows
 * in red where they lie on a cycle. When there are more modules than boxes they are collapsed to
 * their folders (or packages), and the folders into their parents until they fit ({@link
 * FolderFold}); an arrow between two folders counts the imports it stands for. Test modules and
 * packages outside the repository and files a document names that do
 * not exist ({@code missing}) are left out.
 */
public final class DependencyPicture {
    private final RepoGraph graph;

    public DependencyPicture(RepoGraph graph) {
        this.graph = graph;
    }

    /** A module of a map: its id, its place (folder or package) and its file name. */
    public record Module(String id, String place, String file) {}

    /**
     * What a map of a folder or package is drawn from: its modules by id, and the imports among them
     * (pairs of module ids, in the graph's order).
     *
     * @param byPackage whether places are packages ({@code .}) rather than folders ({@code /})
     * @param scope the folder or package asked for, normalised; empty for the whole repository
     */
    public record ModuleGraph(boolean byPackage, String scope, Map<String, Module> modules, List<String[]> imports) {
        public ModuleGraph {
            modules = Collections.unmodifiableMap(new TreeMap<>(modules));
            imports = List.copyOf(imports);
        }

        /** The separator of places: {@code .} for packages, {@code /} for folders. */
        public String separator() {
            return byPackage ? "." : "/";
        }
    }

    /**
     * The modules under {@code folder} (a repository-relative folder; empty for the whole repository)
     * or, when {@code pkg} is given, in the package {@code pkg} and below it, and their imports.
     */
    public ModuleGraph modules(String folder, String pkg) {
        if (folder != null && pkg != null) {
            throw new ToolException("give path or package, not both: path is a folder (server/src/main/java),"
                    + " package a Java or Python package (dev.graphmemory.server)");
        }
        boolean byPackage = pkg != null;
        String scope = byPackage ? pkg.strip() : normalise(folder);
        String inScope = byPackage
                ? "(m." + Keys.PACKAGE + " = $scope OR m." + Keys.PACKAGE + " STARTS WITH $scope + '.')"
                : "($scope = '' OR m." + Keys.PATH + " STARTS WITH $scope + '/')";
        String module = "(m:" + NodeType.MODULE.label() + " {repo: $repo})";
        String where = " WHERE " + inScope + " AND coalesce(m." + Keys.IS_TEST + ", false) = false AND coalesce(m."
                + Keys.EXTERNAL + ", false) = false AND coalesce(m." + Keys.MISSING + ", false) = false";
        List<Record> rows = graph.read(
                "MATCH " + module + where + " RETURN m.id AS id, m." + Keys.PATH + " AS path, m." + Keys.PACKAGE
                        + " AS pkg",
                Map.of("scope", scope));
        if (rows.isEmpty()) {
            throw new ToolException("no modules " + (byPackage ? "in package '" : "under '") + scope + "'; give "
                    + (byPackage
                            ? "a package of the repository, e.g. package='com.acme.auth'"
                            : "a repository-relative folder, e.g. path='src/main/java/com/acme' (test modules are"
                                    + " left out)"));
        }
        Map<String, Module> modules = new TreeMap<>();
        for (Record r : rows) {
            String path = r.get("path").asString();
            int slash = path.lastIndexOf('/');
            String place = byPackage ? r.get("pkg").asString("") : (slash < 0 ? "" : path.substring(0, slash));
            modules.put(r.get("id").asString(), new Module(r.get("id").asString(), place, path.substring(slash + 1)));
        }
        List<String[]> imports = new ArrayList<>();
        for (Record r : graph.read(
                "MATCH " + module + "-[:" + RelType.IMPORTS.name() + "]->(b:" + NodeType.MODULE.label()
                        + " {repo: $repo})" + where + " RETURN m.id AS a, b.id AS b",
                Map.of("scope", scope))) {
            String b = r.get("b").asString();
            if (modules.containsKey(b)) {
                imports.add(new String[] {r.get("a").asString(), b});
            }
        }
        return new ModuleGraph(byPackage, scope, modules, imports);
    }

    /**
     * Draws the modules under {@code folder} (a repository-relative folder; empty for the whole
     * repository) or, when {@code pkg} is given, in the package {@code pkg} and below it.
     */
    public Picture draw(String folder, String pkg, int maxBoxes) {
        return draw(modules(folder, pkg), maxBoxes);
    }

    /** Draws the map of {@code graph} in at most {@code maxBoxes} boxes. */
    public Picture draw(ModuleGraph map, int maxBoxes) {
        boolean byPackage = map.byPackage();
        String scope = map.scope();
        String sep = map.separator();
        Map<String, Module> modules = map.modules();
        List<String[]> imports = map.imports();
        String title =
                "imports " + (byPackage ? "in package " : "under ") + (scope.isEmpty() ? "the repository" : scope);
        Diagram diagram = modules.size() <= maxBoxes
                ? byModule(title, modules, imports, graph)
                : byPlace(title, modules, imports, scope, sep, maxBoxes, byPackage);
        Diagram marked = diagram.withCycles();
        Diagram capped = marked.capped(maxBoxes);
        List<String> notes = new ArrayList<>();
        if (diagram.nodes().size() < modules.size()) {
            notes.add(modules.size() + " modules collapsed to "
                    + diagram.nodes().size() + " "
                    + (byPackage ? "packages" : "folders") + "; an arrow's number counts the imports it stands for;"
                    + " draw one " + (byPackage ? "package" : "folder") + " alone to see its modules");
        }
        if (marked.cycleEdges() > 0) {
            notes.add(marked.cycleEdges() + " arrows lie on import cycles (red)");
        }
        notes.addAll(Notes.of(capped, false, byPackage ? "package" : "path"));
        return new Picture("dependencies", scope, capped, notes, modules.size(), false, null);
    }

    private static Diagram byModule(
            String title, Map<String, Module> modules, List<String[]> imports, RepoGraph graph) {
        Map<String, Integer> degree = new HashMap<>();
        List<DiagramEdge> edges = new ArrayList<>();
        for (String[] i : imports) {
            if (!i[0].equals(i[1])) {
                edges.add(DiagramEdge.of(i[0], i[1], ""));
                degree.merge(i[0], 1, Integer::sum);
                degree.merge(i[1], 1, Integer::sum);
            }
        }
        Map<String, DiagramNode> looks = new NodeLooks(graph).of(modules.keySet());
        List<DiagramNode> nodes = new ArrayList<>();
        for (Module m : modules.values()) {
            DiagramNode look = looks.getOrDefault(m.id(), DiagramNode.of(m.id(), m.file(), "module"));
            nodes.add(new DiagramNode(m.id(), look.label(), look.kind(), -degree.getOrDefault(m.id(), 0), false));
        }
        return Diagram.of(title, nodes, edges);
    }

    private static Diagram byPlace(
            String title,
            Map<String, Module> modules,
            List<String[]> imports,
            String scope,
            String sep,
            int maxBoxes,
            boolean byPackage) {
        Map<String, Integer> sizes = new TreeMap<>();
        modules.values().forEach(m -> sizes.merge(m.place(), 1, Integer::sum));
        Map<String, String> groupOf = FolderFold.fold(sizes.keySet(), scope, sep, maxBoxes);
        Map<String, Integer> groupSize = new TreeMap<>();
        sizes.forEach((place, n) -> groupSize.merge(groupOf.get(place), n, Integer::sum));
        Map<String, String> shortNames = ShortNames.of(
                groupSize.keySet().stream().map(g -> g.isEmpty() ? "(root)" : g).toList());
        String kind = byPackage ? "package" : "folder";
        List<DiagramNode> nodes = new ArrayList<>();
        groupSize.forEach((g, n) -> {
            String name = shortNames.get(g.isEmpty() ? "(root)" : g);
            String label = (byPackage ? name : name + "/") + " (" + n + ")";
            nodes.add(new DiagramNode(kind + ":" + g, label, kind, -n, false));
        });
        List<DiagramEdge> edges = new ArrayList<>();
        for (String[] i : imports) {
            String a = groupOf.get(modules.get(i[0]).place());
            String b = groupOf.get(modules.get(i[1]).place());
            if (!a.equals(b)) {
                edges.add(DiagramEdge.of(kind + ":" + a, kind + ":" + b, ""));
            }
        }
        return Diagram.of(title + " (" + modules.size() + " modules by " + kind + ")", nodes, edges);
    }

    /** A folder as given: forward slashes, no leading {@code ./} or trailing slash; empty for the root. */
    static String normalise(String folder) {
        if (folder == null) {
            return "";
        }
        String f = folder.strip().replace('\\', '/');
        while (f.startsWith("./")) {
            f = f.substring(2);
        }
        while (f.endsWith("/")) {
            f = f.substring(0, f.length() - 1);
        }
        return f.equals(".") ? "" : f;
    }
}
