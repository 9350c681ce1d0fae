package dev.graphmemory.queries.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One indexed work unit or bug as the duplicate finder compares it.
 *
 * @param id the node id, e.g. {@code workflow:work_unit:WU-281}
 * @param type {@code work_unit} or {@code bug}
 * @param title the title (the id when there is none)
 * @param text the rest of its text: body, else objective, plus a bug's root cause
 * @param status the {@code status} field, or {@code null}
 * @param tier the {@code tier} field, or {@code null}
 * @param files repository paths from {@code files_changed} and its {@code TOUCHES}/{@code AFFECTS}
 *     edges, sorted and distinct
 * @param lastCommit the latest commit whose message names it, or {@code null}
 * @param created when it was filed (see {@link WorkDates}), or {@code null} when it does not say
 */
public record WorkItem(
        String id,
        String type,
        String title,
        String text,
        String status,
        String tier,
        List<String> files,
        CommitRef lastCommit,
        Instant created) {
    public WorkItem {
        Objects.requireNonNull(id, "id");
        title = title == null ? "" : title;
        text = text == null ? "" : text;
        files = files == null ? List.of() : files.stream().distinct().sorted().toList();
    }

    /**
     * A commit that names a work item.
     *
     * @param sha the full commit id
     * @param time the committer time, ISO-8601
     */
    public record CommitRef(String sha, String time) {
        public CommitRef {
            Objects.requireNonNull(sha, "sha");
        }
    }
}
