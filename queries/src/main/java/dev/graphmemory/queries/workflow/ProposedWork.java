package dev.graphmemory.queries.workflow;

import java.time.Instant;
import java.util.List;

/**
 * A work unit someone proposes to file, to be checked for duplicates before it is.
 *
 * @param title its title
 * @param objective its objective (may be empty)
 * @param files the repository paths it expects to change (may be empty)
 * @param tier {@code task}, {@code story}, {@code epic}, or {@code null}
 * @param body further text, e.g. the markdown after a file's frontmatter (may be empty); when
 *     present it is compared instead of the objective, which it usually repeats
 * @param created when it was filed, or {@code null} for work proposed now. A dated proposal (a filed
 *     report, or an indexed item asked about by id) is compared only with work filed before it, and
 *     how long before counts as evidence
 */
public record ProposedWork(
        String title, String objective, List<String> files, String tier, String body, Instant created) {
    public ProposedWork {
        title = title == null ? "" : title.strip();
        objective = objective == null ? "" : objective.strip();
        body = body == null ? "" : body.strip();
        files = files == null
                ? List.of()
                : files.stream()
                        .filter(f -> f != null && !f.isBlank())
                        .map(ProposedWork::normalisePath)
                        .distinct()
                        .toList();
        if (title.isEmpty() && objective.isEmpty() && body.isEmpty() && files.isEmpty()) {
            throw new IllegalArgumentException(
                    "a proposed work unit needs a title, an objective or files to compare; none was given");
        }
    }

    /** A proposal from its fields alone. */
    public static ProposedWork of(String title, String objective, List<String> files, String tier) {
        return new ProposedWork(title, objective, files, tier, null, null);
    }

    /** The text compared besides the title: the body when there is one, else the objective. */
    public String text() {
        return body.isEmpty() ? objective : body;
    }

    /** {@code ./src/a.py} and {@code src\a.py} become {@code src/a.py}. */
    static String normalisePath(String path) {
        String p = path.strip().replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        return p;
    }
}
