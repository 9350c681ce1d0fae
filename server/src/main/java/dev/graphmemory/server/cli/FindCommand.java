package dev.graphmemory.server.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code graph-memory find}: the {@code graph_find} tool on the command line. */
@Command(
        name = "find",
        mixinStandardHelpOptions = true,
        description = "Find nodes of one schema/type matching a where-filter (the graph_find tool). Example: find"
                + " --schema architecture --type function --where '{\"calls\": {\"$contains\": \"ProcessBuilder\"}}'")
final class FindCommand implements Callable<Integer> {
    @ParentCommand
    GraphMemoryCommand parent;

    @Option(names = "--schema", required = true, description = "architecture, workflow, issues or decisions.")
    String schema;

    @Option(
            names = "--type",
            required = true,
            description = "module, class, function, cli_entry, build_module, work_unit, ...")
    String type;

    @Option(names = "--where", description = "A where-DSL filter as JSON.")
    String where;

    @Option(names = "--limit", description = "Rows per page (1-200, default 25).")
    Integer limit;

    @Option(names = "--cursor", description = "next_cursor of the previous page.")
    String cursor;

    @Option(names = "--fields", split = ",", description = "More properties per row, or * for all.")
    List<String> fields;

    @Option(names = "--json", description = "Print the tool's structured answer as JSON.")
    boolean json;

    @Override
    public Integer call() {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("schema", schema);
        args.put("type", type);
        putIfSet(args, "where", where);
        putIfSet(args, "limit", limit);
        putIfSet(args, "cursor", cursor);
        putIfSet(args, "fields", fields);
        return ToolCommandSupport.run(
                parent, "graph_find", args, json, answer -> ToolCommandSupport.printRows(parent, answer));
    }

    static void putIfSet(Map<String, Object> args, String key, Object value) {
        if (value != null) {
            args.put(key, value);
        }
    }
}
