package dev.graphmemory.server.cli;

import dev.graphmemory.server.config.ConfigException;
import dev.graphmemory.server.store.StoreException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
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
            CostCommand.class,
            DuplicatesCommand.class,
            GapsCommand.class,
            PictureCommand.class,
            ViewCommand.class,
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

    @Option(
            names = "--verbose",
            scope = ScopeType.INHERIT,
            description = "On failure, print the stack trace on stderr (otherwise it goes to"
                    + " .graph-memory/logs/cli.log), and log graph-memory's debug messages. Before or after"
                    + " the command.")
    boolean verbose;

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

    /**
     * Runs the command line and returns the exit code: 0 ok, 1 failure, 2 usage. A failure is
     * reported in a line or two on {@code err}; its stack trace only with {@code --verbose} (see
     * {@link FailureReport}).
     */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        GraphMemoryCommand top = new GraphMemoryCommand();
        top.out = out;
        top.err = err;
        CommandLine cli = new CommandLine(top);
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setExecutionStrategy(parsed -> {
            if (!top.verbose) {
                return new CommandLine.RunLast().execute(parsed);
            }
            try (DebugLogs on = DebugLogs.on()) {
                return new CommandLine.RunLast().execute(parsed);
            }
        });
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof StoreException || e instanceof ConfigException) {
                err.println("graph-memory: " + e.getMessage()); // the message says what to fix
                if (top.verbose) {
                    e.printStackTrace(err);
                }
            } else {
                FailureReport.unexpected(e, commandName(cmd), top.verbose, top.store::root, err);
            }
            return 1;
        });
        try {
            return cli.execute(args);
        } catch (Error e) { // picocli hands only exceptions to the handler; exit 1, as the JVM would
            FailureReport.unexpected(e, "graph-memory", top.verbose, top.store::root, err);
            return 1;
        }
    }

    /** The command as typed, without the program: {@code index}, {@code daemon stop}. */
    private static String commandName(CommandLine cmd) {
        String qualified = cmd.getCommandSpec().qualifiedName(" ");
        int space = qualified.indexOf(' ');
        return space < 0 ? qualified : qualified.substring(space + 1);
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
