package dev.graphmemory.indexer.model;

import java.util.List;

/**
 * What a language plugin extracted from one file: the nodes it declares (the module first), the
 * edges inside the file ({@code DECLARES}), and plugin-specific facts the plugin's linker needs
 * later to resolve edges across files. {@code facts} should be compact: it is kept for every file
 * until linking, while the nodes are written and dropped at once.
 */
public record FileResult(
        String path, List<NodeRow> nodes, List<EdgeRow> edges, Object facts, boolean parseOk, String problem) {
    public FileResult {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }
}
