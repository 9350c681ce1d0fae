package dev.graphmemory.server.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * The files of {@code <repo>/.graph-memory/}: the Neo4j home, the generated credentials (readable
 * by the user alone), the daemon's endpoint and locks, the reindex requests the git hook leaves,
 * and the entry in git's {@code info/exclude} that keeps the folder out of {@code git status}.
 *
 * <p>One store per repository: a linked worktree ({@code git worktree add}) uses the folder of the
 * main worktree, so every worktree of a repository shares one daemon and one database, each
 * worktree's graph under its own repository key.
 */
public final class StoreFiles {
    static final String DIR = ".graph-memory";
    static final String EXCLUDE_LINE = "/" + DIR + "/";

    private final Path repoRoot;
    private final Path dir;

    StoreFiles(Path repoRoot) {
        this.repoRoot = repoRoot;
        this.dir = repoRoot.resolve(DIR);
    }

    /** The store files for a working tree: its own, or its main worktree's when it is a linked one. */
    public static StoreFiles forWorktree(Path worktree) {
        return new StoreFiles(mainWorktree(worktree));
    }

    /**
     * The main worktree of {@code worktree}: itself, unless its {@code .git} is a file pointing into
     * another repository's {@code worktrees/} folder whose common dir is a non-bare {@code .git}.
     */
    public static Path mainWorktree(Path worktree) {
        try {
            Path common = new StoreFiles(worktree).gitCommonDir();
            if (common != null
                    && common.getFileName() != null
                    && common.getFileName().toString().equals(".git")
                    && !common.getParent().equals(worktree)
                    && Files.isDirectory(common.getParent())) {
                return common.getParent().toRealPath();
            }
        } catch (IOException e) {
            // fall through: the worktree keeps its own store
        }
        return worktree;
    }

    public Path dir() {
        return dir;
    }

    /** The working tree whose {@code .graph-memory/} this is. */
    public Path storeRoot() {
        return repoRoot;
    }

    /** The daemon's endpoint: pid, Bolt port, version, store id (JSON, written once it is up). */
    public Path endpointFile() {
        return dir.resolve("daemon.json");
    }

    /**
     * Where the daemon answers the command line's read commands itself: one line, {@code <port>
     * <token> <jar> <pid>}, user-only like the credentials (see {@code DaemonCli}).
     */
    public Path cliEndpointFile() {
        return dir.resolve("cli.endpoint");
    }

    /** The daemon's pid alone, for the git hook's shell check. */
    public Path pidFile() {
        return dir.resolve("daemon.pid");
    }

    /** Held by the running daemon for its whole life: free means no daemon runs. */
    Path lifeLock() {
        return dir.resolve("daemon.lock");
    }

    /** Held by a client while it starts a daemon, so racing clients start one. */
    Path startLock() {
        return dir.resolve("daemon-start.lock");
    }

    /** Reindex requests, one file per worktree, left by the git hook and the reindex tool. */
    public Path requestsDir() {
        return dir.resolve("requests");
    }

    /**
     * Per-worktree index-run status and locks, in git's own folder ({@code <common dir>/graph-memory/runs}):
     * runs are coordinated the same way with an external Neo4j, where graph-memory writes nothing
     * into the working tree.
     */
    public Path runsDir() {
        return besideGit("runs");
    }

    /**
     * Per-worktree caches of parsed files that make runs incremental ({@code <common dir>/graph-memory/cache}),
     * beside the run locks and for the same reason.
     */
    public Path cacheDir() {
        return besideGit("cache");
    }

    private Path besideGit(String name) {
        try {
            Path common = gitCommonDir();
            return common == null
                    ? dir.resolve(name)
                    : common.resolve("graph-memory").resolve(name);
        } catch (IOException e) {
            return dir.resolve(name);
        }
    }

    public Path logsDir() {
        return dir.resolve("logs");
    }

    Path neo4jHome() {
        return dir.resolve("neo4j");
    }

    /** Creates the folder (user-only) and lists it in git's exclude file. */
    public void prepare() {
        try {
            Files.createDirectories(dir);
            restrict(dir, "rwx------");
            Files.createDirectories(requestsDir());
            Files.createDirectories(logsDir());
            excludeFromGit();
        } catch (IOException e) {
            throw new StoreException("cannot create the store folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The password of the embedded store's {@code neo4j} user, generated on first use. */
    synchronized String password() {
        Path file = dir.resolve("credentials");
        try {
            if (Files.exists(file)) {
                return readPassword(file);
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            // Written whole under a temporary name, then linked into place: a racing process either
            // wins the link or reads the winner's complete file, never a half-written one.
            Path tmp = Files.createTempFile(dir, "credentials", ".tmp");
            try {
                restrict(tmp, "rw-------");
                Files.writeString(tmp, password + "\n", StandardCharsets.UTF_8);
                Files.createLink(file, tmp);
                return password;
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                return readPassword(file);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new StoreException("cannot read or create the credentials file " + file + ": " + e.getMessage(), e);
        }
    }

    private static String readPassword(Path file) throws IOException {
        String password = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (password.isEmpty()) {
            throw new IOException("the file is empty; delete it and the folder neo4j/ beside it to start afresh");
        }
        return password;
    }

    private void excludeFromGit() throws IOException {
        Path common = gitCommonDir();
        if (common == null) {
            return;
        }
        Path exclude = common.resolve("info").resolve("exclude");
        Files.createDirectories(exclude.getParent());
        List<String> lines = Files.exists(exclude) ? Files.readAllLines(exclude, StandardCharsets.UTF_8) : List.of();
        if (lines.stream()
                .map(String::trim)
                .noneMatch(l -> l.equals(EXCLUDE_LINE) || l.equals(DIR) || l.equals(DIR + "/"))) {
            String prefix = lines.isEmpty() || Files.size(exclude) == 0 ? "" : "\n";
            Files.writeString(
                    exclude,
                    prefix + "# graph-memory's store\n" + EXCLUDE_LINE + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }

    /** The git folder that holds {@code info/exclude}: {@code .git}, or a worktree's common dir. */
    private Path gitCommonDir() throws IOException {
        Path dotGit = repoRoot.resolve(".git");
        if (Files.isDirectory(dotGit)) {
            return dotGit;
        }
        if (!Files.isRegularFile(dotGit)) {
            return null;
        }
        String content = Files.readString(dotGit).trim();
        if (!content.startsWith("gitdir:")) {
            return null;
        }
        Path gitDir =
                repoRoot.resolve(content.substring("gitdir:".length()).trim()).normalize();
        Path commonDirFile = gitDir.resolve("commondir");
        if (Files.exists(commonDirFile)) {
            return gitDir.resolve(Files.readString(commonDirFile).trim()).normalize();
        }
        return gitDir;
    }

    /**
     * Replaces {@code file} with {@code text} (user-only) in one rename, so a reader in another
     * process sees the old content or the new one, never a half-written file.
     */
    public static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(
                file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        restrict(tmp, "rw-------");
        Files.move(
                tmp,
                file,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    static void restrict(Path path, String perms) {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            try {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(perms));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
