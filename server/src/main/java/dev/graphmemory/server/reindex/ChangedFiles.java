package dev.graphmemory.server.reindex;

import java.io.IOException;
import java.nio.file.Path;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;

/**
 * The files that differ between the indexed commit and the working tree: committed since (a diff of
 * the two commits' trees) plus uncommitted (git status: modified, added, removed, untracked).
 */
final class ChangedFiles {
    private ChangedFiles() {}

    /** Sorted repository-relative paths; null when the indexed commit is unknown to git. */
    static TreeSet<String> since(Path worktree, String indexedCommit) {
        try (Repository repo = new FileRepositoryBuilder()
                        .setWorkTree(worktree.toFile())
                        .findGitDir(worktree.toFile())
                        .build();
                Git git = new Git(repo)) {
            TreeSet<String> paths = new TreeSet<>();
            ObjectId head = repo.resolve("HEAD^{tree}");
            if (indexedCommit != null && head != null) {
                ObjectId old = repo.resolve(indexedCommit + "^{tree}");
                if (old == null) {
                    return null;
                }
                try (ObjectReader reader = repo.newObjectReader()) {
                    CanonicalTreeParser a = new CanonicalTreeParser(null, reader, old);
                    CanonicalTreeParser b = new CanonicalTreeParser(null, reader, head);
                    for (DiffEntry d : git.diff().setOldTree(a).setNewTree(b).call()) {
                        if (d.getChangeType() != DiffEntry.ChangeType.DELETE) {
                            paths.add(d.getNewPath());
                        }
                        if (d.getChangeType() != DiffEntry.ChangeType.ADD) {
                            paths.add(d.getOldPath());
                        }
                    }
                }
            }
            Status status = git.status().call();
            paths.addAll(status.getModified());
            paths.addAll(status.getChanged());
            paths.addAll(status.getAdded());
            paths.addAll(status.getRemoved());
            paths.addAll(status.getMissing());
            paths.addAll(status.getUntracked());
            paths.removeIf(p -> p.startsWith(".graph-memory/"));
            return paths;
        } catch (IOException | GitAPIException | RuntimeException e) {
            return null;
        }
    }
}
