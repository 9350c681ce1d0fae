package dev.graphmemory.server.mcp;

import dev.graphmemory.indexer.Indexer;
import dev.graphmemory.indexer.knowledge.KnowledgeConfig;
import dev.graphmemory.indexer.knowledge.KnowledgeEntry;
import dev.graphmemory.indexer.knowledge.KnowledgeRecorder;
import dev.graphmemory.indexer.walk.TreeSignature;
import dev.graphmemory.queries.find.ToolException;
import dev.graphmemory.queries.graph.IndexState;
import dev.graphmemory.queries.graph.RepoGraph;
import dev.graphmemory.queries.schema.NodeType;
import dev.graphmemory.server.store.GraphStore;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The {@code record_knowledge} tool: the one tool that writes. */
public final class KnowledgeTool {
    private static final Map<String, NodeType> KINDS = Map.of(
            "work_unit", NodeType.WORK_UNIT,
            "bug", NodeType.BUG,
            "adr", NodeType.ADR,
            "decision", NodeType.ADR,
            "anti_pattern", NodeType.ANTI_PATTERN);

    private final StoreHandle handle;
    private final Path root;
    private final KnowledgeConfig config;

    public KnowledgeTool(StoreHandle handle, Path root, List<String> globs) {
        this.handle = handle;
        this.root = root;
        this.config = new KnowledgeConfig(globs);
    }

    public ToolDef definition() {
        return new ToolDef(
                "record_knowledge",
                "Record a bug, decision, anti-pattern or work unit",
                "Write what you learned as a markdown file with YAML frontmatter in the repository's knowledge folder"
                        + " (the file is the source of truth; commit it) and index it at once with its links. Ids are"
                        + " checked for clashes; an existing document is replaced only with update=true. The file is"
                        + " never written through a symbolic link (a linked knowledge folder is refused). Example:"
                        + " record_knowledge(kind='bug', title='Login times out on a cold cache', fields={'severity':"
                        + " 'high', 'root_cause': 'cache built on the request path', 'affects':"
                        + " ['src/auth/cache.py'], 'caused_by': ['ADR-002']}, body='Seen in production.').",
                """
                {"type": "object", "properties": {
                  "kind": {"type": "string", "enum": ["work_unit", "bug", "adr", "decision", "anti_pattern"]},
                  "id": {"type": "string", "description": "e.g. BUG-015, at most 100 characters; left out, the next free id is taken. An id that differs only in case from an existing one is refused."},
                  "title": {"type": "string", "description": "One line, at most 1000 characters."},
                  "body": {"type": "string", "description": "Markdown."},
                  "fields": {"type": "object", "description": "More frontmatter: work_unit tier, objective, files_changed, dependencies, status; bug severity, status, root_cause, affects (paths or ids), caused_by (ids); adr/anti_pattern status."},
                  "update": {"type": "boolean", "description": "Replace the document with this id if it exists."}
                }, "required": ["kind", "title"], "additionalProperties": false}
                """,
                """
                {"type": "object", "properties": {
                  "id": {"type": "string"}, "node_id": {"type": "string"}, "path": {"type": "string"},
                  "created": {"type": "boolean"},
                  "links": {"type": "object", "additionalProperties": {"type": "integer"}},
                  "indexed_commit": {"type": ["string", "null"]}, "stale": {"type": "boolean"},
                  "stale_reason": {"type": "string"}
                }, "required": ["id", "node_id", "path", "created"]}
                """,
                false,
                Set.of("kind", "id", "title", "body", "fields", "update"),
                this::call);
    }

    private Map<String, Object> call(Args args) {
        String kind =
                args.requiredString("kind", "bug").toLowerCase(Locale.ROOT).replace('-', '_');
        NodeType type = KINDS.get(kind);
        if (type == null) {
            throw new ToolException("record_knowledge: kind must be one of "
                    + KINDS.keySet().stream().sorted().toList() + ", was '" + kind + "'");
        }
        return record(new KnowledgeEntry(
                type,
                args.string("id"),
                args.requiredString("title", "'Login times out on a cold cache'"),
                args.map("fields"),
                args.string("body"),
                args.bool("update")));
    }

    /** Records an entry and, when nothing else moved, keeps the index from looking stale. */
    public Map<String, Object> record(KnowledgeEntry entry) {
        GraphStore store = handle.await(GraphTools.STORE_WAIT);
        RepoGraph graph = new RepoGraph(store.driver(), store.repoKey());
        String before = TreeSignature.of(root);
        KnowledgeRecorder.Recorded recorded;
        try {
            recorded = new KnowledgeRecorder(store.driver(), store.repoKey(), root, config).record(entry);
        } catch (IllegalArgumentException e) {
            throw new ToolException("record_knowledge: " + e.getMessage());
        }
        IndexState state = graph.state();
        if (before.equals(state.extra().get(Indexer.TREE_SIGNATURE))) {
            // Only the recorded file moved, and the graph holds it: the index is as current as before.
            Map<String, Object> extra = new HashMap<>(state.extra());
            extra.put(Indexer.TREE_SIGNATURE, TreeSignature.of(root));
            graph.saveState(new IndexState(
                    state.indexedCommit(), state.inputDigest(), state.complete(), state.lastRunJson(), extra));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", recorded.id());
        out.put("node_id", recorded.nodeId());
        out.put("path", recorded.path());
        out.put("created", recorded.created());
        out.put("links", recorded.links());
        return out;
    }
}
