package dev.graphmemory.queries.workflow;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Classifies a work unit's tier deterministically, without a model. The rules, first match wins:
 *
 * <table>
 *   <caption>Tier rules</caption>
 *   <tr><th>rule</th><th>when</th><th>tier</th></tr>
 *   <tr><td>{@code read_only}</td><td>the title's first word is a read-only verb: audit, analyze
 *       (analyse), report, document, review, or an inflection of one (audits, reviewing, ...)</td>
 *       <td>task</td></tr>
 *   <tr><td>{@code files_5_plus}</td><td>5 or more distinct files</td><td>epic</td></tr>
 *   <tr><td>{@code files_2_to_4}</td><td>2 to 4 distinct files</td><td>story</td></tr>
 *   <tr><td>{@code files_0_to_1}</td><td>0 or 1 file</td><td>task</td></tr>
 * </table>
 *
 * <p>Read-only work is judged by the leading verb, not by any word: "Report flaky tests" is
 * read-only, "Fix report generation" is not. A leading id in brackets ({@code [WU-12]}) or
 * followed by a colon ({@code WU-12:}) is skipped.
 */
public final class TierClassifier {
    /** The read-only verbs, as stems. */
    static final List<String> READ_ONLY_STEMS = List.of("audit", "analy", "report", "document", "review");

    private static final Set<String> READ_ONLY_EXACT = Set.of(
            "audit",
            "audits",
            "audited",
            "auditing",
            "analyze",
            "analyzes",
            "analyzed",
            "analyzing",
            "analyse",
            "analyses",
            "analysed",
            "analysing",
            "analysis",
            "report",
            "reports",
            "reported",
            "reporting",
            "document",
            "documents",
            "documented",
            "documenting",
            "review",
            "reviews",
            "reviewed",
            "reviewing");
    private static final Pattern LEADING_ID =
            Pattern.compile("^\\s*(\\[[^]]*]|[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)+:)\\s*");

    private TierClassifier() {}

    /** The tier, the rule that fired, and why, in words. */
    public record Tier(String tier, String rule, String reason, int files) {}

    /** Classifies a work unit from its title and the files it touches. */
    public static Tier classify(String title, List<String> files) {
        int count = files == null
                ? 0
                : (int) files.stream()
                        .filter(f -> f != null && !f.isBlank())
                        .map(String::trim)
                        .distinct()
                        .count();
        String verb = leadingWord(title == null ? "" : title);
        if (READ_ONLY_EXACT.contains(verb)) {
            return new Tier(
                    "task",
                    "read_only",
                    "the title starts with the read-only verb '" + verb
                            + "': read-only work is a task whatever the number of files",
                    count);
        }
        if (count >= 5) {
            return new Tier("epic", "files_5_plus", count + " files: 5 or more files make an epic", count);
        }
        if (count >= 2) {
            return new Tier("story", "files_2_to_4", count + " files: 2 to 4 files make a story", count);
        }
        return new Tier(
                "task",
                "files_0_to_1",
                count + (count == 1 ? " file" : " files") + ": 0 or 1 file makes a task",
                count);
    }

    static String leadingWord(String title) {
        String rest = LEADING_ID.matcher(title).replaceFirst("");
        String[] words = rest.trim().split("[^A-Za-z]+", 3);
        for (String w : words) {
            if (!w.isEmpty()) {
                return w.toLowerCase(Locale.ROOT);
            }
        }
        return "";
    }
}
