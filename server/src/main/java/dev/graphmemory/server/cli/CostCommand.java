package dev.graphmemory.server.cli;

import static dev.graphmemory.server.cli.FindCommand.putIfSet;

import dev.graphmemory.server.mcp.CostTool;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code graph-memory cost}: the {@code session_cost} tool on the command line. */
@Command(
        name = "cost",
        mixinStandardHelpOptions = true,
        description = "What agent sessions cost (the session_cost tool), by work_unit, session, day, model or file."
                + " Example: cost --by file --since 2026-11-16")
final class CostCommand implements Callable<Integer> {
    @ParentCommand
    GraphMemoryCommand parent;

    @Option(names = "--by", description = "work_unit, session (default), day, model or file.")
    String by;

    @Option(names = "--since", description = "Sessions that started on or after this day, e.g. 2026-11-01.")
    String since;

    @Option(names = "--until", description = "Sessions that started on or before this day.")
    String until;

    @Option(names = "--limit", description = "Rows per page (1-200, default 25).")
    Integer limit;

    @Option(names = "--cursor", description = "next_cursor of the previous page.")
    String cursor;

    @Option(names = "--json", description = "Print the tool's structured answer as JSON.")
    boolean json;

    @Override
    public Integer call() {
        Map<String, Object> args = new LinkedHashMap<>();
        putIfSet(args, "by", by);
        putIfSet(args, "since", since);
        putIfSet(args, "until", until);
        putIfSet(args, "limit", limit);
        putIfSet(args, "cursor", cursor);
        return ToolCommandSupport.run(parent, CostTool.NAME, args, json, this::print);
    }

    /** The rows as the tool's text content shows them, one a line; "no sessions" when there are none. */
    private void print(Map<String, Object> answer) {
        if (answer.get("rows") instanceof List<?> rows && rows.isEmpty()) {
            parent.out.println("no sessions indexed (see README, \"Agent sessions\")");
        }
        ToolCommandSupport.printRows(parent, CostTool.asRows(answer));
    }
}
