package dev.graphmemory.queries.workflow;

import dev.graphmemory.queries.schema.Keys;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
 * @param embedding the unit vector the indexer stored for {@link Embeddings#text(Map, String)} with
 *     {@link Embeddings#MODEL}, or {@code null} (embeddings were off when it was indexed); compared
 *     by reference in {@code equals}, like any array component
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
        Instant created,
        float[] embedding) {
    public WorkItem {
        Objects.requireNonNull(id, "id");
        title = title == null ? "" : title;
        text = text == null ? "" : text;
        files = files == null ? List.of() : files.stream().distinct().sorted().toList();
    }

    /** The title a node's properties give: {@code title}, else {@code name}, else the key. */
    public static String titleOf(Map<String, ?> props, String key) {
        for (String k : List.of(Keys.TITLE, Keys.NAME)) {
            if (props.get(k) != null) {
                return props.get(k).toString();
            }
        }
        return key;
    }

    /** The text a node's properties give: its body, else its objective, then its root cause. */
    public static String textOf(Map<String, ?> props) {
        StringBuilder text = new StringBuilder();
        String body = Objects.toString(props.get("body"), null);
        text.append(body != null && !body.isBlank() ? body : Objects.toString(props.get(Keys.OBJECTIVE), ""));
        String rootCause = Objects.toString(props.get("root_cause"), null);
        if (rootCause != null) {
            text.append('\n').append(rootCause);
        }
        return text.toString();
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
