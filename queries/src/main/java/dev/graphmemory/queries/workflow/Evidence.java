package dev.graphmemory.queries.workflow;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why a candidate was judged as it was.
 *
 * @param textSimilarity cosine of the two texts' term vectors, 0..1
 * @param titleCoverage share of the proposal's title (IDF-weighted) found in the candidate, 0..1
 * @param candidateTitleCoverage share of the candidate's title (IDF-weighted) found in the proposal,
 *     0..1: the same check the other way round
 * @param embeddingSimilarity cosine of the two texts' sentence embeddings ({@link Embeddings}), or
 *     {@code null} when embeddings are off or the candidate is not among the textually nearest
 * @param matchedTerms the shared words that weigh most, as the proposal wrote them
 * @param sharedFiles files both expect to change (from {@code files_changed} and {@code TOUCHES})
 * @param fileOverlap shared files over the smaller of the two file lists, 0..1
 * @param tier the candidate's tier, or {@code null}
 * @param sameTier whether the proposal names the same tier; {@code null} when either has none
 * @param status the candidate's status, or {@code null}
 * @param completion {@code already done in <sha>, <date>}, {@code in progress}, ... (see {@link
 *     Completion})
 * @param filed when the candidate was filed ({@link WorkDates}), or {@code null}
 * @param daysBefore how many days before the proposal it was filed, or {@code null} when either
 *     date is unknown
 * @param spent what agent sessions already spent on the candidate ({@link SessionSpend}), or
 *     {@code null} when none worked on it
 */
public record Evidence(
        double textSimilarity,
        double titleCoverage,
        double candidateTitleCoverage,
        Double embeddingSimilarity,
        List<String> matchedTerms,
        List<String> sharedFiles,
        double fileOverlap,
        String tier,
        Boolean sameTier,
        String status,
        String completion,
        Instant filed,
        Double daysBefore,
        SessionSpend spent) {
    public Evidence {
        matchedTerms = List.copyOf(matchedTerms);
        sharedFiles = List.copyOf(sharedFiles);
    }

    /** Evidence without session spend (the scorer's; the finder adds the spend). */
    public Evidence(
            double textSimilarity,
            double titleCoverage,
            double candidateTitleCoverage,
            Double embeddingSimilarity,
            List<String> matchedTerms,
            List<String> sharedFiles,
            double fileOverlap,
            String tier,
            Boolean sameTier,
            String status,
            String completion,
            Instant filed,
            Double daysBefore) {
        this(
                textSimilarity,
                titleCoverage,
                candidateTitleCoverage,
                embeddingSimilarity,
                matchedTerms,
                sharedFiles,
                fileOverlap,
                tier,
                sameTier,
                status,
                completion,
                filed,
                daysBefore,
                null);
    }

    /** A copy with what sessions spent on the candidate (null: none). */
    public Evidence withSpent(SessionSpend spent) {
        return new Evidence(
                textSimilarity,
                titleCoverage,
                candidateTitleCoverage,
                embeddingSimilarity,
                matchedTerms,
                sharedFiles,
                fileOverlap,
                tier,
                sameTier,
                status,
                completion,
                filed,
                daysBefore,
                spent);
    }

    /**
     * One line for people, e.g. {@code text similarity 0.62 (auth, timeout); meaning similarity 0.81;
     * shares auth/handler; in progress}.
     */
    public String summary() {
        StringBuilder s = new StringBuilder("text similarity " + round(textSimilarity));
        if (!matchedTerms.isEmpty()) {
            s.append(" (").append(String.join(", ", matchedTerms)).append(')');
        }
        if (embeddingSimilarity != null) {
            s.append("; meaning similarity ").append(round(embeddingSimilarity));
        }
        if (!sharedFiles.isEmpty()) {
            s.append("; shares ").append(String.join(", ", sharedFiles));
        }
        if (daysBefore != null) {
            long days = Math.round(daysBefore);
            s.append("; filed ").append(days == 0 ? "the same day" : days + (days == 1 ? " day" : " days") + " before");
        }
        s.append("; ").append(completion);
        if (spent != null) {
            s.append("; ").append(spent.summary());
        }
        return s.toString();
    }

    /**
     * The evidence as an answer object with snake_case keys; what carries nothing is left out: an
     * unknown similarity, tier or date, no shared files (and so no file overlap).
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text_similarity", round(textSimilarity));
        m.put("title_coverage", round(titleCoverage));
        m.put("candidate_title_coverage", round(candidateTitleCoverage));
        putIf(m, "embedding_similarity", embeddingSimilarity == null ? null : round(embeddingSimilarity));
        putIf(m, "matched_terms", matchedTerms.isEmpty() ? null : matchedTerms);
        if (!sharedFiles.isEmpty()) {
            m.put("shared_files", sharedFiles);
            m.put("file_overlap", round(fileOverlap));
        }
        putIf(m, "tier", tier);
        putIf(m, "same_tier", sameTier);
        putIf(m, "status", status);
        putIf(m, "completion", completion);
        putIf(m, "filed", filed == null ? null : filed.toString());
        putIf(m, "days_before", daysBefore == null ? null : Math.round(daysBefore * 10) / 10.0);
        if (spent != null) {
            m.put("sessions", spent.sessions());
            m.put("session_tokens", spent.weightedTokens());
        }
        m.put("summary", summary());
        return m;
    }

    private static void putIf(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }
}
