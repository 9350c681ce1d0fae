package dev.graphmemory.indexer.lang.python;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns one import statement into the repository files it loads, or the external package it names.
 * {@code import a.b.c} loads {@code a/b/c}; {@code from a.b import c} loads the submodule
 * {@code a/b/c} when there is one, else {@code a/b} (the name is an attribute); a dotted name that
 * does not resolve falls back to its longest prefix that does. A name whose top-level package is
 * nowhere in the repository is external.
 */
final class PythonImportResolver {
    private final PythonModuleIndex index;

    /** Files an import loads, and the external package it names (or {@code null}). */
    record Resolved(Set<String> files, String external) {}

    PythonImportResolver(PythonModuleIndex index) {
        this.index = index;
    }

    Resolved resolve(PythonFacts.Import imp, String importer) {
        Set<String> files = new LinkedHashSet<>();
        PythonModuleIndex.Location loc = index.locate(imp.level(), imp.module(), importer);
        if (imp.names().isEmpty()) {
            if (loc.file() != null) {
                files.add(loc.file());
            }
        } else {
            for (String name : imp.names()) {
                String sub = name.equals("*") || loc.dir() == null
                        ? null
                        : index.fileFor(loc.dir().isEmpty() ? name : loc.dir() + "/" + name.replace('.', '/'));
                if (sub != null) {
                    files.add(sub);
                } else if (loc.file() != null) {
                    files.add(loc.file());
                }
            }
        }
        if (!files.isEmpty() || imp.level() > 0 || loc.found()) {
            return new Resolved(files, null);
        }
        List<String> parts = List.of(imp.module().split("\\."));
        for (int k = parts.size() - 1; k >= 1; k--) {
            PythonModuleIndex.Location prefix = index.locate(0, String.join(".", parts.subList(0, k)), importer);
            if (prefix.file() != null) {
                return new Resolved(Set.of(prefix.file()), null);
            }
            if (prefix.found()) {
                return new Resolved(Set.of(), null);
            }
        }
        return new Resolved(Set.of(), parts.get(0));
    }
}
