package dev.graphmemory.queries.workflow.gaps;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The module-level dependency graph of one repository, in memory: a module depends on another when
 * anything in it imports, calls, extends, implements, invokes or tests anything in the other.
 *
 * <p>Design note: reachability from every entry point is one breadth-first walk over int arrays,
 * linear in modules and edges; per-node path queries in Cypher would be one query per module.
 */
final class CodeGraph {
    private final List<CodeModule> modules;
    private final Map<String, Integer> byPath;
    private final int[][] out;
    private final int[][] in;
    private final Map<String, List<JavaType>> typesByPath;

    private CodeGraph(
            List<CodeModule> modules,
            Map<String, Integer> byPath,
            int[][] out,
            int[][] in,
            Map<String, List<JavaType>> types) {
        this.modules = modules;
        this.byPath = byPath;
        this.out = out;
        this.in = in;
        this.typesByPath = types;
    }

    /** Builds the graph; edges name modules by path, and those naming no module are dropped. */
    static CodeGraph of(List<CodeModule> modules, List<String[]> edges, List<JavaType> types) {
        Map<String, Integer> byPath = new HashMap<>();
        for (CodeModule m : modules) {
            byPath.put(m.path(), m.index());
        }
        List<List<Integer>> outs = new ArrayList<>();
        List<List<Integer>> ins = new ArrayList<>();
        for (int i = 0; i < modules.size(); i++) {
            outs.add(new ArrayList<>());
            ins.add(new ArrayList<>());
        }
        List<String[]> all = new ArrayList<>(edges);
        all.addAll(packageInits(modules, byPath));
        all.addAll(annotationWiring(types));
        for (String[] e : all) {
            Integer s = byPath.get(e[0]);
            Integer t = byPath.get(e[1]);
            if (s != null && t != null && !s.equals(t)) {
                outs.get(s).add(t);
                ins.get(t).add(s);
            }
        }
        Map<String, List<JavaType>> typesByPath = new HashMap<>();
        for (JavaType t : types) {
            typesByPath.computeIfAbsent(t.path(), k -> new ArrayList<>()).add(t);
        }
        return new CodeGraph(List.copyOf(modules), byPath, toArrays(outs), toArrays(ins), typesByPath);
    }

    /**
     * Python runs a package's {@code __init__.py} before any module in it: each Python module
     * depends on the {@code __init__.py} of its folder and of the folders above.
     */
    private static List<String[]> packageInits(List<CodeModule> modules, Map<String, Integer> byPath) {
        List<String[]> edges = new ArrayList<>();
        for (CodeModule m : modules) {
            if (!m.language().equals("python")) {
                continue;
            }
            String folder = m.path().endsWith("/__init__.py") ? parent(m.folder()) : m.folder();
            while (folder != null) {
                String init = folder.isEmpty() ? "__init__.py" : folder + "/__init__.py";
                if (byPath.containsKey(init)) {
                    edges.add(new String[] {m.path(), init});
                }
                folder = parent(folder);
            }
        }
        return edges;
    }

    /**
     * Types named as class literals in annotation values ({@code @Command(subcommands =
     * IndexCommand.class)}, {@code @Import(Config.class)}): the framework instantiates them, so the
     * annotated module depends on them. A name resolves in the annotated type's package first, then
     * as a qualified name, then as a simple name unique in the repository.
     */
    private static List<String[]> annotationWiring(List<JavaType> types) {
        Map<String, String> byQualified = new HashMap<>();
        Map<String, List<String>> bySimple = new HashMap<>();
        for (JavaType t : types) {
            byQualified.put(t.qualifiedName(), t.path());
            String simple = t.qualifiedName().substring(t.qualifiedName().lastIndexOf('.') + 1);
            bySimple.computeIfAbsent(simple, k -> new ArrayList<>()).add(t.path());
        }
        List<String[]> edges = new ArrayList<>();
        for (JavaType t : types) {
            for (String name : t.annotationTypes()) {
                String target = byQualified.get(t.pkg().isEmpty() ? name : t.pkg() + "." + name);
                if (target == null) {
                    target = byQualified.get(name);
                }
                if (target == null) {
                    List<String> candidates =
                            bySimple.getOrDefault(name.substring(name.lastIndexOf('.') + 1), List.of());
                    target = candidates.size() == 1 ? candidates.get(0) : null;
                }
                if (target != null) {
                    edges.add(new String[] {t.path(), target});
                }
            }
        }
        return edges;
    }

    private static String parent(String folder) {
        if (folder.isEmpty()) {
            return null;
        }
        int slash = folder.lastIndexOf('/');
        return slash < 0 ? "" : folder.substring(0, slash);
    }

    private static int[][] toArrays(List<List<Integer>> lists) {
        int[][] a = new int[lists.size()][];
        for (int i = 0; i < a.length; i++) {
            a[i] = lists.get(i).stream().distinct().mapToInt(Integer::intValue).toArray();
        }
        return a;
    }

    List<CodeModule> modules() {
        return modules;
    }

    CodeModule module(int index) {
        return modules.get(index);
    }

    /** The module at {@code path}, or {@code null}. */
    CodeModule at(String path) {
        Integer i = byPath.get(path);
        return i == null ? null : modules.get(i);
    }

    /** The modules {@code index} depends on. */
    int[] out(int index) {
        return out[index];
    }

    /** The modules that depend on {@code index}. */
    int[] in(int index) {
        return in[index];
    }

    /** The Java types declared in a module (none for other languages). */
    List<JavaType> types(CodeModule m) {
        return typesByPath.getOrDefault(m.path(), List.of());
    }

    int size() {
        return modules.size();
    }

    long edgeCount() {
        long n = 0;
        for (int[] o : out) {
            n += o.length;
        }
        return n;
    }
}
