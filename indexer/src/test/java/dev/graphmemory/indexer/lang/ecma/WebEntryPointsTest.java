package dev.graphmemory.indexer.lang.ecma;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.indexer.lang.PluginRun;
import dev.graphmemory.indexer.model.NodeUpdate;
import dev.graphmemory.queries.schema.NodeType;
import dev.graphmemory.queries.schema.RelType;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Entry points web apps declare outside any import: scripts HTML pages load, Vite build inputs and
 * the file-system routes of Next.js, SvelteKit, Nuxt, Remix / React Router and Astro, each only in
 * a package that depends on its framework (fixture {@code web-entries}: one folder per app).
 */
class WebEntryPointsTest {
    private static Map<String, Object> kinds;
    private static PluginRun run;

    @BeforeAll
    static void index() {
        run = PluginRun.of(new EcmaScriptLanguagePlugin(), "web-entries");
        kinds = new TreeMap<>();
        for (NodeUpdate u : run.updates) {
            if (u.addType() == NodeType.CLI_ENTRY) {
                kinds.put(
                        u.id().substring("architecture:module:".length()),
                        u.properties().get("entry_kinds"));
            }
        }
    }

    static Stream<Arguments> entries() {
        return Stream.of(
                Arguments.of("vite-app/src/main.tsx", List.of("html_script")),
                Arguments.of("vite-app/nested/boot.ts", List.of("html_script")),
                Arguments.of("vite-app/src/lazy.ts", List.of("html_script")),
                Arguments.of("vite-app/nested/legacy.js", List.of("html_script")),
                Arguments.of("vite-app/src/embed.ts", List.of("html_script")),
                Arguments.of("vite-lib/src/lib.ts", List.of("build_input")),
                Arguments.of("vite-lib/src/admin.ts", List.of("build_input")),
                Arguments.of("next-app/src/app/layout.tsx", List.of("nextjs_route")),
                Arguments.of("next-app/src/app/page.tsx", List.of("nextjs_route")),
                Arguments.of("next-app/src/app/blog/[slug]/page.tsx", List.of("nextjs_route")),
                Arguments.of("next-app/src/app/api/users/route.ts", List.of("nextjs_route")),
                Arguments.of("next-app/src/app/not-found.tsx", List.of("nextjs_route")),
                Arguments.of("next-app/pages/api/legacy.ts", List.of("nextjs_route")),
                Arguments.of("next-app/src/middleware.ts", List.of("nextjs_route")),
                Arguments.of("next-app/instrumentation.ts", List.of("nextjs_route")),
                Arguments.of("kit-app/src/routes/+page.ts", List.of("sveltekit_route")),
                Arguments.of("kit-app/src/routes/api/+server.ts", List.of("sveltekit_route")),
                Arguments.of("kit-app/src/hooks.server.ts", List.of("sveltekit_route")),
                Arguments.of("nuxt-app/app/composables/useCounter.ts", List.of("nuxt_convention")),
                Arguments.of("nuxt-app/server/api/hello.ts", List.of("nuxt_convention")),
                Arguments.of("nuxt-app/plugins/analytics.client.ts", List.of("nuxt_convention")),
                Arguments.of("remix-app/app/root.tsx", List.of("remix_route")),
                Arguments.of("remix-app/app/routes/_index.tsx", List.of("remix_route")),
                Arguments.of("remix-app/app/routes.ts", List.of("remix_route")),
                Arguments.of("astro-site/src/pages/rss.xml.ts", List.of("astro_page")),
                Arguments.of("astro-site/src/middleware.ts", List.of("astro_page")),
                Arguments.of("astro-site/src/pages/index.astro", List.of("astro_page")),
                Arguments.of("kit-app/src/routes/+page.svelte", List.of("sveltekit_route")),
                Arguments.of("vue-app/src/main.ts", List.of("html_script")),
                Arguments.of("docs-site/.vitepress/config.ts", List.of("vitepress_theme")),
                Arguments.of("docs-site/.vitepress/theme/index.ts", List.of("vitepress_theme")));
    }

    @ParameterizedTest(name = "{0} is an entry point: {1}")
    @MethodSource("entries")
    void marksTheEntryPointsAFrameworkDefines(String file, List<String> expected) {
        assertThat(kinds).containsEntry(file, expected);
    }

