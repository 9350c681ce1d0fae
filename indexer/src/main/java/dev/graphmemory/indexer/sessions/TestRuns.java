package dev.graphmemory.indexer.sessions;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells test and build commands from the rest, and a failed run that never got to a test from one
 * whose tests failed, so a session shows the runs it wasted (a broken import, a compile error, a
 * wrong flag) apart from real test failures.
 *
 * <p>Heuristics, said plainly: a command is a test or build run when a word of its key is one of
 * {@link #WORDS} (so {@code mvnw verify}, {@code pytest tests/}, {@code npm test}, {@code go test});
 * a run reported tests when its output holds a test tally of a common runner: {@code Tests run: N}
 * (Maven Surefire, JUnit), {@code N passed} or {@code N failed} (pytest, Jest, Vitest, Mocha),
 * {@code Ran N test} (unittest), {@code test result:} (cargo), {@code --- FAIL} or {@code ok <pkg>}
 * (go test), {@code N tests completed} (Gradle). The output is only searched, never kept.
 */
public final class TestRuns {
    /** Words of a command key that make it a test or build run. */
    static final Set<String> WORDS = Set.of(
            "test",
            "tests",
            "pytest",
            "py.test",
            "tox",
            "nox",
            "verify",
            "check",
            "build",
            "install",
            "jest",
            "vitest",
            "mocha",
            "mvn",
            "mvnw",
            "gradle",
            "gradlew",
            "ctest",
            "rspec",
            "phpunit",
            "unittest");

    private static final Pattern TALLY = Pattern.compile(
            "Tests run: \\d|\\b\\d+ (passed|failed)\\b|\\bRan \\d+ tests?\\b|test result:|--- FAIL|^ok\\s+\\S+"
                    + "|\\b\\d+ tests? completed|\\bTests?:\\s+\\d+",
            Pattern.MULTILINE);

    private TestRuns() {}

    /** Whether the command key names a test or build run. */
    public static boolean isTestOrBuild(String key) {
        for (String word : key.split(" ")) {
            if (WORDS.contains(word)
                    || word.startsWith("test")
                    || word.endsWith("/test")
                    || word.startsWith("tests/")) {
                return true;
            }
        }
        return false;
    }

    /** Whether a run's output shows that tests ran (passed or failed). */
    public static boolean reportsTests(CharSequence output) {
        return TALLY.matcher(output).find();
    }
}
