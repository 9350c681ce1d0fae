package dev.graphmemory.server.cli;

import static dev.graphmemory.server.cli.FindCommand.putIfSet;

import dev.graphmemory.server.mcp.GapsText;
import dev.graphmemory.server.mcp.McpServerFactory;
import dev.graphmemory.server.mcp.WorkflowTools;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code graph-memory gaps}: the {@code detect_integration_gaps} tool from the command line. Runs the
 * tool's own handler, so {@code --json} prints exactly its structured content.
 */
@Command(
        name = "gaps",
        mixinStandardHelpOptions = true,
        description = "Modules no entry point reaches (unreached, or tests_only: only tests use them), ranked by"
                + " confidence, with where each likely belongs; or, with --plan, planned new modules no work unit"
                + " wires in, with a drafted 'Integrate X into Y' work unit. Exit code 0: none found; 3: gaps"
                + " (or unwired planned modules) found; 1: error; 2: usage.",
        footer = {
            "",
            "Examples:",
            "  graph-memory gaps",
            "  graph-memory gaps --status tests_only --min-confidence 0.8 --json",
            "  graph-memory gaps --plan plans/ --json",
            "  graph-memory gaps --explain src/App.tsx",
            "  graph-memory gaps --entry-point 'scripts/*.py' --exclude 'src/legacy/**'",
            "",
            "Extra entry points and exclusions can live in .graph-memory.yml:",
            "  gaps:",
            "    entry_points: [\"scripts/*.py\"]",
            "    exclude: [\"src/legacy/**\"]"
        })
final class GapsCommand implements Callable<Integer> {
    /** Exit code when gaps (or unwired planned modules) exist. */
    static final int EXIT_GAPS = 3;

    @ParentCommand
    GraphMemoryCommand parent;

    @Option(
            names = "--plan",
            paramLabel = "PATH",
            description = "Check a build plan: a folder of planned work unit markdown files, or the files, inside the"
                    + " repository (links followed). Repeatable.")
    List<String> plan = new ArrayList<>();

    @Option(names = "--entry-point", paramLabel = "GLOB", description = "An extra entry point (path glob). Repeatable.")
    List<String> entryPoints = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB", description = "Never report these paths (glob). Repeatable.")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--mode", description = "auto (default), application or library.")
    String mode;

    @Option(names = "--status", description = "Only unreached or only tests_only gaps.")
    String status;

    @Option(names = "--min-confidence", paramLabel = "0..1", description = "Leave out gaps below this confidence.")
    Double minConfidence;

    @Option(names = "--suggestions", description = "Suggestions per gap (0-5, default 3).")
    Integer suggestions;

    @Option(names = "--limit", description = "Rows per page (1-100, default 20).")
    Integer limit;

    @Option(names = "--cursor", description = "The next_cursor of the previous page.")
    String cursor;

    @Option(
            names = "--explain",
            paramLabel = "PATH",
            description = "Say which rule made this module an entry point or reached it, or why none did.")
    String explain;

    @Option(names = "--json", description = "Print JSON: the detect_integration_gaps tool's structure.")
    boolean json;

    @Override
    public Integer call() {
        Map<String, Object> args = new LinkedHashMap<>();
        putIfSet(
                args,
                "plan",
                plan.isEmpty() ? null : plan.stream().map(this::repoRelative).toList());
        putIfSet(args, "entry_points", entryPoints.isEmpty() ? null : entryPoints);
        putIfSet(args, "exclude", exclude.isEmpty() ? null : exclude);
        putIfSet(args, "mode", mode);
        putIfSet(args, "status", status);
        putIfSet(args, "min_confidence", minConfidence);
        putIfSet(args, "suggestions", suggestions);
        putIfSet(args, "limit", limit);
        putIfSet(args, "cursor", cursor);
        putIfSet(args, "explain", explain == null ? null : modulePath(explain));
        Path root = parent.store.root();
        return ToolCommandSupport.run(
                parent,
                "gaps",
                json,
                answer -> new GapsText(parent.out).print(answer),
                (tools, stamps) -> McpServerFactory.invoke(
                        new WorkflowTools(tools.handle(), root)
                                .all().stream()
                                        .filter(t -> t.name().equals(WorkflowTools.GAPS))
                                        .findFirst()
                                        .orElseThrow(),
                        args,
                        stamps),
                answer -> ((Number) answer.get("total")).intValue() > 0 ? EXIT_GAPS : 0);
    }

    /**
     * A plan path as given on the command line (relative to the working directory) made
     * repository-relative, or absolute when it is not below the root: the tool resolves it against
     * the root and refuses it when its real path (links followed) is outside. Not normalised here, so
     * {@code link/..} means what the file system says it means.
     */
    private String repoRelative(String p) {
        Path root = parent.store.root().toAbsolutePath();
        Path abs = Path.of(p).toAbsolutePath();
        return abs.startsWith(root) ? root.relativize(abs).toString() : abs.toString();
    }

    /**
     * A module path as given: made repository-relative when it names a place below the root from the
     * working directory ({@code cd web && gaps --explain src/App.tsx}), else taken as repository-relative.
     */
    private String modulePath(String p) {
        Path root = parent.store.root().toAbsolutePath().normalize();
        Path abs = Path.of(p).toAbsolutePath().normalize();
        return abs.startsWith(root) && !abs.equals(root)
                ? root.relativize(abs).toString().replace('\\', '/')
                : p;
    }
}
