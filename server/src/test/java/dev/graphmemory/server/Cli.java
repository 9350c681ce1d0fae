package dev.graphmemory.server;

import dev.graphmemory.server.cli.GraphMemoryCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the CLI in this JVM and captures what it prints. */
record Cli(int exitCode, String out, String err) {
    /** Runs {@code args} against {@code repo} with the shared test Neo4j as the store ({@code --uri}). */
    static Cli onTestStore(java.nio.file.Path repo, String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "--repo";
        all[1] = repo.toString();
        all[2] = "--uri";
        all[3] = dev.graphmemory.queries.testkit.TestNeo4j.boltUri();
        System.arraycopy(args, 0, all, 4, args.length);
        return run(all);
    }

    static Cli run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = GraphMemoryCommand.execute(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
