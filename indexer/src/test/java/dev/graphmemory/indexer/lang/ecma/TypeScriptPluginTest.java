package dev.graphmemory.indexer.lang.ecma;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.indexer.lang.PluginRun;
import dev.graphmemory.indexer.model.NodeRow;
import dev.graphmemory.indexer.model.NodeUpdate;
import dev.graphmemory.queries.schema.NodeType;
import dev.graphmemory.queries.schema.RelType;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TypeScriptPluginTest {
    private static PluginRun run;

    @BeforeAll
    static void index() {
        run = PluginRun.of(new EcmaScriptLanguagePlugin(), "ts-app");
    }

    @Test
    void acceptsTypeScriptAndJavaScriptFiles() {
        EcmaScriptLanguagePlugin plugin = new EcmaScriptLanguagePlugin();
        for (String p : List.of("a.ts", "a.tsx", "a.mts", "a.cts", "a.js", "a.jsx", "a.mjs", "a.cjs")) {
            assertThat(plugin.accepts(p)).as(p).isTrue();
        }
        assertThat(plugin.accepts("a.json")).isFalse();
        assertThat(plugin.accepts("node_modules/x/a.js")).isFalse();
        assertThat(plugin.wantsResource("tsconfig.json")).isTrue();
        assertThat(plugin.wantsResource("packages/shared/package.json")).isTrue();
    }

    @Test
    void describesModulesClassesAndFunctions() {
        assertThat(run.module("src/engine.ts").properties())
                .containsEntry("language", "typescript")
                .containsEntry("package", "")
                .containsEntry("parse_ok", true);
        assertThat(run.module("scripts/worker.js").properties()).containsEntry("language", "javascript");
        assertThat(run.edges(RelType.DECLARES))
                .contains(
                        "src/engine.ts -> src/engine.ts#Engine",
                        "src/engine.ts#Engine -> src/engine.ts#Engine.run(input,times)",
                        "src/engine.ts -> src/engine.ts#makeEngine(name)",
                        "src/lib/util.ts -> src/lib/util.ts#helper(s)",
                        "src/lib/base.ts -> src/lib/base.ts#Runnable",
                        "src/components/Button.tsx -> src/components/Button.tsx#Button({label})");
        NodeRow run1 = run.node("architecture:function:src/engine.ts#Engine.run(input,times)")
                .orElseThrow();
        assertThat(run1.properties())
                .containsEntry("signature", "run(input: string, times: number = 1): string")
                .containsEntry("kind", "method")
                .containsEntry("line_start", 16);
        assertThat(run1.properties().get("calls"))
                .isEqualTo(List.of(
                        "this.prepare",
                        "help",
                        "util.twice",
                        "import",
                        "twice().toString",
                        "twice",
                        "share",
                        "share2",
                        "_.identity",
                        "fs.existsSync"));
        assertThat(run.node("architecture:function:src/engine.ts#makeEngine(name)")
                        .orElseThrow()
                        .properties()
                        .get("calls"))
                .isEqualTo(List.of("new Concrete"));
        assertThat(run.node("architecture:class:src/lib/base.ts#Runnable")
                        .orElseThrow()
                        .properties())
                .containsEntry("kind", "interface");
    }

    @Test
    void resolvesRelativeIndexTsconfigWorkspaceRequireAndDynamicImports() {
        assertThat(run.edges(RelType.IMPORTS))
                .contains(
                        "src/engine.ts -> src/lib/util.ts",
                        "src/engine.ts -> src/settings.ts",
                        "src/engine.ts -> src/lib/base.ts",
                        "src/engine.ts -> packages/shared/src/index.ts",
                        "src/engine.ts -> src/lazy.ts",
                        "src/index.ts -> src/engine.ts",
                        "src/index.ts -> src/lib/util.ts",
                        "src/cli.ts -> src/index.ts",
                        "scripts/worker.js -> legacy/old.cjs",
                        "src/components/Button.tsx -> src/lib/util.ts",
                        "tests/engine.test.ts -> src/engine.ts");
    }

    @Test
    void resolvesNamespaceReexportsAndModuleAugmentations() {
        assertThat(run.edges(RelType.IMPORTS))
                .contains(
                        "src/barrel.ts -> src/lib/util.ts",
                        "src/barrel.ts -> src/lib/base.ts",
                        "src/barrel.ts -> src/settings.ts");
    }

    @Test
    void flagsTypeOnlyAndDynamicImports() {
        assertThat(run.edges)
                .filteredOn(e -> e.type() == RelType.IMPORTS
                        && e.fromId().endsWith("src/engine.ts")
                        && e.toId().endsWith("src/settings.ts"))
                .singleElement()
                .satisfies(e -> assertThat(e.properties()).containsEntry("type_only", true));
        assertThat(run.edges)
                .filteredOn(e -> e.type() == RelType.IMPORTS
                        && e.fromId().endsWith("src/engine.ts")
                        && e.toId().endsWith("src/lazy.ts"))
                .singleElement()
                .satisfies(e -> assertThat(e.properties()).containsEntry("dynamic", true));
    }

    @Test
    void recordsPackagesAndBuiltinsAsExternal() {
        assertThat(run.linkNodes)
                .extracting(NodeRow::key)
                .doesNotHaveDuplicates()
                .contains(
                        "external:npm/lodash",
                        "external:npm/@scope/pkg",
                        "external:npm/express",
                        "external:node/fs",
                        "external:node/child_process",
                        "external:node/path");
        assertThat(run.edges(RelType.IMPORTS))
                .contains("src/engine.ts -> external:node/fs", "src/engine.ts -> external:npm/@scope/pkg");
        assertThat(run.edges(RelType.IMPORTS)).noneMatch(e -> e.contains("-> external:npm/@acme"));
    }

    @Test
    void resolvesCallsBaseClassesAndInterfaces() {
        assertThat(run.edges(RelType.CALLS))
                .contains(
                        "src/engine.ts#Engine.run(input,times) -> src/engine.ts#Engine.prepare()",
                        "src/engine.ts#Engine.run(input,times) -> src/lib/util.ts#helper(s)",
                        "src/engine.ts#Engine.run(input,times) -> src/lib/util.ts#twice(n)",
                        "src/engine.ts#Engine.run(input,times) -> packages/shared/src/index.ts#share(x)",
                        "src/lib/util.ts#twice(n) -> src/lib/util.ts#helper(s)");
        assertThat(run.edges(RelType.EXTENDS))
                .containsExactlyInAnyOrder(
                        "src/engine.ts#Engine -> src/lib/base.ts#Base",
                        "src/engine.ts#Concrete -> src/engine.ts#Engine");
        assertThat(run.edges(RelType.IMPLEMENTS)).containsExactly("src/engine.ts#Engine -> src/lib/base.ts#Runnable");
    }

    @Test
    void findsProgramsRunThroughChildProcess() {
        assertThat(run.edges(RelType.INVOKES))
                .contains(
                        "src/engine.ts -> scripts/worker.js",
                        "src/engine.ts#Engine.prepare() -> scripts/worker.js",
                        "scripts/launch.mjs -> scripts/worker.js",
                        "scripts/launch.mjs -> src/cli.ts");
    }

    @Test
    void readsEntryPointsAndTests() {
        assertThat(run.updates)
                .filteredOn(u -> u.addType() == NodeType.CLI_ENTRY)
                .extracting(NodeUpdate::id, u -> u.properties().get("entry_kinds"))
                .contains(
                        org.assertj.core.groups.Tuple.tuple("architecture:module:src/cli.ts", List.of("package_bin")),
                        org.assertj.core.groups.Tuple.tuple(
                                "architecture:module:src/index.ts", List.of("package_exports", "package_main")),
                        org.assertj.core.groups.Tuple.tuple(
                                "architecture:module:src/server.ts", List.of("package_exports")));
        assertThat(run.module("src/cli.ts").properties().get("entry_kinds")).isEqualTo(List.of("shebang"));
        assertThat(run.module("tests/engine.test.ts").properties()).containsEntry("is_test", true);
        assertThat(run.edges(RelType.TESTS))
                .containsExactlyInAnyOrder(
                        "tests/engine.test.ts -> src/engine.ts", "tests/engine.test.ts -> src/lib/util.ts");
    }

    @Test
    void indexesABrokenFileAsFarAsTheTreeGoes() {
        assertThat(run.files.get("src/broken.ts").parseOk()).isFalse();
        assertThat(run.module("src/broken.ts").properties().get("parse_error").toString())
                .startsWith("line 2");
        assertThat(run.node("architecture:function:src/broken.ts#ok()")).isPresent();
    }
}
