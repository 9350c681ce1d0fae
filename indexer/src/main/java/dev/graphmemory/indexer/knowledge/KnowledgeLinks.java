package dev.graphmemory.indexer.knowledge;

import dev.graphmemory.indexer.model.EdgeRow;
import dev.graphmemory.indexer.model.NodeRow;
import java.util.List;

/**
 * What {@link KnowledgeLinker} produced for one run.
 *
 * @param nodes module nodes for link targets that are no indexed module (non-source files and
 *     missing paths), each once
 * @param edges {@code DEPENDS_ON}, {@code TOUCHES}, {@code AFFECTS}, {@code CAUSED_BY} and {@code
 *     MENTIONS} edges, each once
 * @param warnings links that name nothing known and ids declared by more than one file, one
 *     sentence each, naming the document's path
 */
public record KnowledgeLinks(List<NodeRow> nodes, List<EdgeRow> edges, List<String> warnings) {
    public KnowledgeLinks {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        warnings = List.copyOf(warnings);
    }
}
