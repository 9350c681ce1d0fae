package dev.graphmemory.queries.workflow.gaps;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What gap detection leaves out because it is not meant to be reached from an entry point: test
 * code, generated code, {@code package-info}/{@code module-info}, type declaration files
 * ({@code .d.ts}, Python {@code .pyi} stubs), code in folders tests read as data, build
 * and tool configuration scripts, and whatever the configuration excludes. One rule table, first
 * match wins; the reason is reported in the answer's counts.
 */
final class Exclusions {
    static final String TEST = "test";
    static final String GENERATED = "generated";
    static final String PACKAGE_INFO = "package_info";
    static final String DECLARATIONS = "declaration_file";
    static final String FIXTURE = "fixture";
    static final String TOOLING = "build_or_tool_config";
    static final String CONFIGURED = "configured";

    private static final Set<String> TEST_FOLDERS = Set.of("test", "tests", "__tests__", "__tests_dts__", "__mocks__");
    /** Folders tests read as data: code there is input to a test, not part of the program. */
    private static final Set<String> FIXTURE_FOLDERS =
            Set.of("test-data", "testdata", "test_data", "fixtures", "__fixtures__", "__snapshots__");

    private static final Set<String> GENERATED_FOLDERS = Set.of(
            "generated", "generated-sources", "generated-test-sources", "target", "build", "dist", "node_modules");
    private static final Pattern GENERATED_FILE =
            Pattern.compile(".*(_pb2(_grpc)?\\.pyi?|\\.pb\\.[jt]s|\\.generated\\.[a-z]+|_generated\\.[a-z]+)$");
    private static final Pattern TEST_FILE =
            Pattern.compile("(test_.*\\.py|.*_test\\.py|tests\\.py|conftest\\.py|.*\\.(test|spec)\\.[cm]?[jt]sx?)$");
    private static final Pattern TOOLING_FILE = Pattern.compile(
            "(setup\\.py|noxfile\\.py|fabfile\\.py|.*\\.config\\.[cm]?[jt]s|\\.eslintrc\\.[cm]?js|\\.prettierrc\\.[cm]?js"
                    + "|[Gg]ulpfile\\.[cm]?[jt]s|Gruntfile\\.[cm]?js|jest\\.setup\\.[cm]?[jt]s)$");

    private final PathGlob configured;

    Exclusions(List<String> globs) {
        this.configured = PathGlob.anyOf(globs, "exclude");
    }

    /** Why the module is left out, or {@code null} when it counts. */
    String reason(CodeModule m, List<JavaType> types) {
        String path = m.path();
        String file = path.substring(path.lastIndexOf('/') + 1);
        List<String> folders = List.of(m.folder().split("/"));
        if (m.test() || TEST_FILE.matcher(file).matches() || folders.stream().anyMatch(TEST_FOLDERS::contains)) {
            return TEST;
        }
        if (file.equals("package-info.java") || file.equals("module-info.java")) {
            return PACKAGE_INFO;
        }
        if (GENERATED_FILE.matcher(file).matches()
                || folders.stream().anyMatch(GENERATED_FOLDERS::contains)
                || types.stream().anyMatch(t -> t.annotations().contains("Generated"))) {
            return GENERATED;
        }
        if (file.endsWith(".d.ts") || file.endsWith(".d.mts") || file.endsWith(".d.cts") || file.endsWith(".pyi")) {
            return DECLARATIONS;
        }
        if (folders.stream().anyMatch(FIXTURE_FOLDERS::contains)) {
            return FIXTURE;
        }
        if (TOOLING_FILE.matcher(file).matches() || (file.equals("conf.py") && folders.contains("docs"))) {
            return TOOLING;
        }
        if (configured.matches(path)) {
            return CONFIGURED;
        }
        return null;
    }
}
