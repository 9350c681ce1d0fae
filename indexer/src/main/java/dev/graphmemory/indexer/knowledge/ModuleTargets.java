package dev.graphmemory.indexer.knowledge;

import dev.graphmemory.indexer.model.NodeRow;
import dev.graphmemory.queries.schema.Keys;
import dev.graphmemory.queries.schema.NodeType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Turns paths named by documents into module node ids, creating a stub module node, once per
 * path, for a path that is no indexed module: {@code missing=false} when the file exists (e.g.
 * {@code pom.xml}), {@code missing=true} when it does not. Stubs carry {@code stub=true}.
 */
final class ModuleTargets {
    /** Marks a module node made for a link target rather than by a language plugin. */
    static final String STUB = "stub";

    private final Predicate<String> isModulePath;
    private final Predicate<String> fileExists;
    private final Map<String, NodeRow> stubs = new LinkedHashMap<>();

    ModuleTargets(Predicate<String> isModulePath, Predicate<String> fileExists) {
        this.isModulePath = isModulePath;
        this.fileExists = fileExists;
    }

    /** The module node id for a path, after creating its stub if needed. */
    String idFor(String rawPath) {
        String path = RepoPaths.normalise(rawPath);
        if (!isModulePath.test(path)) {
            stubs.computeIfAbsent(path, this::stub);
        }
        return NodeType.MODULE.id(path);
    }

    List<NodeRow> stubs() {
        return new ArrayList<>(stubs.values());
    }

    private NodeRow stub(String path) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put(Keys.NAME, RepoPaths.fileName(path));
        props.put(Keys.PATH, path);
        props.put(Keys.LANGUAGE, RepoPaths.language(path));
        props.put(Keys.MISSING, !fileExists.test(path));
        props.put(STUB, true);
        return NodeRow.of(NodeType.MODULE, path, props);
    }
}
