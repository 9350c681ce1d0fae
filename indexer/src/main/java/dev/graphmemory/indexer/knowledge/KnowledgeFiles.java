package dev.graphmemory.indexer.knowledge;

import dev.graphmemory.queries.schema.NodeType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Where a recorded document goes and what it looks like: the folder is the fixed part of the
 * first knowledge glob whose folder names the type (else of the first glob), the file is
 * {@code <folder>/<ID>.md}, and the content is YAML frontmatter ({@code id}, {@code type},
 * {@code title}, then the other fields in the order given) followed by the body.
 */
final class KnowledgeFiles {
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .build();

    private KnowledgeFiles() {}

    /** The repository-relative path for a document of {@code type} with {@code id}. */
    static String pathFor(KnowledgeConfig config, NodeType type, String id) {
        List<String> globs = config.globs();
        String chosen = null;
        for (String glob : globs) {
            String base = base(glob);
            if (!base.isEmpty()
                    && DocTypes.fromFolder(base + "/x.md")
                            .filter(t -> t == type)
                            .isPresent()) {
                chosen = base;
                break;
            }
        }
        if (chosen == null) {
            chosen = base(globs.get(0));
        }
        return (chosen.isEmpty() ? "" : chosen + "/") + id + ".md";
    }

    /** The fixed folder part of a glob: the segments before the first one with a wildcard. */
    static String base(String glob) {
        StringBuilder out = new StringBuilder();
        for (String segment : glob.split("/")) {
            if (segment.contains("*") || segment.contains("?") || segment.contains("[") || segment.contains("{")) {
                break;
            }
            if (!out.isEmpty()) {
                out.append('/');
            }
            out.append(segment);
        }
        String s = out.toString();
        return s.endsWith(".md") ? s.substring(0, Math.max(0, s.lastIndexOf('/'))) : s;
    }

    /** The file's text: frontmatter and body. */
    static String render(KnowledgeEntry entry, String id) {
        Map<String, Object> front = new LinkedHashMap<>();
        front.put("id", id);
        front.put("type", entry.type().type());
        if (entry.title() != null) {
            front.put("title", entry.title());
        }
        entry.fields().forEach(front::putIfAbsent);
        String yaml = YAML.writeValueAsString(front);
        String body = entry.body().strip();
        return "---\n" + yaml + (yaml.endsWith("\n") ? "" : "\n") + "---\n" + (body.isEmpty() ? "" : body + "\n");
    }
}
