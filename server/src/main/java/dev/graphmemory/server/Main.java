package dev.graphmemory.server;

import dev.graphmemory.server.cli.GraphMemoryCommand;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Entry point of {@code graph-memory}. The only {@code main} and the only {@code System.exit}.
 *
 * <p>stdout is kept for the command's own output (and, in {@code serve}, for MCP messages only);
 * {@code System.out} is pointed at stderr so no library can write a stray line to stdout.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        PrintStream stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        int code = GraphMemoryCommand.execute(args, stdout, System.err);
        stdout.flush();
        System.exit(code);
    }
}
