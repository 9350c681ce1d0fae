package dev.graphmemory.queries.picture;

import java.util.List;

/**
 * A subject drawn: the diagram and what the answer says about it.
 *
 * @param subject {@code neighbors}, {@code dependencies}, {@code gaps} or {@code work_unit}
 * @param focus the node or scope the picture is about (a node id, a folder, a package), or null
 * @param diagram the boxes and arrows, capped
 * @param notes lines written as comments into the diagram: what was left out and how to see it
 * @param total how many boxes the subject has in all (before the cap) or, for gaps, how many gaps
 * @param truncated the walk stopped at its node cap, so {@code total} is a lower bound
 * @param nextCursor for gaps, the cursor of the next page of gaps; null otherwise or on the last page
 */
public record Picture(
        String subject,
        String focus,
        Diagram diagram,
        List<String> notes,
        long total,
        boolean truncated,
        String nextCursor) {
    public Picture {
        notes = List.copyOf(notes);
    }
}
