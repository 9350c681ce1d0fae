package dev.graphmemory.indexer.knowledge;

import dev.graphmemory.indexer.model.NodeRow;
import dev.graphmemory.queries.schema.Keys;
import dev.graphmemory.queries.schema.NodeType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One knowledge document read from a markdown file: its node (type, id, properties) and the links
 * it declares, still as raw strings; {@link KnowledgeLinker} resolves them into edges.
 *
 * @param type the node type: work unit, bug, ADR or anti-pattern
 * @param id the document id as written, e.g. {@code WU-281}; the node's key
 * @param path the repository-relative path of the file
 * @param properties the node's properties: converted frontmatter fields plus {@code name},
 *     {@code path}, {@code body}, {@code parse_ok} and, when it failed, {@code parse_error}
 * @param dependencies ids from {@code dependencies} (→ {@code DEPENDS_ON})
 * @param filesChanged normalised paths from {@code files_changed} (→ {@code TOUCHES})
 * @param affects paths or ids from {@code affects} (→ {@code AFFECTS})
 * @param causedBy ids from {@code caused_by} (→ {@code CAUSED_BY})
 */
public record KnowledgeDoc(
        NodeType type,
        String id,
        String path,
        Map<String, Object> properties,
        List<String> dependencies,
        List<String> filesChanged,
        List<String> affects,
        List<String> causedBy) {
    /** Frontmatter fields whose text is scanned for mentions of other documents, besides the body. */
    static final List<String> MENTION_FIELDS =
            List.of(Keys.TITLE, Keys.OBJECTIVE, "root_cause", "description", "summary");

    public KnowledgeDoc {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(path, "path");
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        dependencies = List.copyOf(dependencies);
        filesChanged = List.copyOf(filesChanged);
        affects = List.copyOf(affects);
        causedBy = List.copyOf(causedBy);
    }

    /** The node id, e.g. {@code workflow:work_unit:WU-281}. */
    public String nodeId() {
        return type.id(id);
    }

    /** The node to write. */
    public NodeRow node() {
        return NodeRow.of(type, id, properties);
    }

    /** Whether the frontmatter parsed into a mapping (or the file has none). */
    public boolean parseOk() {
        return Boolean.TRUE.equals(properties.get(Keys.PARSE_OK));
    }

    /** Why the frontmatter did not parse, or {@code null}. */
    public String parseError() {
        return (String) properties.get(Keys.PARSE_ERROR);
    }

    /** The text scanned for mentions: title, objective, root cause, description, summary, body. */
    public String mentionText() {
        StringBuilder text = new StringBuilder();
        for (String field : MENTION_FIELDS) {
            if (properties.get(field) instanceof String s) {
                text.append(s).append('\n');
            }
        }
        if (properties.get(KnowledgeReader.BODY) instanceof String body) {
            text.append(body);
        }
        return text.toString();
    }
}
