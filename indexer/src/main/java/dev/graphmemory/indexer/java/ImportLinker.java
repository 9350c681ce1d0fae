package dev.graphmemory.indexer.java;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Works out which repository modules a file depends on at the type level, as a compiler sees it:
 * single-type imports the file uses, static imports, the simple names it uses (resolved through
 * inherited member types, imports, its package and on-demand imports, so an on-demand import only
 * counts for the types the file uses), and qualified names written inline.
 *
 * <p>Design note: what the compiled class does not depend on is left out, so that the edges agree
 * with {@code jdeps}: an import used by nothing (or only by Javadoc), and an annotation that is
 * not retained at run time ({@code @Override}, {@code @Serial}, {@code CLASS} retention).
 */
final class ImportLinker {
    private final SymbolTable table;
    /** The file being linked, and the files it names without the build's layout settling which copy. */
    private int from;

    private final Set<Integer> certain = new java.util.HashSet<>();
    private final Set<Integer> ambiguous = new java.util.HashSet<>();

    ImportLinker(SymbolTable table) {
        this.table = table;
    }

    /**
     * Of the files the last {@link #importedFiles} call returned, those it reached only through a
     * name with several equally near copies: each copy's file is imported, flagged.
     */
    Set<Integer> ambiguous() {
        Set<Integer> only = new java.util.HashSet<>(ambiguous);
        only.removeAll(certain);
        return only;
    }

    /** The files this file imports, without itself, in a stable order. */
    Set<Integer> importedFiles(FileScope scope) {
        JavaFacts facts = scope.facts();
        Set<Integer> files = new LinkedHashSet<>();
        from = scope.file();
        certain.clear();
        ambiguous.clear();
        for (String name : facts.singleImports()) {
            String simple = SymbolTable.simpleName(name);
            if (usedAsType(facts, simple)) {
                add(files, table.longestPrefix(name, scope.file()));
            } else if (usedAsAnnotation(facts, simple)) {
                addAnnotation(files, table.type(name, scope.file()));
            }
        }
        for (String member : facts.staticImports()) {
            int dot = member.lastIndexOf('.');
            if (dot > 0) {
                add(files, table.longestPrefix(member.substring(0, dot), scope.file()));
            }
        }
        for (String typeName : facts.staticOnDemandImports()) {
            add(files, table.longestPrefix(typeName, scope.file()));
        }
        for (String simple : facts.referenced()) {
            if (!scope.importsSingle(simple)) {
                add(files, resolveReferenced(scope, simple));
            }
        }
        for (String name : facts.annotationRefs()) {
            if (name.indexOf('.') > 0) {
                addAnnotation(files, table.longestPrefix(name, scope.file()));
            } else if (!scope.importsSingle(name)) {
                addAnnotation(files, resolveReferenced(scope, name));
            }
        }
        for (String dotted : facts.qualifiedRefs()) {
            add(files, table.longestPrefix(dotted, scope.file()));
        }
        ImplicitDependencies.add(table, scope.file(), facts, files);
        files.remove(scope.file());
        return files;
    }

    private static boolean usedAsType(JavaFacts facts, String simple) {
        return Arrays.binarySearch(facts.referenced(), simple) >= 0;
    }

    private static boolean usedAsAnnotation(JavaFacts facts, String simple) {
        return Arrays.binarySearch(facts.annotationRefs(), simple) >= 0;
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

    private void addAnnotation(Set<Integer> files, int type) {
        if (type >= 0 && (table.kind(type) != JavaFacts.Kind.ANNOTATION || table.retained(type))) {
            add(files, type);
        }
    }

    private void add(Set<Integer> files, int type) {
        if (type < 0) {
            return;
        }
        files.add(table.fileOf(type));
        int[] tied = table.tiedWith(type, from);
        if (tied.length == 0) {
            certain.add(table.fileOf(type));
        }
        for (int t : tied) {
            files.add(table.fileOf(t));
            ambiguous.add(table.fileOf(t));
        }
    }
}
