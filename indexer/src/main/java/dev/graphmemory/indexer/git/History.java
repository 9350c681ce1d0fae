package dev.graphmemory.indexer.git;

import java.util.List;

/**
 * The commits read from a repository, newest first.
 *
 * @param commits at most the reader's limit of commits
 * @param truncated whether older commits exist beyond the limit
 * @param walked how many commits the walk visited: the commits returned, plus the one it looked
 *     at to learn that more exist when {@code truncated}
 */
public record History(List<CommitInfo> commits, boolean truncated, int walked) {
    public History {
        commits = List.copyOf(commits);
    }

    /** The history of a repository without commits. */
    public static History empty() {
        return new History(List.of(), false, 0);
    }
}
