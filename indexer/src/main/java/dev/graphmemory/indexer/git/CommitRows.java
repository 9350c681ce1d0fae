package dev.graphmemory.indexer.git;

import dev.graphmemory.indexer.knowledge.IdMentionMatcher;
import dev.graphmemory.indexer.model.EdgeRow;
import dev.graphmemory.indexer.model.NodeRow;
import dev.graphmemory.queries.schema.Keys;
import dev.graphmemory.queries.schema.NodeType;
import dev.graphmemory.queries.schema.RelType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Turns commits into graph rows: a {@code commit} node keyed by its sha, {@code MODIFIES} edges to
 * the indexed modules it changed, and {@code MENTIONS} edges to the documents (or full node ids)
 * its message names, found by the same {@link IdMentionMatcher} as document bodies.
 */
public final class CommitRows {
    /** The most characters of the message's first line used as the node's name. */
    public static final int NAME_LIMIT = 120;

    private final Predicate<String> isModulePath;
    private final IdMentionMatcher mentions;

    /**
     * @param isModulePath whether an indexed module exists at a repository-relative path
     * @param mentions the known document ids (e.g. {@code IdMentionMatcher.forDocs(docs)})
     */
    public CommitRows(Predicate<String> isModulePath, IdMentionMatcher mentions) {
        this.isModulePath = Objects.requireNonNull(isModulePath, "isModulePath");
        this.mentions = Objects.requireNonNull(mentions, "mentions");
    }

    /** The commit node: {@code sha}, {@code message}, {@code time}, {@code author}, {@code name}. */
    public NodeRow node(CommitInfo commit) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put(Keys.NAME, name(commit.message(), commit.sha()));
        props.put(Keys.SHA, commit.sha());
        props.put(Keys.MESSAGE, commit.message());
        props.put(Keys.TIME, commit.time());
        props.put(Keys.AUTHOR, commit.author());
        return NodeRow.of(NodeType.COMMIT, commit.sha(), props);
    }

    /** {@code MODIFIES} edges to changed modules, then {@code MENTIONS} edges, each once. */
    public List<EdgeRow> edges(CommitInfo commit) {
        String from = NodeType.COMMIT.id(commit.sha());
        List<EdgeRow> edges = new ArrayList<>();
        for (String path : commit.changedPaths()) {
            if (isModulePath.test(path)) {
                edges.add(EdgeRow.of(RelType.MODIFIES, from, NodeType.MODULE.id(path)));
            }
        }
        for (String target : mentions.mentions(commit.message())) {
            edges.add(EdgeRow.of(RelType.MENTIONS, from, target));
        }
        return edges;
    }

    /** The first line of the message, at most {@link #NAME_LIMIT} chars; the sha if it is empty. */
    static String name(String message, String sha) {
        String first = message.lines().findFirst().orElse("").strip();
        if (first.isEmpty()) {
            return sha;
        }
        if (first.length() <= NAME_LIMIT) {
            return first;
        }
        int end = Character.isHighSurrogate(first.charAt(NAME_LIMIT - 1)) ? NAME_LIMIT - 1 : NAME_LIMIT;
        return first.substring(0, end);
    }
}
