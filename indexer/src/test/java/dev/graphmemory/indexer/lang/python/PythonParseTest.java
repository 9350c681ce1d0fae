package dev.graphmemory.indexer.lang.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.indexer.lang.PluginRun;
import dev.graphmemory.indexer.model.FileResult;
import dev.graphmemory.indexer.model.NodeRow;
import dev.graphmemory.queries.schema.NodeType;
import dev.graphmemory.queries.schema.RelType;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PythonParseTest {
    private static PluginRun run;

    @BeforeAll
    static void index() {
        run = PluginRun.of(new PythonLanguagePlugin(), "python-app");
    }

    @Test
    void acceptsSourcesAndStubsOnly() {
        PythonLanguagePlugin plugin = new PythonLanguagePlugin();
        assertThat(plugin.accepts("a/b.py")).isTrue();
        assertThat(plugin.accepts("a/b.pyi")).isTrue();
        assertThat(plugin.accepts("a/b.pyc")).isFalse();
        assertThat(plugin.wantsResource("pyproject.toml")).isTrue();
        assertThat(plugin.wantsResource("sub/setup.cfg")).isTrue();
    }

    @Test
    void describesTheModule() {
        NodeRow core = run.module("app/core.py");
        assertThat(core.id()).isEqualTo("architecture:module:app/core.py");
        assertThat(core.properties())
                .containsEntry("name", "core.py")
                .containsEntry("path", "app/core.py")
                .containsEntry("language", "python")
                .containsEntry("package", "app.core")
                .containsEntry("hash", "hash-app/core.py")
                .containsEntry("is_test", false)
                .containsEntry("parse_ok", true)
                .containsEntry("lines", 35);
    }

    @Test
    void declaresClassesAndFunctionsWithSignaturesDecoratorsAndCalls() {
        assertThat(run.edges(RelType.DECLARES))
                .contains(
                        "app/core.py -> app.core.Engine",
                        "app.core.Engine -> app.core.Engine#build(name,*args,retries,**kwargs)",
                        "app.core.Engine -> app.core.Engine#go(self,settings)",
                        "app/core.py -> app.core#load()");
        NodeRow build = run.node("architecture:function:app.core.Engine#build(name,*args,retries,**kwargs)")
                .orElseThrow();
        assertThat(build.properties())
                .containsEntry("signature", "def build(name: str, *args, retries: int = 3, **kwargs) -> \"Engine\"")
                .containsEntry("decorators", List.of("staticmethod"))
                .containsEntry("qualified_name", "app.core.Engine.build")
                .containsEntry("kind", "method")
                .containsEntry("line_start", 20)
                .containsEntry("line_end", 21);
        NodeRow go = run.node("architecture:function:app.core.Engine#go(self,settings)")
                .orElseThrow();
        assertThat(go.properties().get("calls"))
                .isEqualTo(List.of("self.start", "helper", "util.helper", "requests.get", "subprocess.run", "load"));
        NodeRow engine = run.node("architecture:class:app.core.Engine").orElseThrow();
        assertThat(engine.properties())
                .containsEntry("qualified_name", "app.core.Engine")
                .containsEntry("kind", "class")
                .containsEntry("line_start", 16)
                .containsEntry("bases", List.of("Base"));
    }

    @Test
    void foldsNestedFunctionsIntoTheirEnclosingFunction() {
        NodeRow load = run.node("architecture:function:app.core#load()").orElseThrow();
        assertThat(load.properties().get("calls")).isEqualTo(List.of("helper", "inner"));
        assertThat(run.nodes()).noneMatch(n -> n.key().contains("inner"));
    }

    @Test
    void keysStubsApartFromTheirModules() {
        NodeRow stub = run.module("app/core.pyi");
        assertThat(stub.properties()).containsEntry("stub", true);
        assertThat(run.node("architecture:class:pyi:app.core.Engine")).isPresent();
        assertThat(run.node("architecture:function:pyi:app.core.Engine#go(self,settings)"))
                .isPresent();
        // linked to the module it declares
        assertThat(run.updates)
                .filteredOn(u -> u.id().equals("architecture:module:app/core.pyi"))
                .extracting(u -> u.properties().get("describes"))
                .containsExactly("app/core.py");
    }

    @Test
    void indexesABrokenFileAsFarAsTheTreeGoes() {
        FileResult broken = run.files.get("broken.py");
        assertThat(broken.parseOk()).isFalse();
        assertThat(broken.problem()).startsWith("line 6");
        assertThat(run.module("broken.py").properties())
                .containsEntry("parse_ok", false)
                .containsEntry("parse_error", broken.problem());
        assertThat(run.node("architecture:function:broken#ok()")).isPresent();
        assertThat(run.node("architecture:class:broken.After")).isPresent();
    }

    @Test
    void marksEntryPointsFoundInTheCode() {
        assertThat(run.module("app/cli.py").types()).containsExactly(NodeType.MODULE, NodeType.CLI_ENTRY);
        assertThat(run.module("app/cli.py").properties().get("entry_kinds"))
                .isEqualTo(List.of("main_guard", "heuristic_name"));
        assertThat(run.module("app/__main__.py").properties().get("entry_kinds"))
                .isEqualTo(List.of("dunder_main"));
        assertThat(run.module("modules/llm_caller_cli/llm_call.py").properties().get("entry_kinds"))
                .isEqualTo(List.of("main_guard"));
        assertThat(run.module("scripts/data_runner.py").properties().get("entry_kinds"))
                .isEqualTo(List.of("heuristic_name"));
        assertThat(run.module("app/core.py").types()).containsExactly(NodeType.MODULE);
    }

    @Test
    void recognisesTestModules() {
        assertThat(run.module("tests/test_core.py").properties()).containsEntry("is_test", true);
        assertThat(run.module("tests/conftest.py").properties()).containsEntry("is_test", true);
        assertThat(run.module("app/util.py").properties()).containsEntry("is_test", false);
        assertThat(PythonNames.test("pkg/engine_test.py")).isTrue();
        assertThat(PythonNames.test("pkg/contest.py")).isFalse();
    }

    @Test
    void giveRedefinitionsDistinctKeys() {
        String text = "import sys\nif sys.platform == 'win32':\n    def f(x): pass\nelse:\n    def f(x): pass\n";
        FileResult r = new PythonLanguagePlugin().parse("m.py", text, "h");
        assertThat(r.nodes()).extracting(NodeRow::key).containsExactly("m.py", "m#f(x)", "m#f(x)~2");
    }

    @Test
    void mapsOffsetsPastNonAsciiText() {
        String text = "s = 'é😀'\n\ndef after(a): return a\n";
        FileResult r = new PythonLanguagePlugin().parse("u.py", text, "h");
        assertThat(r.parseOk()).isTrue();
        assertThat(r.nodes()).extracting(NodeRow::key).contains("u#after(a)");
        assertThat(r.nodes().get(1).properties()).containsEntry("signature", "def after(a)");
    }
}
