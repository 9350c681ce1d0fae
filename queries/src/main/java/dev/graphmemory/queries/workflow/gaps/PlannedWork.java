package dev.graphmemory.queries.workflow.gaps;

import java.util.List;

/**
 * A planned work unit of a build plan, read from its markdown file.
 *
 * @param id its id ({@code WU-12})
 * @param title its title
 * @param text its objective and body, where it may name the modules it wires
 * @param files its {@code files_changed}, repository-relative
 * @param source the file it was read from
 */
public record PlannedWork(String id, String title, String text, List<String> files, String source) {
    public PlannedWork {
        files = List.copyOf(files);
        title = title == null ? "" : title;
        text = text == null ? "" : text;
    }
}
