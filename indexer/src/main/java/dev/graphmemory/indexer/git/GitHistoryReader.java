package dev.graphmemory.indexer.git;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a repository's commit history with JGit: every ancestor of {@code HEAD} (all parents, not
 * only the first), newest first by commit time, up to a limit.
 *
 * <p>Design: changed paths come from a recursive {@link TreeWalk} over the parent's and the
 * commit's trees with {@link TreeFilter#ANY_DIFF}, which skips identical subtrees by id and never
 * reads file contents; rename detection is off, so a rename is its old path plus its new path.
 * One {@link TreeWalk} and one object reader serve the whole walk. A merge is compared with its
 * first parent only, so its paths are what the merge brought into the branch it was made on. In a
 * shallow clone the oldest commit is treated as a root commit (JGit gives it no parents).
 */
public final class GitHistoryReader {
    /** How many commits {@link #GitHistoryReader(Path)} reads at most. */
    public static final int DEFAULT_MAX_COMMITS = 5_000;
    /** The most characters of a commit message kept. */
    public static final int MESSAGE_LIMIT = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(GitHistoryReader.class);

    private final Path repoRoot;
    private final int maxCommits;
    /** Commits read before (a commit never changes), by id; filled with the commits this reader reads. */
    private final java.util.Map<String, CommitInfo> known;

    /** A reader of at most {@link #DEFAULT_MAX_COMMITS} commits. */
    public GitHistoryReader(Path repoRoot) {
        this(repoRoot, DEFAULT_MAX_COMMITS);
    }

    /**
     * @param repoRoot the working tree's root (its {@code .git} may be a folder or a file)
     * @param maxCommits the most commits to read, at least 1
     */
    public GitHistoryReader(Path repoRoot, int maxCommits) {
        this(repoRoot, maxCommits, new java.util.HashMap<>());
    }

    /**
     * A reader that takes commits it finds in {@code known} from there instead of comparing their
     * trees again (most of a history read's time), and adds the ones it reads.
     */
    public GitHistoryReader(Path repoRoot, int maxCommits, java.util.Map<String, CommitInfo> known) {
        this.known = Objects.requireNonNull(known, "known");
        this.repoRoot = Objects.requireNonNull(repoRoot, "repoRoot");
        if (maxCommits < 1) {
            throw new IllegalArgumentException("maxCommits: expected at least 1, got " + maxCommits);
        }
        this.maxCommits = maxCommits;
    }

    /**
     * Reads the history. A repository without commits yields {@link History#empty()}.
     *
     * @throws IOException when {@code repoRoot} holds no git repository or it cannot be read
     */
    public History read() throws IOException {
        try (Repository repo = open();
                RevWalk walk = new RevWalk(repo);
                TreeWalk tree = new TreeWalk(repo, walk.getObjectReader())) {
            ObjectId head = repo.resolve(Constants.HEAD);
            if (head == null) {
                return History.empty();
            }
            walk.sort(RevSort.COMMIT_TIME_DESC);
            walk.markStart(walk.parseCommit(head));
            tree.setRecursive(true);
            tree.setFilter(TreeFilter.ANY_DIFF);
            List<CommitInfo> commits = new ArrayList<>();
            for (RevCommit commit : walk) {
                if (commits.size() == maxCommits) {
                    return new History(commits, true, commits.size() + 1);
                }
                CommitInfo info = known.get(commit.getName());
                if (info == null) {
                    info = info(commit, changedPathsOrNone(walk, tree, commit));
                    known.put(info.sha(), info);
                }
                commits.add(info);
            }
            return new History(commits, false, commits.size());
        }
    }

    /** Opens the repository whose working tree is {@code repoRoot}; a parent's repository does not count. */
    private Repository open() throws IOException {
        try {
            return new FileRepositoryBuilder()
                    .setWorkTree(repoRoot.toFile())
                    .setMustExist(true)
                    .build();
        } catch (RepositoryNotFoundException e) {
            throw new IOException("no git repository at " + repoRoot.toAbsolutePath(), e);
        }
    }

    /** The changed paths; none, with a warning, when an object is missing (partial clone, damage). */
    private static List<String> changedPathsOrNone(RevWalk walk, TreeWalk tree, RevCommit commit) throws IOException {
        try {
            return changedPaths(walk, tree, commit);
        } catch (MissingObjectException e) {
            LOG.warn(
                    "commit {}: changed paths unknown, object {} is missing",
                    commit.getName(),
                    e.getObjectId().getName());
            return List.of();
        }
    }

    private static List<String> changedPaths(RevWalk walk, TreeWalk tree, RevCommit commit) throws IOException {
        tree.reset();
        if (commit.getParentCount() == 0) {
            tree.addTree(new EmptyTreeIterator());
        } else {
            tree.addTree(walk.parseCommit(commit.getParent(0)).getTree());
        }
        tree.addTree(commit.getTree());
        List<String> paths = new ArrayList<>();
        while (tree.next()) {
            paths.add(tree.getPathString());
        }
        return paths;
    }

    private static CommitInfo info(RevCommit commit, List<String> paths) {
        String message = commit.getFullMessage().strip();
        if (message.length() > MESSAGE_LIMIT) {
            boolean splitsPair = Character.isHighSurrogate(message.charAt(MESSAGE_LIMIT - 1));
            message = message.substring(0, splitsPair ? MESSAGE_LIMIT - 1 : MESSAGE_LIMIT);
        }
        PersonIdent author = commit.getAuthorIdent();
        return new CommitInfo(
                commit.getName(),
                message,
                Instant.ofEpochSecond(commit.getCommitTime()).toString(),
                author == null ? "" : author.getName(),
                paths);
    }
}
