package dev.graphmemory.queries.workflow.gaps;

import dev.graphmemory.queries.find.ToolException;
import java.util.List;

/**
 * What to ask gap detection.
 *
 * @param entryPoints extra entry point globs (configuration and caller together)
 * @param exclude exclusion globs (configuration and caller together)
 * @param mode {@code auto} (entry points, or the public API when there are none), {@code application}
 *     or {@code library}
 * @param status only gaps of this status ({@code unreached}, {@code tests_only}), or null for both
 * @param minConfidence leave out gaps below this confidence
 * @param suggestions suggestions per gap, 0..5
 * @param limit rows per page, null for the default
 * @param cursor the previous page's {@code next_cursor}, or null
 * @param plan the planned work units of a build plan to check, or null to report the current code's gaps
 * @param explain a module's repository path: answer which rule made it a root or reached it, or why
 *     none did, instead of the list of gaps; or null
 */
public record GapRequest(
        List<String> entryPoints,
        List<String> exclude,
        String mode,
        String status,
        double minConfidence,
        int suggestions,
        Integer limit,
        String cursor,
        List<PlannedWork> plan,
        String explain) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_SUGGESTIONS = 3;
    public static final int MAX_SUGGESTIONS = 5;

    public GapRequest {
        entryPoints = List.copyOf(entryPoints);
        exclude = List.copyOf(exclude);
        mode = mode == null ? RootFinder.MODE_AUTO : mode;
        if (!List.of(RootFinder.MODE_AUTO, RootFinder.MODE_APPLICATION, RootFinder.MODE_LIBRARY)
                .contains(mode)) {
            throw new ToolException("mode must be auto, application or library, got '" + mode + "'; auto uses the"
                    + " entry points, or the public API when the repository has none");
        }
        if (status != null && !List.of(Gap.UNREACHED, Gap.TESTS_ONLY).contains(status)) {
            throw new ToolException(
                    "status must be unreached or tests_only, got '" + status + "'; leave it out for both");
        }
        if (minConfidence < 0 || minConfidence > 1) {
            throw new ToolException("min_confidence must be from 0 to 1, got " + minConfidence);
        }
        if (suggestions < 0 || suggestions > MAX_SUGGESTIONS) {
            throw new ToolException("suggestions must be 0.." + MAX_SUGGESTIONS + ", got " + suggestions);
        }
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw new ToolException("limit must be 1.." + MAX_LIMIT + ", got " + limit);
        }
        plan = plan == null ? null : List.copyOf(plan);
        if (explain != null && plan != null) {
            throw new ToolException("explain and plan cannot be combined: explain answers for one module of the"
                    + " current code, plan checks planned modules; ask one, then the other");
        }
    }

    /** The default request: every gap, auto mode, no extra globs. */
    public static GapRequest defaults() {
        return new GapRequest(List.of(), List.of(), null, null, 0, DEFAULT_SUGGESTIONS, null, null, null, null);
    }

    int pageSize() {
        return limit == null ? DEFAULT_LIMIT : limit;
    }
}
