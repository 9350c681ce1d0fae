package dev.graphmemory.indexer.java;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Works out which repository modules a file depends on at the type level: single-type and static
 * imports, the simple names it uses (resolved through inherited member types, imports, its
 * package and on-demand imports, so an on-demand import only counts for the types the file
 * uses), and qualified names written inline.
 */
final class ImportLinker {
    private final SymbolTable table;

    ImportLinker(SymbolTable table) {
        this.table = table;
    }

    /** The files this file imports, without itself, in a stable order. */
    int[] importedFiles(FileScope scope) {
        JavaFacts facts = scope.facts();
        Set<Integer> files = new LinkedHashSet<>();
        for (String name : facts.singleImports()) {
            add(files, table.longestPrefix(name));
        }
        for (String member : facts.staticImports()) {
            int dot = member.lastIndexOf('.');
            if (dot > 0) {
                add(files, table.longestPrefix(member.substring(0, dot)));
            }
        }
        for (String typeName : facts.staticOnDemandImports()) {
            add(files, table.longestPrefix(typeName));
        }
        for (String simple : facts.referenced()) {
            if (!scope.importsSingle(simple)) {
                add(files, resolveReferenced(scope, simple));
            }
        }
        for (String dotted : facts.qualifiedRefs()) {
            add(files, table.longestPrefix(dotted));
        }
        files.remove(scope.file());
        return files.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Member types inherited by the file's top-level types shadow imports and the package. */
    private int resolveReferenced(FileScope scope, String simple) {
        JavaFacts.Types types = scope.facts().types();
        for (int local = 0; local < types.size(); local++) {
            if (types.outer()[local] < 0) {
                int inherited = scope.memberIncludingInherited(table.type(scope.file(), local), simple, true);
                if (inherited >= 0) {
                    return inherited;
                }
            }
        }
        return scope.resolveOutsideFile(simple);
    }

    private void add(Set<Integer> files, int type) {
        if (type >= 0) {
            files.add(table.fileOf(type));
        }
    }
}
