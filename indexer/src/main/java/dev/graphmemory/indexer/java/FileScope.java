package dev.graphmemory.indexer.java;

import java.util.HashMap;
import java.util.Map;

/**
 * Resolves type names as written in one file to repository types, following Java's order: types
 * in scope at the use site (the enclosing classes, their members and inherited member types, the
 * file's top-level types), then single-type imports, then the file's package, then on-demand
 * imports and {@code java.lang}.
 *
 * <p>Results are -1 when nothing in the repository matches, and {@link #EXTERNAL} when a
 * single-type import of a type outside the repository claims the name (so that a same-named
 * repository type in the package must not be taken).
 */
final class FileScope {
    static final int EXTERNAL = -2;

    private final SymbolTable table;
    private final int file;
    private final JavaFacts facts;
    private final Map<String, String> singleImports = new HashMap<>();
    private final String[] onDemand;

    FileScope(SymbolTable table, int file) {
        this.table = table;
        this.file = file;
        this.facts = table.file(file);
        for (String name : facts.singleImports()) {
            singleImports.putIfAbsent(SymbolTable.simpleName(name), name);
        }
        String[] declared = facts.onDemandImports();
        onDemand = java.util.Arrays.copyOf(declared, declared.length + 1);
        onDemand[declared.length] = "java.lang";
    }

    int file() {
        return file;
    }

    JavaFacts facts() {
        return facts;
    }

    /** Whether a single-type import names this simple name. */
    boolean importsSingle(String simple) {
        return singleImports.containsKey(simple);
    }

    /**
     * Resolves a type name as written ({@code Foo}, {@code Outer.Inner}, {@code a.b.C}) seen inside
     * type {@code context} (a global type index, or -1 for the file level).
     *
     * @param inherited whether member types inherited from supertypes are in scope (false while the
     *     supertypes themselves are being resolved)
     */
    int resolve(String written, int context, boolean inherited) {
        int dot = written.indexOf('.');
        String first = dot < 0 ? written : written.substring(0, dot);
        int t = resolveSimple(first, context, inherited);
        if (t == -1 && dot > 0 && !TypeNames.capitalised(first)) {
            return table.type(written, file);
        }
        while (t >= 0 && dot > 0) {
            int next = written.indexOf('.', dot + 1);
            String segment = next < 0 ? written.substring(dot + 1) : written.substring(dot + 1, next);
            t = memberIncludingInherited(t, segment, inherited);
            dot = next;
        }
        return t;
    }

    /** Resolves a simple type name; see {@link #resolve}. */
    int resolveSimple(String simple, int context, boolean inherited) {
        for (int t = context; t >= 0; t = table.outer(t)) {
            if (table.hasSimpleName(t, simple)) {
                return t;
            }
            int member = memberIncludingInherited(t, simple, inherited);
            if (member >= 0) {
                return member;
            }
        }
        JavaFacts.Types types = facts.types();
        for (int local = 0; local < types.size(); local++) {
            int t = table.type(file, local);
            if (types.outer()[local] < 0 && table.hasSimpleName(t, simple)) {
                return t;
            }
        }
        return resolveOutsideFile(simple);
    }

    /** Imports, then the package, then on-demand imports; the file's own types are not considered. */
    int resolveOutsideFile(String simple) {
        String imported = singleImports.get(simple);
        if (imported != null) {
            int t = table.type(imported, file);
            return t >= 0 ? t : EXTERNAL;
        }
        String pkg = facts.pkg();
        int t = table.type(pkg.isEmpty() ? simple : pkg + "." + simple, file);
        if (t >= 0) {
            return t;
        }
        for (String prefix : onDemand) {
            t = table.type(prefix + "." + simple, file);
            if (t >= 0) {
                return t;
            }
        }
        return -1;
    }

    /** A member type of {@code type} or of its supertypes (breadth first), or -1. */
    int memberIncludingInherited(int type, String simple, boolean inherited) {
        int direct = table.member(type, simple);
        if (direct >= 0 || !inherited || table.supers(type).length == 0) {
            return direct;
        }
        return table.inSupertypes(type, t -> table.member(t, simple));
    }
}
