package dev.graphmemory.queries.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A work unit someone proposes to file, to be checked for duplicates before it is.
 *
 * <p>A proposal is a caller's input, so its size is bounded ({@link #MAX_TITLE_CHARS},
 * {@link #MAX_TEXT_CHARS}, {@link #MAX_FILES}); a larger one is refused with a message that says the
 * limit. An indexed item asked about by id is {@linkplain #clipped clipped} to the same bounds.
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
    /** The longest title compared, in characters. */
    public static final int MAX_TITLE_CHARS = 1_000;

    /** The longest objective or body compared, in characters (a long stack trace fits). */
    public static final int MAX_TEXT_CHARS = 100_000;

    /** The most files a proposal may name. */
    public static final int MAX_FILES = 1_000;

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
        checkSize("title", title.length(), MAX_TITLE_CHARS, "characters");
        checkSize("objective", objective.length(), MAX_TEXT_CHARS, "characters");
        checkSize("body", body.length(), MAX_TEXT_CHARS, "characters");
        checkSize("files", files.size(), MAX_FILES, "paths");
        if (title.isEmpty() && objective.isEmpty() && body.isEmpty() && files.isEmpty()) {
            throw new IllegalArgumentException(
                    "a proposed work unit needs a title, an objective or files to compare; none was given");
        }
    }

    private static void checkSize(String field, int size, int max, String unit) {
        if (size > max) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "the proposal's %s has %,d %s; at most %,d are taken (title %,d characters, objective or"
                            + " body %,d, files %,d): shorten it",
                    field,
                    size,
                    unit,
                    max,
                    MAX_TITLE_CHARS,
                    MAX_TEXT_CHARS,
                    MAX_FILES));
        }
    }

    /** An indexed item as a proposal, cut to the bounds: its size is the repository's, not a caller's. */
    public static ProposedWork clipped(String title, List<String> files, String tier, String body, Instant created) {
        return new ProposedWork(
                clip(title, MAX_TITLE_CHARS),
                "",
                files == null || files.size() <= MAX_FILES ? files : files.subList(0, MAX_FILES),
                tier,
                clip(body, MAX_TEXT_CHARS),
                created);
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
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
