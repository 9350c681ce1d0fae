package dev.graphmemory.server.cli;

import dev.graphmemory.server.config.ConfigException;
import dev.graphmemory.server.store.StoreException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** The top-level {@code graph-memory} command: shared options and the subcommands. */
@Command(
        name = "graph-memory",
        mixinStandardHelpOptions = true,
        versionProvider = GraphMemoryCommand.Version.class,
        description = "Code and workflow memory for coding agents: a Neo4j graph of a repository, for MCP clients and"
                + " scripts.",
        subcommands = {
            IndexCommand.class,
            StatsCommand.class,
            QueryCommand.class,
            FindCommand.class,
            NeighborsCommand.class,
            DuplicatesCommand.class,
            GapsCommand.class,
            ServeCommand.class,
            TierCommand.class,
            RecordCommand.class,
            StatusCommand.class,
            ReindexCommand.class,
            DaemonCommand.class,
            HookCommand.class,
            InitCommand.class,
            CommandLine.HelpCommand.class
        })
public final class GraphMemoryCommand implements Runnable {
    @Mixin
    StoreOptions store;

    @Spec
    CommandLine.Model.CommandSpec spec;

    PrintStream out;
    PrintStream err;

    PrintStream err() {
        return err;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "a command is required (index, stats, query, serve)");
    }

    /** Runs the command line and returns the exit code: 0 ok, 1 failure, 2 usage. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        GraphMemoryCommand top = new GraphMemoryCommand();
        top.out = out;
        top.err = err;
        CommandLine cli = new CommandLine(top);
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof StoreException || e instanceof ConfigException) {
                err.println("graph-memory: " + e.getMessage());
            } else {
                err.println("graph-memory: " + cmd.getCommandName() + " failed: " + e);
                e.printStackTrace(err);
            }
            return 1;
        });
        return cli.execute(args);
    }

    /** graph-memory's version, from the jar's manifest ({@code dev} when run from classes). */
    static String version() {
        String v = GraphMemoryCommand.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = GraphMemoryCommand.class.getPackage().getImplementationVersion();
            return new String[] {"graph-memory " + (v == null ? "dev" : v)};
        }
    }
}
