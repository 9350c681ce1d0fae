package dev.graphmemory.queries.workflow.gaps;

import java.util.Set;

/**
 * Every weight and threshold of gap detection and its suggestions, in one place.
 *
 * <p>Gap confidence starts from what the graph shows and is lowered by what the graph cannot see:
 *
 * <table>
 *   <caption>Gap confidence</caption>
 *   <tr><th>case</th><th>confidence</th></tr>
 *   <tr><td>{@code tests_only}: tests use it, nothing reached does</td><td>{@value #TESTS_ONLY}</td></tr>
 *   <tr><td>{@code unreached}, nothing uses it at all</td><td>{@value #ORPHAN}</td></tr>
 *   <tr><td>{@code unreached}, used only by other unreached modules</td><td>{@value #ISLAND}</td></tr>
 *   <tr><td>× its file did not parse (edges may be missing)</td><td>× {@value #PARSE_FAILED}</td></tr>
 *   <tr><td>× a type carries a wiring annotation ({@code @Component}, {@code @Named}, ...) that no
 *       scanned application explains: a framework may instantiate it</td><td>× {@value #ANNOTATED}</td></tr>
 *   <tr><td>× library mode (public API roots are a guess)</td><td>× {@value #LIBRARY}</td></tr>
 * </table>
 *
 * <p>Suggestion confidence is a weighted sum, capped at 1: package/folder proximity
 * ({@value #W_PROXIMITY}), shared name words ({@value #W_NAMES}), co-change share in git history
 * ({@value #W_COCHANGE}), a work unit touching both ({@value #W_WORK}), plus {@value #ENTRY_BONUS}
 * when the host is an entry point. Suggestions under {@value #MIN_SUGGESTION} are dropped.
 */
public final class GapConfidence {
    public static final double TESTS_ONLY = 0.9;
    public static final double ORPHAN = 0.85;
    public static final double ISLAND = 0.7;
    public static final double PARSE_FAILED = 0.4;
    public static final double ANNOTATED = 0.5;
    public static final double LIBRARY = 0.8;

    public static final double W_PROXIMITY = 0.35;
    public static final double W_NAMES = 0.25;
    public static final double W_COCHANGE = 0.3;
    public static final double W_WORK = 0.2;
    public static final double ENTRY_BONUS = 0.1;
    public static final double MIN_SUGGESTION = 0.15;
    /** Commits that modify more modules than this (mass renames, formatting) say nothing about co-change. */
    public static final int MAX_COMMIT_MODULES = 50;

    /** Annotations by which frameworks find and instantiate classes. */
    static final Set<String> WIRING_ANNOTATIONS = Set.of(
            "Component",
            "Service",
            "Repository",
            "Controller",
            "RestController",
            "Configuration",
            "ControllerAdvice",
            "RestControllerAdvice",
            "Named",
            "Singleton",
            "ApplicationScoped",
            "RequestScoped",
            "SessionScoped",
            "Dependent",
            "Path",
            "Provider",
            "WebServlet",
            "WebFilter",
            "WebListener",
            "Entity",
            "Mojo",
            "AutoService",
            "Extension",
            "Plugin",
            "ServiceProvider");

    private GapConfidence() {}

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
