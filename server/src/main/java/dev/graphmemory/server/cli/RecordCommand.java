package dev.graphmemory.server.cli;

import dev.graphmemory.indexer.knowledge.KnowledgeEntry;
import dev.graphmemory.queries.schema.NodeType;
import dev.graphmemory.server.config.GraphMemoryConfig;
import dev.graphmemory.server.mcp.KnowledgeTool;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import tools.jackson.core.JacksonException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** {@code graph-memory record}: the {@code record_knowledge} tool on the command line. */
@Command(
        name = "record",
        mixinStandardHelpOptions = true,
        description = "Record a bug, decision, anti-pattern or work unit as a markdown file in the knowledge folder and"
                + " index it at once. Example: record --kind bug --title 'Login times out' --field severity=high"
                + " --field 'affects=[src/auth/cache.py]'")
final class RecordCommand implements Callable<Integer> {
    @ParentCommand
    GraphMemoryCommand parent;

    @Option(names = "--kind", required = true, description = "work_unit, bug, adr (decision) or anti_pattern.")
    String kind;

    @Option(names = "--title", required = true, description = "One line, at most 1000 characters.")
    String title;

    @Option(
            names = "--id",
            description = "e.g. BUG-015, at most 100 characters; left out, the next free id is taken. An id that"
                    + " differs only in case from an existing one is refused.")
    String id;

    @Option(names = "--body", description = "Markdown body.")
    String body;

    @Option(names = "--field", description = "More frontmatter as key=value; the value is YAML, so lists are [a, b].")
    List<String> fields = List.of();

    @Option(names = "--update", description = "Replace the document with this id if it exists.")
    boolean update;

    @Option(names = "--json", description = "Print the tool's structured answer as JSON.")
    boolean json;

    @Override
    public Integer call() {
        Map<String, Object> parsed = new LinkedHashMap<>();
        YAMLMapper yaml = YAMLMapper.builder().build();
        for (String f : fields) {
            int eq = f.indexOf('=');
            if (eq <= 0) {
                parent.err().println("graph-memory: --field '" + f + "' must be key=value");
                return 2;
            }
            String key = f.substring(0, eq).trim();
            if (key.isEmpty()) {
                parent.err().println("graph-memory: --field '" + f + "' must be key=value");
                return 2;
            }
            try {
                parsed.put(key, yaml.readValue(f.substring(eq + 1), Object.class));
            } catch (JacksonException e) {
                parent.err()
                        .println("graph-memory: --field " + key + ": the value is not valid YAML ("
                                + e.getOriginalMessage().lines().findFirst().orElse("")
                                + "); quote it, e.g. --field '" + key + "=\"text: with colon\"', or write a"
                                + " list as [a, b]");
                return 2;
            }
        }
        NodeType type =
                switch (kind.toLowerCase(java.util.Locale.ROOT).replace('-', '_')) {
                    case "work_unit" -> NodeType.WORK_UNIT;
                    case "bug" -> NodeType.BUG;
                    case "adr", "decision" -> NodeType.ADR;
                    case "anti_pattern" -> NodeType.ANTI_PATTERN;
                    default -> null;
                };
        if (type == null) {
            parent.err()
                    .println("graph-memory: --kind must be work_unit, bug, adr, decision or anti_pattern, was '" + kind
                            + "'");
            return 2;
        }
        KnowledgeEntry entry = new KnowledgeEntry(type, id, title, parsed, body, update);
        return ToolCommandSupport.run(
                parent,
                "record",
                json,
                answer -> parent.out.println((Boolean.TRUE.equals(answer.get("created")) ? "recorded " : "updated ")
                        + answer.get("id") + " in " + answer.get("path") + " " + answer.get("links")),
                (tools, stamps) -> {
                    GraphMemoryConfig config = GraphMemoryConfig.load(parent.store.root());
                    Map<String, Object> answer = new LinkedHashMap<>(
                            new KnowledgeTool(tools.handle(), parent.store.root(), config.knowledgeGlobs())
                                    .record(entry));
                    answer.putAll(stamps.stamp());
                    return answer;
                });
    }
}