    @Test
    void marksNothingElse() {
        assertThat(kinds.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        entries().map(a -> (String) a.get()[0]).toList());
        // not entry points: a page in build output (dist/), helpers beside routes, routes folders
        // in a package without the framework, a remote script
        for (String notEntry : List.of(
                "vite-app/src/unused.ts",
                "vite-app/src/App.tsx",
                "next-app/src/app/blog/helpers.ts",
                "kit-app/src/lib/util.ts",
                "nuxt-app/lib/helper.ts",
                "remix-app/app/models/user.ts",
                "astro-site/src/utils/date.ts",
                "plain/pages/home.ts",
                "plain/src/routes/+page.ts",
                "plain/app/root.tsx")) {
            assertThat(kinds).as(notEntry).doesNotContainKey(notEntry);
        }
    }

    @Test
    void readsTheScriptsOfSingleFileComponents() {
        assertThat(run.edges(RelType.IMPORTS))
                .contains(
                        "vue-app/src/main.ts -> vue-app/src/App.vue",
                        "vue-app/src/App.vue -> vue-app/src/components/Hello.vue",
                        "vue-app/src/components/Hello.vue -> vue-app/src/util/format.ts",
                        "astro-site/src/pages/index.astro -> astro-site/src/utils/date.ts",
                        "astro-site/src/pages/index.astro -> astro-site/src/scripts/menu.ts",
                        "kit-app/src/routes/+page.svelte -> kit-app/src/lib/util.ts");
        // workers and URLs of modules, and a script loading its package's build output
        assertThat(run.edges(RelType.IMPORTS))
                .contains(
                        "vite-app/src/spawn.ts -> vite-app/src/workers/sum.ts",
                        "vite-app/src/spawn.ts -> vite-app/src/workers/legacy.js",
                        "vite-app/bin/run.js -> vite-app/src/node/cli.ts");
        assertThat(run.module("vue-app/src/components/Hello.vue").properties())
                .containsEntry("language", "vue")
                .containsEntry("parse_ok", true);
        assertThat(run.files.get("astro-site/src/pages/index.astro").parseOk()).isTrue();
        EcmaComponents.Code code =
                EcmaComponents.code("a.vue", "<template>x</template>\n<script lang=\"tsx\">let a = 1</script>");
        assertThat(code.jsx()).isTrue();
        assertThat(code.text()).hasSize(60).contains("let a = 1").doesNotContain("template");
    }

