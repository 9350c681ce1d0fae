package dev.graphmemory.server.hook;

import dev.graphmemory.server.store.StoreFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Installs and removes graph-memory's git hooks: post-commit, post-merge, post-checkout (branch
 * checkouts only) and post-rewrite (amend, rebase). Each runs a few shell builtins and returns:
 * it leaves a reindex request for the worktree and, when no store daemon is alive, starts
 * {@code graph-memory reindex --owed} detached. It never fails the commit: every step is allowed to
 * fail (no Java on PATH, store down), and the request stays owed until a run takes it.
 *
 * <p>Hooks already there are kept: a shell hook gets graph-memory's block inserted after its first
 * line between marker comments; a hook in another language is moved aside to
 * {@code <name>.graph-memory-chained} and called by graph-memory's hook with the same arguments and
 * stdin. {@code uninstall} undoes either.
 */
public final class HookInstaller {
    public static final List<String> HOOKS = List.of("post-commit", "post-merge", "post-checkout", "post-rewrite");
    static final String BEGIN = "# >>> graph-memory >>> (managed by `graph-memory hook install`; do not edit)";
    static final String END = "# <<< graph-memory <<<";
    static final String CHAINED = ".graph-memory-chained";

    private final Path worktree;
    private final String launcher;

    /**
     * @param worktree any worktree of the repository
     * @param launcher the command that runs graph-memory (absolute path of the launcher script)
     */
    public HookInstaller(Path worktree, String launcher) {
        this.worktree = worktree;
        this.launcher = launcher;
    }

    /** The folder git runs hooks from: {@code core.hooksPath}, or the common dir's {@code hooks/}. */
    public Path hooksDir() {
        try (Repository repo = new FileRepositoryBuilder()
                .setWorkTree(worktree.toFile())
                .findGitDir(worktree.toFile())
                .build()) {
            String configured = repo.getConfig().getString("core", null, "hooksPath");
            if (configured != null && !configured.isBlank()) {
                Path p = Path.of(configured.replaceFirst("^~", System.getProperty("user.home")));
                return p.isAbsolute() ? p : worktree.resolve(p).normalize();
            }
            return repo.getCommonDirectory().toPath().resolve("hooks");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the git repository at " + worktree, e);
        }
    }

    /** Installs (or refreshes) every hook; returns the files written. */
    public List<Path> install() {
        Path dir = hooksDir();
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (String name : HOOKS) {
                Path hook = dir.resolve(name);
                String block = block(name);
                String text;
                if (!Files.exists(hook)) {
                    text = "#!/bin/sh\n" + block;
                } else {
                    String existing = Files.readString(hook, StandardCharsets.UTF_8);
                    String without = remove(existing);
                    if (isShell(without)) {
                        int eol = without.indexOf('\n');
                        text = eol < 0
                                ? without + "\n" + block
                                : without.substring(0, eol + 1) + block + without.substring(eol + 1);
                    } else if (existing.contains(BEGIN)) {
                        text = existing.substring(0, existing.indexOf(BEGIN))
                                + block
                                + existing.substring(existing.indexOf(END) + END.length() + 1);
                    } else {
                        Path chained = dir.resolve(name + CHAINED);
                        Files.move(hook, chained);
                        text = "#!/bin/sh\n" + block + "exec \"$(dirname \"$0\")/" + name + CHAINED + "\" \"$@\"\n";
                    }
                }
                Files.writeString(hook, text, StandardCharsets.UTF_8);
                makeExecutable(hook);
                written.add(hook);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install the git hooks in " + dir + ": " + e.getMessage(), e);
        }
        return written;
    }

    /** Removes graph-memory's part of every hook, restoring hooks that were there before. */
    public List<Path> uninstall() {
        Path dir = hooksDir();
        List<Path> changed = new ArrayList<>();
        try {
            for (String name : HOOKS) {
                Path hook = dir.resolve(name);
                Path chained = dir.resolve(name + CHAINED);
                if (Files.exists(chained)) {
                    Files.move(chained, hook, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    changed.add(hook);
                    continue;
                }
                if (!Files.exists(hook)) {
                    continue;
                }
                String existing = Files.readString(hook, StandardCharsets.UTF_8);
                if (!existing.contains(BEGIN)) {
                    continue;
                }
                String rest = remove(existing);
                if (rest.strip().equals("#!/bin/sh") || rest.isBlank()) {
                    Files.delete(hook);
                } else {
                    Files.writeString(hook, rest, StandardCharsets.UTF_8);
                }
                changed.add(hook);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the git hooks in " + dir + ": " + e.getMessage(), e);
        }
        return changed;
    }

    /** Whether graph-memory's block is in every hook. */
    public boolean installed() {
        Path dir = hooksDir();
        for (String name : HOOKS) {
            try {
                Path hook = dir.resolve(name);
                if (!Files.exists(hook) || !Files.readString(hook).contains(BEGIN)) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    /**
     * The shell block. It runs in a subshell whose failures are ignored, so it never changes the
     * hook's exit status and never exits the hook early; the request is written whole under a
     * temporary name and renamed into place; the JVM, when one is needed, runs detached.
     */
    String block(String hook) {
        Path store = StoreFiles.forWorktree(worktree).dir();
        String guard =
                hook.equals("post-checkout") ? "  [ \"$3\" = 1 ] || exit 0   # file checkouts change no branch\n" : "";
        return BEGIN + "\n"
                + "(\n"
                + guard
                + "  gm_store=" + quote(store.toString()) + "\n"
                + "  gm_top=$(pwd -P)\n"
                + "  gm_key=$(printf %s \"$gm_top\" | { sha256sum 2>/dev/null || shasum -a 256; } | cut -c1-16)\n"
                + "  mkdir -p \"$gm_store/requests\" \"$gm_store/logs\"\n"
                + "  printf '%s\\n' \"$gm_top\" > \"$gm_store/requests/$gm_key.tmp.$$\""
                + " && mv -f \"$gm_store/requests/$gm_key.tmp.$$\" \"$gm_store/requests/$gm_key\"\n"
                + "  gm_pid=$(cat \"$gm_store/daemon.pid\" 2>/dev/null)\n"
                + "  if [ -n \"$gm_pid\" ] && kill -0 \"$gm_pid\" 2>/dev/null; then exit 0; fi\n"
                + "  gm_setsid=; command -v setsid >/dev/null 2>&1 && gm_setsid=setsid\n"
                + "  $gm_setsid nohup " + quote(launcher) + " --repo \"$gm_top\" reindex --owed"
                + " </dev/null >>\"$gm_store/logs/hook.log\" 2>&1 &\n"
                + ") </dev/null >/dev/null 2>&1 || true\n"
                + END + "\n";
    }

    static String remove(String text) {
        int begin = text.indexOf(BEGIN);
        if (begin < 0) {
            return text;
        }
        int end = text.indexOf(END, begin);
        int after = end < 0 ? text.length() : Math.min(text.length(), end + END.length() + 1);
        return text.substring(0, begin) + text.substring(after);
    }

    private static boolean isShell(String text) {
        String first = text.lines().findFirst().orElse("");
        if (!first.startsWith("#!")) {
            return true; // git runs a hook without a shebang with sh
        }
        return first.matches("#!\\s*\\S*/(env\\s+)?(ba|da|z|k)?sh(\\s.*)?")
                || first.matches("#!\\s*/usr/bin/env\\s+(ba|da|z|k)?sh(\\s.*)?");
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static void makeExecutable(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            file.toFile().setExecutable(true);
        }
    }
}
