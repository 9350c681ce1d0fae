package dev.graphmemory.server.cli;

import dev.graphmemory.server.hook.HookInstaller;
import dev.graphmemory.server.hook.SessionEndHook;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code graph-memory hook install|uninstall}: the git hooks that keep the graph current. */
@Command(
        name = "hook",
        mixinStandardHelpOptions = true,
        description = "Install or remove the post-commit, post-merge, post-checkout and post-rewrite hooks (hooks"
                + " already there are kept). The hook returns at once and never fails a commit.")
final class HookCommand implements Callable<Integer> {
    @ParentCommand
    GraphMemoryCommand parent;

    @Parameters(index = "0", paramLabel = "ACTION", description = "install, uninstall or status")
    String action;

    @Override
    public Integer call() {
        Path root = parent.store.root();
        HookInstaller installer = new HookInstaller(root, launcherCommand());
        switch (action) {
            case "install" -> {
                List<Path> files = installer.install();
                parent.out.println("installed graph-memory's hooks: " + files);
                return 0;
            }
            case "uninstall" -> {
                List<Path> files = new java.util.ArrayList<>(installer.uninstall());
                // The Claude Code SessionEnd hook `init` adds goes with the git hooks.
                SessionEndHook sessionEnd = new SessionEndHook(root, launcherCommand());
                if (sessionEnd.uninstall()) {
                    files.add(sessionEnd.file());
                }
                parent.out.println(files.isEmpty() ? "no graph-memory hooks to remove" : "removed from: " + files);
                return 0;
            }
            case "status" -> {
                boolean on = installer.installed();
                parent.out.println((on ? "installed in " : "not installed in ") + installer.hooksDir());
                return on ? 0 : 3;
            }
            default ->
                throw new picocli.CommandLine.ParameterException(
                        parent.spec.commandLine(),
                        "hook: unknown action '" + action + "'; expected install, uninstall or status");
        }
    }

    /** The absolute command that runs graph-memory: the launcher script that started this process. */
    static String launcherCommand() {
        String launcher = System.getProperty("gm.launcher");
        if (launcher != null) {
            return launcher;
        }
        throw new dev.graphmemory.server.store.StoreException("cannot tell where the graph-memory launcher is (run this"
                + " command through the ./graph-memory script, which sets -Dgm.launcher)");
    }
}
