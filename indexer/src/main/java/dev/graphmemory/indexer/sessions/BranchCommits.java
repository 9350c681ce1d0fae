package dev.graphmemory.indexer.sessions;

import dev.graphmemory.indexer.walk.RepositoryWalker;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which commits the branches a session names hold, so {@code PRODUCED} goes only to commits of the
 * session's own branch. A branch that no longer exists as a local ref (merged and deleted, or named
 * in a transcript of another clone) says nothing: then the commit's time alone decides.
 */
public final class BranchCommits {
    private static final Logger LOG = LoggerFactory.getLogger(BranchCommits.class);

    /** Answers "unknown" for every branch: the commit's time alone decides. */
    public static final BranchCommits NONE = new BranchCommits(null, 0);

    private final Path root;
    private final int maxCommits;
    /** branch → the shas of its last {@code maxCommits} commits; null when it is no local branch. */
    private final Map<String, Set<String>> byBranch = new HashMap<>();

    /**
     * @param maxCommits how many commits back from each branch's tip are looked at (the history depth)
     */
    public BranchCommits(Path root, int maxCommits) {
        this.root = root;
        this.maxCommits = maxCommits;
    }

    /**
     * Whether a commit may have been made on one of {@code branches}: true when one of them holds it,
     * or when none of them is a local branch (nothing to go by).
     */
    public boolean mayHold(Collection<String> branches, String sha) {
        boolean known = false;
        for (String branch : branches) {
            Set<String> shas = byBranch.computeIfAbsent(branch, this::read);
            if (shas != null) {
                known = true;
                if (shas.contains(sha)) {
                    return true;
                }
            }
        }
        return !known;
    }

    private Set<String> read(String branch) {
        if (root == null) {
            return null;
        }
        try (Repository repo = RepositoryWalker.open(root);
                RevWalk walk = new RevWalk(repo)) {
            var ref = repo.exactRef("refs/heads/" + branch);
            ObjectId tip = ref == null ? null : ref.getObjectId();
            if (tip == null) {
                return null;
            }
            walk.markStart(walk.parseCommit(tip));
            Set<String> shas = new HashSet<>();
            for (RevCommit c : walk) {
                shas.add(c.name());
                if (shas.size() >= maxCommits) {
                    break;
                }
            }
            return shas;
        } catch (IOException | RuntimeException e) {
            LOG.debug("sessions: cannot read branch {}: {}", branch, e.toString());
            return null;
        }
    }
}
