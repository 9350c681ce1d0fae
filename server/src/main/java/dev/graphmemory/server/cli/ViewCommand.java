package dev.graphmemory.server.cli;

import dev.graphmemory.server.config.GraphMemoryConfig;
import dev.graphmemory.server.mcp.GraphTools;
import dev.graphmemory.server.mcp.Staleness;
import dev.graphmemory.server.mcp.StoreHandle;
import dev.graphmemory.server.store.GraphStore;
import dev.graphmemory.server.view.ViewApi;
import dev.graphmemory.server.view.ViewServer;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code graph-memory view}: serves a read-only page of the graph on 127.0.0.1 ({@link ViewServer})
 * until Ctrl-C, prints its URL (with the token) on stdout and opens it in a browser where there is
 * one and a display to show it.
 */
@Command(
        name = "view",
        mixinStandardHelpOptions = true,
        description = "Serve a read-only view of the graph in the browser, on 127.0.0.1 behind a random token:"
                + " the package map (gaps in orange, import cycles in red), a module's page, a work unit's page"
                + " and a search box. Prints the URL; runs until Ctrl-C.",
        footer = {"", "Example:", "  graph-memory view", "  graph-memory --repo ../other view --no-browser"})
final class ViewCommand implements Callable<Integer> {
    @ParentCommand
    GraphMemoryCommand parent;

    @Option(names = "--no-browser", description = "Print the URL only; do not try to open a browser.")
    boolean noBrowser;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path root = parent.store.root();
        GraphMemoryConfig config = GraphMemoryConfig.load(root);
        CountDownLatch stopped = new CountDownLatch(1);
        try (GraphStore store = parent.store.open(root, config)) {
            GraphTools tools = new GraphTools(StoreHandle.of(store));
            Staleness staleness = new Staleness(root);
            try (ViewServer server = ViewServer.start(new ViewApi(store, root, () -> tools.stamp(staleness)))) {
                Thread hook = new Thread(
                        () -> {
                            server.close();
                            stopped.countDown();
                        },
                        "graph-memory-view-stop");
                Runtime.getRuntime().addShutdownHook(hook);
                parent.out.println(server.url());
                parent.out.flush();
                parent.err().println("graph-memory: serving the view of " + root + "; Ctrl-C stops it");
                if (!noBrowser) {
                    openBrowser(server.url());
                }
                stopped.await();
            }
        }
        return 0;
    }

    /** Opens {@code url} with xdg-open (or macOS's open) when one is installed and a display is there. */
    private void openBrowser(String url) {
        boolean mac = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac");
        boolean display = mac || System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
        String opener = mac ? "open" : "xdg-open";
        if (!display || !onPath(opener)) {
            return;
        }
        try {
            new ProcessBuilder(opener, url)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            parent.err().println("graph-memory: could not open a browser (" + e.getMessage() + "); open the URL above");
        }
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
