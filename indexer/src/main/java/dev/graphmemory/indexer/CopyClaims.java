package dev.graphmemory.indexer;

import dev.graphmemory.indexer.model.Copies;
import dev.graphmemory.indexer.model.FileResult;
import dev.graphmemory.indexer.model.NodeRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which file declared each node id so far in a full run, so the run can write files as they are
 * parsed and still give every copy of a repeated name a node of its own. A file whose ids are all
 * new is written at once; one that repeats an id is held back (repeats are rare) until every file
 * is parsed, when {@link Copies} decides which copy keeps the plain id. Not thread-safe: the
 * parser hands results to one thread.
 */
final class CopyClaims {
    private final Map<String, String> owner = new HashMap<>();
    private final List<FileResult> deferred = new ArrayList<>();

    /** Claims every id for {@code path}; false, claiming none, when another file has one already. */
    boolean claim(String path, List<String> ids) {
        for (String id : ids) {
            String other = owner.get(id);
            if (other != null && !other.equals(path)) {
                return false;
            }
        }
        ids.forEach(id -> owner.put(id, path));
        return true;
    }

    /** Holds back a file that {@link #claim} refused. */
    void defer(FileResult file) {
        deferred.add(file);
    }

    List<FileResult> deferred() {
        return deferred;
    }

    /** The copies among the held-back files and the files that declared their ids first. */
    Copies copies() {
        if (deferred.isEmpty()) {
            return Copies.NONE;
        }
        Map<String, Set<String>> claimers = new HashMap<>();
        for (FileResult file : deferred) {
            for (NodeRow node : file.nodes()) {
                Set<String> paths = claimers.computeIfAbsent(node.id(), k -> new TreeSet<>());
                paths.add(file.path());
                String first = owner.get(node.id());
                if (first != null) {
                    paths.add(first);
                }
            }
        }
        return Copies.of(claimers);
    }

    /** Old id → new id for the nodes already written whose file turned out not to keep the plain id. */
    Map<String, String> writtenRenames(Copies copies) {
        Set<String> held = new HashSet<>();
        deferred.forEach(f -> held.add(f.path()));
        Map<String, String> renames = new HashMap<>();
        for (String path : copies.renamedPaths()) {
            if (!held.contains(path)) {
                renames.putAll(copies.renames(path));
            }
        }
        return renames;
    }
}
