package dev.graphmemory.indexer.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Node ids that more than one source file declares, and the id each copy gets. One fully
 * qualified Java name is often declared several times in one repository: in two build modules, in
 * main and in test code, in {@code src/main/java} and a multi-release {@code src/main/java21}, in
 * two examples. Every copy keeps a node of its own.
 *
 * <p>Design notes. The copy the compiler would most likely mean keeps the plain id, so the common
 * id stays the readable one users know: main code before test code, then the first path in
 * order ({@code src/main/java} sorts before {@code src/main/java21}). Every other copy's id is the
 * plain id followed by {@code @} and the shortest leading part of its path that tells it from every
 * other copy, in whole folders ({@code architecture:class:demo.Main@examples/two},
 * {@code ...MockEnvironment@spring-context}); {@code qualified_name} stays the plain name. The
 * choice depends only on the set of paths that declare the id, never on the order files were
 * parsed in, so a full run and an incremental one give every node the same id.
 */
public final class Copies {
    /** No id declared twice. */
    public static final Copies NONE = new Copies(Map.of(), Map.of(), Nearness.FOLDERS);

    /** Path → (plain id → its id in that file), for the copies that do not keep the plain id. */
    private final Map<String, Map<String, String>> renames;
    /** Plain id → the paths that declare it, the one keeping the plain id first. */
    private final Map<String, List<String>> declaredIn;

    /** Which copy a reference means (see {@link Nearness}). */
    private final Nearness nearness;

    private Copies(Map<String, Map<String, String>> renames, Map<String, List<String>> declaredIn, Nearness nearness) {
        this.renames = renames;
        this.declaredIn = declaredIn;
        this.nearness = nearness;
    }

    /** These copies, resolved by the nearness of a build's modules and source sets. */
    public Copies withNearness(Nearness nearness) {
        return new Copies(renames, declaredIn, nearness);
    }

    /** Which copy a reference from a file means. */
    public Nearness nearness() {
        return nearness;
    }

    /**
     * The copies among ids declared by several paths.
     *
     * @param claimers plain id → every path that declares it (ids declared once may be left out)
     */
    public static Copies of(Map<String, ? extends Collection<String>> claimers) {
        Map<String, Map<String, String>> renames = new HashMap<>();
        Map<String, List<String>> declaredIn = new HashMap<>();
        claimers.forEach((id, paths) -> {
            List<String> sorted = paths.stream().distinct().sorted(RANK).toList();
            if (sorted.size() < 2) {
                return;
            }
            declaredIn.put(id, sorted);
            for (String path : sorted.subList(1, sorted.size())) {
                renames.computeIfAbsent(path, p -> new HashMap<>()).put(id, id + "@" + qualifier(path, sorted));
            }
        });
        return declaredIn.isEmpty() ? NONE : new Copies(renames, declaredIn, Nearness.FOLDERS);
    }

    /** The copies among the ids of whole files: path → the ids its rows declare. */
    public static Copies ofFiles(Map<String, ? extends Collection<String>> idsByPath) {
        Map<String, List<String>> byId = new HashMap<>();
        idsByPath.forEach((path, ids) -> ids.forEach(
                id -> byId.computeIfAbsent(id, k -> new ArrayList<>(1)).add(path)));
        byId.values().removeIf(paths -> paths.size() < 2);
        return of(byId);
    }

    /** Whether no id is declared twice. */
    public boolean isEmpty() {
        return declaredIn.isEmpty();
    }

    /** The id that {@code path}'s copy of {@code plainId} has. */
    public String id(String path, String plainId) {
        Map<String, String> own = renames.get(path);
        return own == null ? plainId : own.getOrDefault(plainId, plainId);
    }

    /** The ids of a file's nodes, in order, as {@link #id} gives them. */
    public List<String> ids(String path, List<String> plainIds) {
        Map<String, String> own = renames.get(path);
        return own == null
                ? plainIds
                : plainIds.stream().map(id -> own.getOrDefault(id, id)).toList();
    }

    /** Plain id → new id, for the ids of {@code path} that are renamed; empty for most files. */
    public Map<String, String> renames(String path) {
        return renames.getOrDefault(path, Map.of());
    }

    /** The paths declaring {@code plainId}, the one keeping the plain id first; empty when one path does. */
    public List<String> paths(String plainId) {
        return declaredIn.getOrDefault(plainId, List.of());
    }

    /** Every path that has a renamed copy. */
    public Set<String> renamedPaths() {
        return renames.keySet();
    }

    /** A file's rows with its copies' ids (nodes and the edges inside the file). */
    public FileResult apply(FileResult file) {
        return rename(file, renames(file.path()));
    }

    /** A file's rows with ids renamed by {@code renames} (plain id → new id). */
    public static FileResult rename(FileResult file, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return file;
        }
        List<NodeRow> nodes = new ArrayList<>(file.nodes().size());
        for (NodeRow n : file.nodes()) {
            String to = renames.get(n.id());
            nodes.add(to == null ? n : new NodeRow(n.types(), keyOf(to), n.properties()));
        }
        List<EdgeRow> edges = new ArrayList<>(file.edges().size());
        for (EdgeRow e : file.edges()) {
            edges.add(new EdgeRow(
                    e.type(),
                    renames.getOrDefault(e.fromId(), e.fromId()),
                    renames.getOrDefault(e.toId(), e.toId()),
                    e.properties()));
        }
        return new FileResult(file.path(), nodes, edges, file.facts(), file.parseOk(), file.problem());
    }

    /** The key of an id {@code <schema>:<type>:<key>}. */
    public static String keyOf(String id) {
        int first = id.indexOf(':');
        return id.substring(id.indexOf(':', first + 1) + 1);
    }

    /** Main code before tests, then path order. */
    public static final Comparator<String> RANK =
            Comparator.comparing(Copies::looksLikeTest).thenComparing(Comparator.naturalOrder());

    static boolean looksLikeTest(String path) {
        for (String segment : path.split("/")) {
            String s = segment.toLowerCase(java.util.Locale.ROOT);
            if (s.equals("test")
                    || s.equals("tests")
                    || s.startsWith("test") && segment.length() > 4 && Character.isUpperCase(segment.charAt(4))) {
                return true; // test, tests, testFixtures, testIntegration ...
            }
        }
        return false;
    }

    /**
     * The shortest leading folders of {@code path} (or the whole path) that no other copy's path
     * starts with in the same way.
     */
    static String qualifier(String path, List<String> all) {
        String[] own = path.split("/");
        int needed = 0;
        for (String other : all) {
            if (other.equals(path)) {
                continue;
            }
            String[] theirs = other.split("/");
            int d = 0;
            while (d < own.length && d < theirs.length && own[d].equals(theirs[d])) {
                d++;
            }
            needed = Math.max(needed, d);
        }
        int take = Math.min(needed + 1, own.length);
        return String.join("/", java.util.Arrays.asList(own).subList(0, take));
    }
}
