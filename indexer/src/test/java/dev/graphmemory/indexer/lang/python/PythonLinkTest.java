package dev.graphmemory.indexer.lang.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.indexer.lang.PluginRun;
import dev.graphmemory.indexer.model.EdgeRow;
import dev.graphmemory.indexer.model.NodeRow;
import dev.graphmemory.indexer.model.NodeUpdate;
import dev.graphmemory.queries.schema.NodeType;
import dev.graphmemory.queries.schema.RelType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PythonLinkTest {
    private static PluginRun run;

    @BeforeAll
    static void index() {
        run = PluginRun.of(new PythonLanguagePlugin(), "python-app");
    }

    @Test
    void resolvesAbsoluteRelativeAndPackageImports() {
        assertThat(run.edges(RelType.IMPORTS))
                .contains(
                        "app/core.py -> app/base.py",
                        "app/core.py -> app/util.py",
                        "app/__init__.py -> app/core.py",
                        "app/cli.py -> app/core.py",
                        "app/__main__.py -> app/cli.py",
                        "tests/test_core.py -> app/core.py");
    }

    @Test
    void resolvesFromImportsOfSubmodulesToTheSubmodule() {
        assertThat(run.edges(RelType.IMPORTS))
                .contains("app/cli.py -> app/sub/mod.py", "tests/test_core.py -> app/util.py");
        assertThat(run.edges(RelType.IMPORTS)).doesNotContain("app/cli.py -> app/sub/__init__.py");
    }

    @Test
    void marksTypeCheckingAndTryImports() {
        assertThat(edge(RelType.IMPORTS, "app/core.py", "app/typing_only.py").properties())
                .containsEntry("type_checking", true);
        assertThat(edge(RelType.IMPORTS, "app/core.py", "app/base.py").properties())
                .isEmpty();
        assertThat(edge(RelType.IMPORTS, "app/compat.py", "external:python/ujson")
                        .properties())
                .containsEntry("in_try", true);
    }

    @Test
    void recordsThirdPartyAndStandardPackagesAsExternalNodesOnce() {
        assertThat(run.linkNodes)
                .extracting(NodeRow::key)
                .doesNotHaveDuplicates()
                .contains("external:python/requests", "external:python/subprocess", "external:python/pytest");
        NodeRow requests = run.linkNodes.stream()
                .filter(n -> n.key().equals("external:python/requests"))
                .findFirst()
                .orElseThrow();
        assertThat(requests.type()).isEqualTo(NodeType.MODULE);
        assertThat(requests.properties())
                .containsEntry("external", true)
                .containsEntry("name", "requests")
                .containsEntry("standard_library", false)
                .doesNotContainKey("path");
        assertThat(run.linkNodes.stream()
                        .filter(n -> n.key().equals("external:python/os"))
                        .findFirst()
                        .orElseThrow()
                        .properties())
                .containsEntry("standard_library", true);
        assertThat(run.edges(RelType.IMPORTS)).contains("app/core.py -> external:python/requests");
        assertThat(run.edges(RelType.IMPORTS)).noneMatch(e -> e.endsWith("-> app/fastpath.py"));
    }

    @Test
    void linksTestModulesToTheModulesTheyImport() {
        assertThat(run.edges(RelType.TESTS))
                .containsExactlyInAnyOrder("tests/test_core.py -> app/core.py", "tests/test_core.py -> app/util.py");
    }

    @Test
    void resolvesCallsWithinTheRepository() {
        assertThat(run.edges(RelType.CALLS))
                .contains(
                        "app.core.Engine#go(self,settings) -> app.util#helper(x)",
                        "app.core.Engine#go(self,settings) -> app.core#load()",
                        "app.core#load() -> app.util#helper(x)",
                        "app.cli#main(argv) -> app.core#load()",
                        "tools.inv09_local_launcher#ask(prompt) -> tools.inv09_local_launcher#_run(script,*args)",
                        "tools.inv14_shared_launcher#ask(prompt) -> tools.runner_util#run_script(script,*args)");
        assertThat(run.edges(RelType.CALLS)).noneMatch(e -> e.contains("requests"));
    }

    @Test
    void resolvesBaseClasses() {
        assertThat(run.edges(RelType.EXTENDS)).containsExactly("app.core.Engine -> app.base.Base");
    }

    @Test
    void readsConsoleScriptsFromPyproject() {
        assertThat(run.updates)
                .filteredOn(u -> u.addType() == NodeType.CLI_ENTRY)
                .extracting(NodeUpdate::id, NodeUpdate::properties)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                "architecture:module:app/cli.py",
                                Map.of("entry_kinds", List.of("console_script"), "console_scripts", List.of("app"))),
                        org.assertj.core.groups.Tuple.tuple(
                                "architecture:module:app/admin.py",
                                Map.of(
                                        "entry_kinds",
                                        List.of("console_script"),
                                        "console_scripts",
                                        List.of("app-admin"))));
    }

    @Test
    void setsTheImportableNameWhereItDiffersFromThePath() {
        assertThat(run.updates)
                .filteredOn(u -> u.id().equals("architecture:module:tests/test_core.py"))
                .singleElement()
                .satisfies(u -> assertThat(u.properties()).containsEntry("package", "test_core"));
    }

    private static EdgeRow edge(RelType type, String from, String to) {
        return run.edges.stream()
                .filter(e -> e.type() == type
                        && e.fromId().endsWith(":" + from)
                        && e.toId().endsWith(":" + to))
                .findFirst()
                .orElseThrow(() -> new AssertionError(from + " -> " + to + " not found in " + run.edges(type)));
    }
}
