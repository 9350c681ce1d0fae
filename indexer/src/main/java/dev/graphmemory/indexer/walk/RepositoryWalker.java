package dev.graphmemory.indexer.walk;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;

/**
 * Lists the files of a repository's working tree the way {@code git ls-files --cached --others
 * --exclude-standard} does: tracked files plus untracked ones that {@code .gitignore} does not
 * exclude. Symbolic links are never followed (a link may point out of the repository); submodules
 * and graph-memory's own {@code .graph-memory/} folder are passed over.
 */
public final class RepositoryWalker {
    /** The folder graph-memory keeps its store and logs in; never indexed. */
    public static final String STORE_DIR = ".graph-memory";

    private final Path root;

    /** @param root the working tree root (the folder holding {@code .git}) */
    public RepositoryWalker(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /**
     * Whether a path lies in an installed-dependencies folder ({@code node_modules/}) that git does
     * not ignore: walked, but neither parsed nor counted, as it is not the repository's own code.
     */
    public static boolean inInstalledDependencies(String path) {
        return path.contains("node_modules/");
    }

    /** Opens the git repository whose working tree is at {@code root}. */
    public static Repository open(Path root) throws IOException {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setWorkTree(root.toFile());
        builder.findGitDir(root.toFile());
        builder.readEnvironment();
        if (builder.getGitDir() == null) {
            throw new IOException("not a git repository: " + root + " (graph-memory indexes git repositories; run"
                    + " `git init` there first)");
        }
        return builder.setMustExist(true).build();
    }

    /**
     * Walks the working tree.
     *
     * @param files receives every regular file, in path order
     * @param skipped receives every file passed over, with the reason
     */
    public void walk(Consumer<WalkedFile> files, Consumer<SkippedFile> skipped) {
        Path realRoot = realPath(root);
        // Whether each folder's real path lies under the real root, asked once per folder: its files
        // share the answer, and resolving a deep folder costs a system call per path component.
        Map<Path, Boolean> folders = new HashMap<>();
        try (Repository repo = open(root);
                TreeWalk walk = new TreeWalk(repo)) {
            walk.setRecursive(false);
            int dirCache = walk.addTree(new DirCacheIterator(readIndex(repo)));
            int workTree = walk.addTree(new FileTreeIterator(repo));
            while (walk.next()) {
                String path = walk.getPathString();
                if (path.equals(STORE_DIR) || path.startsWith(STORE_DIR + "/") || path.equals(".git")) {
                    continue;
                }
                WorkingTreeIterator wt = walk.getTree(workTree, WorkingTreeIterator.class);
                boolean tracked = walk.getTree(dirCache, DirCacheIterator.class) != null;
                if (wt == null) {
                    continue; // tracked but deleted from the working tree
                }
                if (!tracked && wt.isEntryIgnored()) {
                    continue;
                }
                FileMode mode = wt.getEntryFileMode();
                if (mode == FileMode.TREE) {
                    walk.enterSubtree();
                    continue;
                }
                if (mode == FileMode.SYMLINK) {
                    skipped.accept(new SkippedFile(path, "symlink"));
                    continue;
                }
                if (mode == FileMode.GITLINK) {
                    skipped.accept(new SkippedFile(path, "submodule"));
                    continue;
                }
                Path absolute = root.resolve(path.replace('/', File.separatorChar));
                if (!insideRoot(realRoot, absolute, folders)) {
                    skipped.accept(new SkippedFile(path, "outside repository"));
                    continue;
                }
                files.accept(new WalkedFile(
                        path,
                        absolute,
                        wt.getEntryLength(),
                        wt.getEntryLastModifiedInstant().toEpochMilli()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot walk the working tree of " + root + " with git: " + e.getMessage(), e);
        }
    }

    /** Git's index (the staged files), with an error that names the file when git's format is not met. */
    private static DirCache readIndex(Repository repo) {
        try {
            return repo.readDirCache();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read git's index file " + repo.getIndexFile() + " (expected git's list of staged files;"
                            + " `git status` in the repository shows whether git can read it): " + e.getMessage(),
                    e);
        }
    }

    /** Walks and collects into lists. */
    public Result walk() {
        List<WalkedFile> files = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        walk(files::add, skipped::add);
        return new Result(List.copyOf(files), List.copyOf(skipped));
    }

    /** Every file walked, and every file passed over. */
    public record Result(List<WalkedFile> files, List<SkippedFile> skipped) {}

    private boolean insideRoot(Path realRoot, Path file, Map<Path, Boolean> folders) {
        // A parent folder may itself be a link; the real path must stay under the real root.
        return folderInside(realRoot, file.getParent(), folders) && !Files.isSymbolicLink(file);
    }

    /**
     * Whether a folder's real path lies under the real root: the root's answer comes from its real
     * path, and a folder below it has its parent's answer when it is no link itself: one lstat a
     * folder, where resolving each folder's real path cost a readlink per path component (23,000
     * system calls a walk of Spring's 2,600 folders).
     */
    private boolean folderInside(Path realRoot, Path folder, Map<Path, Boolean> folders) {
        Boolean known = folders.get(folder);
        if (known != null) {
            return known;
        }
        boolean inside;
        if (folder.equals(root) || !folder.startsWith(root)) {
            try {
                inside = folder.toRealPath().startsWith(realRoot);
            } catch (IOException e) {
                inside = false;
            }
        } else {
            inside = folderInside(realRoot, folder.getParent(), folders) && !Files.isSymbolicLink(folder);
        }
        folders.put(folder, inside);
        return inside;
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath(LinkOption.NOFOLLOW_LINKS).toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