    @Test
    void parsesTodaysSyntaxThatTheGrammarsRefuse() {
        EcmaScriptLanguagePlugin plugin = new EcmaScriptLanguagePlugin();
        java.util.Map<String, String> files = java.util.Map.of(
                "src/index.ts",
                "export type * as HttpProxy from 'http-proxy-3'\nexport type * from './types'\nexport const x = 1\n",
                "src/app.jsx",
                "export function App() {\n  return (\n    <>\n      <div class=\"hero\">\n        <img src={a} class='base' />\n"
                        + "      </div>\n    </>\n  )\n}\n",
                "src/generics.vue",
                "<script setup lang=\"ts\" generic=\"TItem extends Item<TValue>, TValue\">\nimport { a } from './a'\n"
                        + "defineProps<{ items: TItem[] }>()\n</script>\n<template><p /></template>\n",
                // generic call signatures one after another, no `;` between them (Vite's importGlob.d.ts)
                "types/glob.d.ts",
                "import type { Opts } from './opts'\nexport interface Glob {\n  /** eager */\n  <\n    Eager extends boolean,\n"
                        + "    T = unknown,\n  >(glob: string): (Eager extends true ? true : false) extends true\n"
                        + "    ? Record<string, T>\n    : Record<string, () => Promise<T>>\n  /** lazy */\n"
                        + "  <M>(glob: string, o?: Opts): Record<string, () => Promise<M>>\n  <M>(glob: string): M\n}\n"
                        + "export declare function after(): void\n",
                // import types in the type arguments of a call with no arguments or a trailing comma
                "src/runner.spec.ts",
                "import { run } from './runner'\nconst a = run<typeof import('./fixtures/basic')>(\n  'x',\n)\n"
                        + "const b = run<import('./fixtures/other')>()\nexport async function load() {\n"
                        + "  return (await import('./lazy')).default\n}\n");
        files.forEach((path, text) -> {
            dev.graphmemory.indexer.model.FileResult r = plugin.parse(path, text, "h");
            assertThat(r.parseOk()).as(path + ": " + r.problem()).isTrue();
        });
        EcmaFacts index = (EcmaFacts)
                plugin.parse("src/index.ts", files.get("src/index.ts"), "h").facts();
        assertThat(index.imports())
                .extracting(EcmaFacts.Import::specifier, EcmaFacts.Import::typeOnly)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("http-proxy-3", true),
                        org.assertj.core.groups.Tuple.tuple("./types", true));
        dev.graphmemory.indexer.model.FileResult runner =
                plugin.parse("src/runner.spec.ts", files.get("src/runner.spec.ts"), "h");
        assertThat(((EcmaFacts) runner.facts()).imports())
                .extracting(EcmaFacts.Import::specifier)
                .containsExactlyInAnyOrder("./runner", "./lazy");
        // same lines as the file: the rewrite keeps every offset
        assertThat(runner.nodes())
                .filteredOn(n -> n.types().contains(dev.graphmemory.queries.schema.NodeType.FUNCTION))
                .extracting(n -> n.properties().get("name") + "@"
                        + n.properties().get(dev.graphmemory.queries.schema.Keys.LINE_START))
                .containsExactly("load@6");
        assertThat(plugin.parse("types/glob.d.ts", files.get("types/glob.d.ts"), "h")
                        .nodes())
                .extracting(n -> n.properties().get("name") + "@"
                        + n.properties().get(dev.graphmemory.queries.schema.Keys.LINE_START))
                .contains("Glob@2");
        // Left as written where the grammar reads it: a generic arrow function on its own line.
        String arrow = "export const id =\n  <T,>(x: T): T => x\nconst t = typeof import.meta\n";
        assertThat(EcmaShims.afterErrors(arrow)).isNotEqualTo(arrow); // the rewrite alone would apply...
        assertThat(plugin.parse("src/id.ts", arrow, "h").parseOk()).isTrue(); // ...but a clean parse keeps the text
        assertThat(((EcmaFacts) plugin.parse("src/id.ts", arrow, "h").facts()).functions())
                .extracting(EcmaFacts.FunctionFact::name)
                .containsExactly("id");
        assertThat(plugin.parse("src/app.jsx", files.get("src/app.jsx"), "h").facts())
                .extracting(f -> ((EcmaFacts) f).functions().get(0).name())
                .isEqualTo("App");
    }

    @Test
    void resolvesThePackageImportsField() {
        assertThat(run.edges(RelType.IMPORTS))
                .contains(
                        "vite-lib/src/lib.ts -> vite-lib/types/shape.d.ts",
                        "vite-lib/src/lib.ts -> vite-lib/src/util-node.ts");
    }

    @Test
    void readsViteInputsFromTheConfigText() {
        assertThat(EcmaBuildConfig.inputs("""
                export default defineConfig({
                  build: {
                    lib: { entry: ['src/a.ts', "src/b.ts"], formats: ['es'] },
                    rollupOptions: { input: { x: fileURLToPath(new URL('./x.html', import.meta.url)) } },
                  },
                  resolve: { alias: { '@': '/src' } },
                })
                """)).containsExactly("src/a.ts", "src/b.ts", "./x.html");
        assertThat(EcmaBuildConfig.inputs("export default { build: { lib: { entry: `${dir}/a.ts` } } }"))
                .isEmpty();
    }

    @Test
    void readsTheScriptsOfAPage() {
        assertThat(EcmaHtml.scripts("""
                <script type="module" src="/src/main.ts?v=1"></script>
                <script src=app.js defer></script>
                <script>window.x = 1</script>
                <script src="//cdn.example.com/a.js"></script>
                <script src="%BASE_URL%x.js"></script>
                <script type="module">import "./a.ts"; export * from './b'</script>
                """)).containsExactly("/src/main.ts", "app.js", "./a.ts", "./b");
        assertThat(EcmaHtml.candidates("apps/web/public/index.html", "/src/main.ts"))
                .containsExactly(
                        "apps/web/public/src/main.ts", "apps/web/src/main.ts", "apps/src/main.ts", "src/main.ts");
    }
}
