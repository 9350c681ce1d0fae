package dev.graphmemory.server.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code graph-memory neighbors}: the {@code graph_neighbors} tool on the command line. */
@Command(
        name = "neighbors",
        mixinStandardHelpOptions = true,
        description = "The nodes within --depth hops of a node, with the path that reached each (the graph_neighbors"
                + " tool). Example: neighbors architecture:module:src/auth/Handler.java --direction in"
                + " --relationship IMPORTS --depth 2")
final class NeighborsCommand implements Callable<Integer> {
    @ParentCommand
    GraphMemoryCommand parent;

    @Parameters(index = "0", paramLabel = "NODE_ID", description = "<schema>:<type>:<key>")
    String nodeId;

    @Option(names = "--direction", description = "in, out or both (default both).")
    String direction;

    @Option(names = "--relationship", split = ",", description = "Relationship types (default all).")
    List<String> relationship;

    @Option(names = "--depth", description = "1-5 (default 1).")
    Integer depth;

    @Option(names = "--limit", description = "Rows per page (1-200, default 25).")
    Integer limit;

    @Option(names = "--cursor", description = "next_cursor of the previous page.")
    String cursor;

    @Option(names = "--json", description = "Print the tool's structured answer as JSON.")
    boolean json;

    @Override
    public Integer call() {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("node_id", nodeId);
        FindCommand.putIfSet(args, "direction", direction);
        FindCommand.putIfSet(args, "relationship", relationship);
        FindCommand.putIfSet(args, "depth", depth);
        FindCommand.putIfSet(args, "limit", limit);
        FindCommand.putIfSet(args, "cursor", cursor);
        return ToolCommandSupport.run(
                parent, "graph_neighbors", args, json, answer -> ToolCommandSupport.printRows(parent, answer));
    }
}
