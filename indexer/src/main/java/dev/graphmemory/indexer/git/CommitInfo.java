package dev.graphmemory.indexer.git;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One commit as the history reader saw it.
 *
 * @param sha the commit id, 40 lowercase hex digits
 * @param message the full message, trimmed, at most {@link GitHistoryReader#MESSAGE_LIMIT} chars
 * @param time the committer time, ISO-8601 in UTC, e.g. {@code 2026-11-21T09:34:24Z}
 * @param author the author's name
 * @param changedPaths repository-relative paths added, modified or deleted compared with the first
 *     parent (a rename is its old and its new path; a root commit lists every file; a merge lists
 *     what it brought in compared with its first parent)
 */
public record CommitInfo(String sha, String message, String time, String author, List<String> changedPaths) {
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}");

    public CommitInfo {
        Objects.requireNonNull(sha, "sha");
        if (!SHA.matcher(sha).matches()) {
            throw new IllegalArgumentException("sha: expected 40 lowercase hex digits, got '" + sha + "'");
        }
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(author, "author");
        changedPaths = List.copyOf(changedPaths);
    }
}
