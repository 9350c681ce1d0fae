package dev.graphmemory.indexer.lang.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.indexer.lang.PluginRun;
import dev.graphmemory.indexer.model.EdgeRow;
import dev.graphmemory.queries.schema.RelType;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PythonInvokesTest {
    private static final String CLI = "architecture:module:modules/llm_caller_cli/llm_call.py";
    private static PluginRun run;

    @BeforeAll
    static void index() {
        run = PluginRun.of(new PythonLanguagePlugin(), "python-app");
    }

    @Test
    void findsEveryModuleThatRunsTheCliScriptHoweverItBuildsThePath() {
        List<String> callers = run.edgesTo(RelType.INVOKES, CLI).stream()
                .map(EdgeRow::fromId)
                .filter(id -> id.startsWith("architecture:module:"))
                .map(id -> id.substring("architecture:module:".length()))
                .sorted()
                .toList();
        assertThat(callers)
                .containsExactly(
                        "tools/deep/er/inv04_four_parents.py",
                        "tools/deep/er/inv05_five_parents.py",
                        "tools/deep/inv06_fallback_loop.py",
                        "tools/inv01_slash_literal.py",
                        "tools/inv02_parents_index.py",
                        "tools/inv03_os_path.py",
                        "tools/inv07_next_generator.py",
                        "tools/inv08_dash_m.py",
                        "tools/inv09_local_launcher.py",
                        "tools/inv10_class_attribute.py",
                        "tools/inv11_shell_literal.py",
                        "tools/inv12_fstring_root.py",
                        "tools/inv13_env_default.py",
                        "tools/inv14_shared_launcher.py",
                        "tools/inv15_aliased_run.py",
                        "tools/inv16_conditional.py");
    }

    @Test
    void marksAPathThatMissesTheFileAsResolvedByItsTail() {
        assertThat(run.edgesTo(RelType.INVOKES, CLI))
                .filteredOn(e -> e.fromId().endsWith("inv05_five_parents.py"))
                .singleElement()
                .satisfies(e -> assertThat(e.properties()).containsEntry("resolution", "tail"));
        assertThat(run.edgesTo(RelType.INVOKES, CLI))
                .filteredOn(e -> e.fromId().endsWith("inv04_four_parents.py"))
                .singleElement()
                .satisfies(e -> assertThat(e.properties()).containsEntry("resolution", "exact"));
    }

    @Test
    void linksTheFunctionThatRunsTheScript() {
        assertThat(run.edges(RelType.INVOKES))
                .contains(
                        "tools.inv02_parents_index#ask(prompt) -> modules/llm_caller_cli/llm_call.py",
                        "tools.inv10_class_attribute.Client#ask(self,prompt) -> modules/llm_caller_cli/llm_call.py",
                        "tools.inv14_shared_launcher#ask(prompt) -> modules/llm_caller_cli/llm_call.py");
    }

    @Test
    void readingAFileIsNotRunningIt() {
        assertThat(run.edges(RelType.INVOKES)).noneMatch(e -> e.startsWith("tools/not_an_invoker.py"));
    }
}
