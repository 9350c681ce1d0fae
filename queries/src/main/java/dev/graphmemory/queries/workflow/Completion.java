package dev.graphmemory.queries.workflow;

import java.util.Locale;
import java.util.Set;

/**
 * Says whether a candidate's work is already done, from its status and the latest commit whose
 * message names it ({@code MENTIONS}).
 *
 * <ul>
 *   <li>done status and a commit: {@code already done in <sha7>, <date>}
 *   <li>done status, no commit: {@code done (status <status>; no commit names it)}
 *   <li>open status and a commit: {@code in progress (last commit <sha7>, <date>)}
 *   <li>otherwise: {@code in progress}
 * </ul>
 */
final class Completion {
    /** Statuses that mean the work is finished. */
    static final Set<String> DONE =
            Set.of("done", "closed", "complete", "completed", "resolved", "fixed", "merged", "shipped", "released");

    private Completion() {}

    static String describe(WorkItem item) {
        boolean done = isDone(item.status());
        WorkItem.CommitRef commit = item.lastCommit();
        if (commit == null) {
            return done ? "done (status " + item.status() + "; no commit names it)" : "in progress";
        }
        String where = shortSha(commit.sha()) + (commit.time() == null ? "" : ", " + date(commit.time()));
        return done ? "already done in " + where : "in progress (last commit " + where + ")";
    }

    static boolean isDone(String status) {
        return status != null && DONE.contains(status.strip().toLowerCase(Locale.ROOT));
    }

    private static String shortSha(String sha) {
        return sha.length() > 7 ? sha.substring(0, 7) : sha;
    }

    /** {@code 2026-01-01T10:02:00Z} → {@code 2026-01-01}. */
    private static String date(String time) {
        int t = time.indexOf('T');
        return t > 0 ? time.substring(0, t) : time;
    }
}
