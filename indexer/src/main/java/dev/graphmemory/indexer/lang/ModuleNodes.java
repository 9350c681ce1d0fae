package dev.graphmemory.indexer.lang;

import dev.graphmemory.indexer.model.NodeRow;
import dev.graphmemory.queries.schema.Keys;
import dev.graphmemory.queries.schema.NodeType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the module node of a source file and the nodes of external packages. */
public final class ModuleNodes {
    private ModuleNodes() {}

    /** The id of the module node of a repository file. */
    public static String id(String path) {
        return NodeType.MODULE.id(path);
    }

    /**
     * The module node of a source file; an entry point (non-empty {@code entryKinds}) is also a
     * {@code cli_entry}.
     */
    public static NodeRow module(
            String path,
            String language,
            String packageName,
            SourceText src,
            String hash,
            boolean test,
            String problem,
            List<String> entryKinds,
            Map<String, Object> extra) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(Keys.NAME, RepoPath.fileName(path));
        p.put(Keys.PATH, path);
        p.put(Keys.LANGUAGE, language);
        p.put(Keys.PACKAGE, packageName);
        p.put(Keys.LINES, src.lineCount());
        p.put(Keys.HASH, hash);
        p.put(Keys.IS_TEST, test);
        p.put(Keys.PARSE_OK, problem == null);
        p.put(Keys.PARSE_ERROR, problem);
        if (!entryKinds.isEmpty()) {
            p.put(Keys.ENTRY_KINDS, List.copyOf(entryKinds));
        }
        p.putAll(extra);
        List<NodeType> types =
                entryKinds.isEmpty() ? List.of(NodeType.MODULE) : List.of(NodeType.MODULE, NodeType.CLI_ENTRY);
        return new NodeRow(types, path, p);
    }

    /** The key of an external package's node, e.g. {@code external:python/requests}. */
    public static String externalKey(String ecosystem, String name) {
        return "external:" + ecosystem + "/" + name;
    }

    /**
     * The node of a package outside the repository: a module with {@code external=true} and no
     * path, so path-based queries never mistake it for a missing file.
     *
     * @param standard whether it ships with the runtime (Python standard library, Node built-ins)
     */
    public static NodeRow external(String ecosystem, String name, String language, boolean standard) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(Keys.NAME, name);
        p.put(Keys.LANGUAGE, language);
        p.put(Keys.PACKAGE, name);
        p.put(Keys.EXTERNAL, true);
        p.put("standard_library", standard);
        return NodeRow.of(NodeType.MODULE, externalKey(ecosystem, name), p);
    }
}
