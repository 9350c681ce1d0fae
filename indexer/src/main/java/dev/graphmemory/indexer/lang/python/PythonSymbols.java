package dev.graphmemory.indexer.lang.python;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves names as written in a Python file ({@code helper}, {@code self.run}, {@code mod.f},
 * {@code Cls.method}, {@code Base}) to the functions and classes of the repository, through the
 * file's own definitions and its imports.
 */
final class PythonSymbols {
    private final PythonModuleIndex index;
    private final Map<String, PythonFacts> byPath = new HashMap<>();
    private final Map<String, Map<String, List<String>>> functions = new HashMap<>();
    private final Map<String, Map<String, String>> classes = new HashMap<>();

    PythonSymbols(PythonModuleIndex index, List<PythonFacts> files) {
        this.index = index;
        for (PythonFacts f : files) {
            byPath.put(f.path(), f);
            Map<String, List<String>> fns = new HashMap<>();
            for (PythonFacts.FunctionFact fn : f.functions()) {
                String local = fn.owner() == null ? fn.name() : fn.owner() + "." + fn.name();
                fns.computeIfAbsent(local, k -> new ArrayList<>()).add(fn.key());
            }
            functions.put(f.path(), fns);
            Map<String, String> cls = new HashMap<>();
            f.classes().forEach(c -> cls.putIfAbsent(c.localName(), c.key()));
            classes.put(f.path(), cls);
        }
    }

    /** The class a base or type name written in {@code file} refers to, or {@code null}. */
    String classOf(PythonFacts file, String written) {
        String name = written.replaceAll("\\[.*$", "");
        Target t = target(file, name);
        return t == null ? null : classes.get(t.path).get(t.local);
    }

    /** The functions a callee written in a function of {@code file} (of class {@code owner}) refers to. */
    List<String> functionsOf(PythonFacts file, String owner, String written) {
        if (written.contains("(") || written.contains("[")) {
            return List.of();
        }
        if (owner != null && (written.startsWith("self.") || written.startsWith("cls."))) {
            String method = written.substring(written.indexOf('.') + 1);
            if (method.contains(".")) {
                return List.of();
            }
            List<String> own = functions.get(file.path()).get(owner + "." + method);
            return own == null ? List.of() : own;
        }
        Target t = target(file, written);
        if (t == null) {
            return List.of();
        }
        Map<String, List<String>> fns = functions.get(t.path);
        List<String> direct = fns.get(t.local);
        if (direct != null) {
            return direct;
        }
        List<String> ctor = classes.get(t.path).containsKey(t.local) ? fns.get(t.local + ".__init__") : null;
        return ctor == null ? List.of() : ctor;
    }

    private record Target(String path, String local) {}

    /** The module and the name inside it that a dotted reference in {@code file} denotes. */
    private Target target(PythonFacts file, String written) {
        String[] parts = written.split("\\.");
        if (functions.get(file.path()).containsKey(written)
                || classes.get(file.path()).containsKey(written)) {
            return new Target(file.path(), written);
        }
        String alias = file.aliases().get(parts[0]);
        if (alias == null) {
            String head = parts.length > 1 ? parts[0] + "." + parts[1] : parts[0];
            return classes.get(file.path()).containsKey(head) ? new Target(file.path(), written) : null;
        }
        String rest = parts.length > 1 ? written.substring(parts[0].length() + 1) : "";
        String ref = alias.replace(':', '.') + (rest.isEmpty() ? "" : "." + rest);
        int level = 0;
        while (level < ref.length() && ref.charAt(level) == '.') {
            level++;
        }
        String[] names = ref.substring(level).split("\\.");
        for (int k = names.length - 1; k >= (level > 0 ? 0 : 1); k--) {
            String module = String.join(".", java.util.Arrays.copyOfRange(names, 0, k));
            PythonModuleIndex.Location loc = index.locate(level, module, file.path());
            if (loc.file() != null && byPath.containsKey(loc.file())) {
                String local = String.join(".", java.util.Arrays.copyOfRange(names, k, names.length));
                Map<String, List<String>> fns = functions.get(loc.file());
                if (fns.containsKey(local)
                        || classes.get(loc.file()).containsKey(local)
                        || classes.get(loc.file()).containsKey(local.replaceAll("\\.[^.]*$", ""))) {
                    return new Target(loc.file(), local);
                }
            }
        }
        return null;
    }
}
