package dev.graphmemory.indexer.lang.ecma;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.indexer.lang.PluginRun;
import dev.graphmemory.indexer.model.FileResult;
import dev.graphmemory.indexer.model.NodeRow;
import dev.graphmemory.queries.schema.RelType;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JavaScriptPluginTest {
    private static PluginRun run;

    @BeforeAll
    static void index() {
        run = PluginRun.of(new EcmaScriptLanguagePlugin(), "ts-app");
    }

    @Test
    void readsCommonJsModules() {
        assertThat(run.module("legacy/old.cjs").properties()).containsEntry("language", "javascript");
        assertThat(run.node("architecture:class:legacy/old.cjs#Old")).isPresent();
        assertThat(run.node("architecture:function:legacy/old.cjs#Old.go()")).isPresent();
        assertThat(run.edges(RelType.IMPORTS)).contains("legacy/old.cjs -> external:node/fs");
    }

    @Test
    void bindsDestructuredRequiresForCallsAndInvocations() {
        assertThat(run.node("architecture:function:scripts/launch.mjs#launch()")
                        .orElseThrow()
                        .properties()
                        .get("calls"))
                .isEqualTo(List.of("execFile"));
        assertThat(run.edges(RelType.INVOKES)).contains("scripts/launch.mjs#launch() -> scripts/worker.js");
    }

    @Test
    void parsesJsxWithTheJavaScriptGrammar() {
        FileResult r = new EcmaScriptLanguagePlugin()
                .parse("src/App.jsx", "import React from 'react';\nexport const App = () => <div>{go()}</div>;\n", "h");
        assertThat(r.parseOk()).isTrue();
        assertThat(r.nodes()).extracting(NodeRow::key).contains("src/App.jsx#App()");
    }

    @Test
    void givesRedefinitionsDistinctKeys() {
        FileResult r = new EcmaScriptLanguagePlugin().parse("a.js", "function f(x) {}\nfunction f(x) {}\n", "h");
        assertThat(r.nodes()).extracting(NodeRow::key).containsExactly("a.js", "a.js#f(x)", "a.js#f(x)~2");
    }
}
