package dev.graphmemory.queries.find;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A row carries the id and only what the id, the request and the defaults do not already say; every
 * left-out property comes back when asked for by name.
 */
class CompactRowTest {
    static Stream<Arguments> nodes() {
        return Stream.of(
                Arguments.of(
                        "a Java module: path, language and name are in the id, is_test false is the default",
                        node(
                                "architecture:module:src/main/java/a/B.java",
                                List.of("module"),
                                "name",
                                "src/main/java/a/B.java",
                                "path",
                                "src/main/java/a/B.java",
                                "language",
                                "java",
                                "is_test",
                                false,
                                "lines",
                                40),
                        Map.of()),
                Arguments.of(
                        "a test module says is_test",
                        node(
                                "architecture:module:tests/test_x.py",
                                List.of("module"),
                                "name",
                                "tests/test_x.py",
                                "path",
                                "tests/test_x.py",
                                "language",
                                "python",
                                "is_test",
                                true),
                        Map.of("is_test", true)),
                Arguments.of(
                        "a script without extension keeps its language",
                        node(
                                "architecture:module:bin/tool",
                                List.of("module"),
                                "name",
                                "bin/tool",
                                "path",
                                "bin/tool",
                                "language",
                                "python",
                                "is_test",
                                false),
                        Map.of("language", "python")),
                Arguments.of(
                        "an external module: its language is in the id",
                        node(
                                "architecture:module:external:python/requests",
                                List.of("module"),
                                "name",
                                "requests",
                                "language",
                                "python"),
                        Map.of()),
                Arguments.of(
                        "a module that is also an entry point says both types and its entry kinds",
                        node(
                                "architecture:module:cli.py",
                                List.of("module", "cli_entry"),
                                "name",
                                "cli.py",
                                "path",
                                "cli.py",
                                "language",
                                "python",
                                "entry_kinds",
                                List.of("main_guard")),
                        Map.of("type", List.of("module", "cli_entry"), "entry_kinds", List.of("main_guard"))),
                Arguments.of(
                        "a class: its path and line, kind only when not class, no build module (the path names it)",
                        node(
                                "architecture:class:a.B",
                                List.of("class"),
                                "name",
                                "B",
                                "kind",
                                "class",
                                "path",
                                "src/a/B.java",
                                "line_start",
                                7,
                                "build_module",
                                "core"),
                        Map.of("path", "src/a/B.java", "line_start", 7)),
                Arguments.of(
                        "an interface says its kind",
                        node(
                                "architecture:class:a.I",
                                List.of("class"),
                                "name",
                                "I",
                                "kind",
                                "interface",
                                "path",
                                "src/a/I.java",
                                "line_start",
                                3),
                        Map.of("kind", "interface", "path", "src/a/I.java", "line_start", 3)),
                Arguments.of(
                        "a function: name and signature are in the id",
                        node(
                                "architecture:function:a.B#run(String,int)",
                                List.of("function"),
                                "name",
                                "run",
                                "signature",
                                "run(String,int)",
                                "path",
                                "src/a/B.java",
                                "line_start",
                                12),
                        Map.of("path", "src/a/B.java", "line_start", 12)),
                Arguments.of(
                        "a Python function whose id is dotted",
                        node(
                                "architecture:function:pkg.mod.helper(x)",
                                List.of("function"),
                                "name",
                                "helper",
                                "signature",
                                "helper(x)",
                                "path",
                                "pkg/mod.py",
                                "line_start",
                                4),
                        Map.of("path", "pkg/mod.py", "line_start", 4)),
                Arguments.of(
                        "a TypeScript function: its path is in the id, its typed signature is not",
                        node(
                                "architecture:function:src/a.ts#share(x)",
                                List.of("function"),
                                "name",
                                "share",
                                "signature",
                                "function share(x: number): number",
                                "path",
                                "src/a.ts",
                                "line_start",
                                1),
                        Map.of("signature", "function share(x: number): number", "line_start", 1)),
                Arguments.of(
                        "a work unit: title, status, tier; name repeats the title",
                        node(
                                "workflow:work_unit:WU-7",
                                List.of("work_unit"),
                                "name",
                                "Cache login tokens",
                                "title",
                                "Cache login tokens",
                                "status",
                                "open",
                                "tier",
                                "task"),
                        Map.of("title", "Cache login tokens", "status", "open", "tier", "task")),
                Arguments.of(
                        "a bug whose name differs from its title keeps both",
                        node(
                                "issues:bug:BUG-1",
                                List.of("bug"),
                                "name",
                                "login-crash",
                                "title",
                                "Login crashes",
                                "status",
                                "open"),
                        Map.of("name", "login-crash", "title", "Login crashes", "status", "open")),
                Arguments.of(
                        "a file that did not parse says so",
                        node(
                                "architecture:module:src/x.ts",
                                List.of("module"),
                                "name",
                                "src/x.ts",
                                "path",
                                "src/x.ts",
                                "language",
                                "typescript",
                                "parse_ok",
                                false),
                        Map.of("parse_ok", false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nodes")
    void aRowSaysOnlyWhatTheIdDoesNot(String what, Map<String, Object> node, Map<String, Object> expected) {
        Map<String, Object> row = CompactRow.of(node, null);
        Map<String, Object> rest = new LinkedHashMap<>(row);
        assertThat(rest.remove("id")).isEqualTo(node.get("id"));
        assertThat(rest).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nodes")
    void whatIsLeftOutComesBackByName(String what, Map<String, Object> node, Map<String, Object> expected) {
        List<String> asked = node.keySet().stream()
                .filter(k ->
                        !List.of("id", "types", "type", "schema", "key", "repo").contains(k))
                .toList();
        Map<String, Object> row = CompactRow.of(node, asked);
        for (String k : asked) {
            assertThat(row).containsEntry(k, node.get(k));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nodes")
    void findLeavesOutTheTypeItWasAskedFor(String what, Map<String, Object> node, Map<String, Object> expected) {
        assertThat(CompactRow.of(node, null, true)).doesNotContainKey("type");
    }

    private static Map<String, Object> node(String id, List<String> types, Object... kv) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("id", id);
        n.put("types", types);
        n.put("type", types.get(0));
        n.put("schema", id.substring(0, id.indexOf(':')));
        for (int i = 0; i < kv.length; i += 2) {
            n.put((String) kv[i], kv[i + 1]);
        }
        return n;
    }
}
