package dev.graphmemory.server.cli;

import static dev.graphmemory.server.cli.FindCommand.putIfSet;

import dev.graphmemory.server.mcp.McpServerFactory;
import dev.graphmemory.server.mcp.PictureTool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code graph-memory picture}: the {@code graph_picture} tool on the command line. Prints the
 * diagram alone, so it pipes into {@code dot -Tsvg} or a Markdown file; {@code --json} prints the
 * tool's structured answer.
 */
@Command(
        name = "picture",
        mixinStandardHelpOptions = true,
        description = "Draw part of the graph as a Mermaid (default), DOT or GraphML diagram (the graph_picture tool):"
                + " a node's neighbourhood, the dependency map of a folder or package, the integration gaps with"
                + " their suggested wiring, or a work unit's footprint. At most --max-boxes boxes (default 40).",
        footer = {
            "",
            "Examples:",
            "  graph-memory picture neighbors architecture:module:src/auth/Handler.java --direction in --relationship IMPORTS --depth 2",
            "  graph-memory picture dependencies src/main/java/com/acme --format dot | dot -Tsvg > deps.svg",
            "  graph-memory picture dependencies --package com.acme.auth",
            "  graph-memory picture gaps --status tests_only --format graphml > gaps.graphml",
            "  graph-memory picture work_unit WU-281"
        })
final class PictureCommand implements Callable<Integer> {
    @ParentCommand
    GraphMemoryCommand parent;

    @Parameters(index = "0", paramLabel = "SUBJECT", description = "neighbors, dependencies, gaps or work_unit.")
    String subject;

    @Parameters(
            index = "1",
            arity = "0..1",
            paramLabel = "TARGET",
            description = "neighbors: the node id; work_unit: WU-281 or its node id; dependencies: a folder"
                    + " (default the whole repository).")
    String target;

    @Option(names = "--format", description = "mermaid (default), dot or graphml.")
    String format;

    @Option(names = "--max-boxes", description = "Most boxes drawn (5-200, default 40).")
    Integer maxBoxes;

    @Option(names = "--direction", description = "neighbors: in, out or both (default both).")
    String direction;

    @Option(names = "--relationship", split = ",", description = "neighbors: relationship types (default all).")
    List<String> relationship;

    @Option(names = "--depth", description = "neighbors: 1-5 (default 1).")
    Integer depth;

    @Option(names = "--package", description = "dependencies: a package (and those below it) instead of a folder.")
    String pkg;

    @Option(names = "--status", description = "gaps: only unreached or only tests_only.")
    String status;

    @Option(names = "--min-confidence", paramLabel = "0..1", description = "gaps: leave out gaps below this.")
    Double minConfidence;

    @Option(names = "--entry-point", paramLabel = "GLOB", description = "gaps: an extra entry point. Repeatable.")
    List<String> entryPoints = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB", description = "gaps: never report these paths. Repeatable.")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--suggestions", description = "gaps: suggested hosts per gap (0-5, default 2).")
    Integer suggestions;

    @Option(names = "--limit", description = "gaps: gaps per page (1-100, default 10).")
    Integer limit;

    @Option(names = "--cursor", description = "gaps: the next_cursor of the previous page.")
    String cursor;

    @Option(names = "--json", description = "Print the graph_picture tool's structured answer as JSON.")
    boolean json;

    @Override
    public Integer call() {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("subject", subject);
        putIfSet(args, "format", format);
        putIfSet(args, "max_boxes", maxBoxes);
        if (target != null) {
            args.put(
                    subject.equals("dependencies") ? "path" : "node_id",
                    subject.equals("dependencies") ? folder(target) : target);
        }
        putIfSet(args, "direction", direction);
        putIfSet(args, "relationship", relationship);
        putIfSet(args, "depth", depth);
        putIfSet(args, "package", pkg);
        putIfSet(args, "status", status);
        putIfSet(args, "min_confidence", minConfidence);
        putIfSet(args, "entry_points", entryPoints.isEmpty() ? null : entryPoints);
        putIfSet(args, "exclude", exclude.isEmpty() ? null : exclude);
        putIfSet(args, "suggestions", suggestions);
        putIfSet(args, "limit", limit);
        putIfSet(args, "cursor", cursor);
        Path root = parent.store.root();
        return ToolCommandSupport.run(
                parent,
                "picture",
                json,
                answer -> parent.out.print(answer.get("diagram")),
                (tools, stamps) ->
                        McpServerFactory.invoke(new PictureTool(tools.handle(), root).definition(), args, stamps));
    }

    /**
     * A folder as given: made repository-relative when it names a place below the root from the working
     * directory ({@code cd server && picture dependencies src}), else taken as repository-relative.
     */
    private String folder(String p) {
        Path root = parent.store.root().toAbsolutePath().normalize();
        Path abs = Path.of(p).toAbsolutePath().normalize();
        if (abs.equals(root)) {
            return "";
        }
        return abs.startsWith(root) && java.nio.file.Files.isDirectory(abs)
                ? root.relativize(abs).toString().replace('\\', '/')
                : p;
    }
}
