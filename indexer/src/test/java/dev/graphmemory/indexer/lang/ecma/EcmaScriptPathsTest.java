package dev.graphmemory.indexer.lang.ecma;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.indexer.lang.PluginRun;
import dev.graphmemory.indexer.model.EdgeRow;
import dev.graphmemory.queries.schema.RelType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scripts JavaScript and TypeScript run through paths built away from the call (issue 16, item 4):
 * local helpers returning {@code path.join(__dirname, ...)}, constants, promisified runners; and
 * modules named by {@code require.resolve} or a literal {@code import()} (item 3). Each row is the
 * module {@code scripts/run.js} (or {@code .ts}) in a small repository with the scripts
 * {@code scripts/cli.js}, {@code scripts/worker.js}, {@code tools/build.mjs} and
 * {@code src/plugins/x.js}.
 */
class EcmaScriptPathsTest {
    private static final String CJS =
            "const { spawn, spawnSync, execFile, execFileSync, exec, fork } = require('child_process');\n"
                    + "const path = require('path');\nconst fs = require('fs');\n\n";
    private static final String ESM = "import { spawn, execFile, fork } from 'node:child_process';\n"
            + "import path from 'node:path';\nimport { fileURLToPath } from 'node:url';\n"
            + "import { promisify } from 'node:util';\n\n";

    static Stream<Arguments> invocations() {
        return Stream.of(
                row("helper function returns path.join", "run.js", CJS + """
                        function cliPath() {
                          return path.join(__dirname, 'cli.js');
                        }
                        spawn(process.execPath, [cliPath(), '--help'], { stdio: 'inherit' });
                        """, "scripts/cli.js"),
                row("arrow helper joins the name it is given", "run.js", CJS + """
                        const script = (name) => path.resolve(__dirname, '..', 'tools', name);
                        execFileSync('node', [script('build.mjs')]);
                        """, "tools/build.mjs"),
                row("const assigned earlier", "run.js", CJS + """
                        const p = path.join(__dirname, 'worker.js');
                        function start() {
                          return spawn(process.execPath, [p]);
                        }
                        """, "scripts/worker.js"),
                row("fork through a helper's default parameter", "run.js", CJS + """
                        function worker(file = 'worker.js') {
                          return path.join(__dirname, file);
                        }
                        fork(worker());
                        """, "scripts/worker.js"),
                row("helper of a helper", "run.js", CJS + """
                        function root() {
                          return path.resolve(__dirname, '..');
                        }
                        function build() {
                          return path.join(root(), 'tools', 'build.mjs');
                        }
                        spawnSync('node', [build()]);
                        """, "tools/build.mjs"),
                row("exec with a literal command", "run.js", CJS + """
                        exec('node scripts/cli.js --version', (err, out) => console.log(out));
                        """, "scripts/cli.js"),
                row("execFile with a template literal", "run.js", CJS + """
                        execFile('node', [`${__dirname}/cli.js`, 'serve']);
                        """, "scripts/cli.js"),
                row("TypeScript helper with a return type", "run.ts", ESM + """
                        function cli(): string {
                          return path.join(__dirname, 'cli.js');
                        }
                        export function main(): void {
                          execFile(process.execPath, [cli()]);
                        }
                        """, "scripts/cli.js"),
                row("TypeScript arrow with a typed default", "run.ts", ESM + """
                        const script = (name: string = 'worker.js'): string => path.join(__dirname, name);
                        fork(script());
                        """, "scripts/worker.js"),
                row("ES module directory from import.meta.url", "run.js", ESM + """
                        const here = path.dirname(fileURLToPath(import.meta.url));
                        const cli = path.join(here, 'cli.js');
                        spawn('node', [cli]);
                        """, "scripts/cli.js"),
                row("promisified execFile", "run.js", ESM + """
                        const execFileAsync = promisify(execFile);
                        export async function run() {
                          await execFileAsync('node', [path.join(__dirname, 'worker.js')]);
                        }
                        """, "scripts/worker.js"),
                row("helper with two returns", "run.js", CJS + """
                        function target(dev) {
                          if (dev) {
                            return path.join(__dirname, 'worker.js');
                          }
                          return path.join(__dirname, 'cli.js');
                        }
                        spawn('node', [target(process.env.DEV)]);
                        """, "scripts/cli.js", "scripts/worker.js"),
                row("fallback with ??", "run.js", CJS + """
                        const bin = process.env.CLI ?? path.join(__dirname, 'cli.js');
                        spawn('node', [bin]);
                        """, "scripts/cli.js"),
                row("require.resolve handed to spawn", "run.js", CJS + """
                        spawn(process.execPath, [require.resolve('./worker.js')]);
                        """, "scripts/worker.js"),
                row("a helper that calls itself ends", "run.js", CJS + """
                        function find(n) {
                          return n > 0 ? find(n - 1) : path.join(__dirname, 'cli.js');
                        }
                        spawn('node', [find(3)]);
                        """, "scripts/cli.js"),
                row("helpers that call each other forever give nothing", "run.js", CJS + """
                        function a() { return b(); }
                        function b() { return a(); }
                        spawn('node', [a()]);
                        """),
                row("a name built at run time gives nothing", "run.js", CJS + """
                        const s = (n) => path.join(__dirname, n);
                        spawn('node', [s(process.argv[2])]);
                        """),
                row("a path outside the repository gives nothing", "run.js", CJS + """
                        const tool = () => '/usr/lib/node_modules/tool/cli.js';
                        spawn('node', [tool()]);
                        """),
                row("a path from the environment gives nothing", "run.js", CJS + """
                        spawn('node', [process.env.CLI_SCRIPT]);
                        """),
                row("a helper's path that is only read is no invocation", "run.js", CJS + """
                        const cliPath = () => path.join(__dirname, 'cli.js');
                        console.log(fs.readFileSync(cliPath(), 'utf8'));
                        """));
    }

    private static Arguments row(String name, String file, String body, String... targets) {
        return Arguments.of(name, file, body, List.of(targets));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invocations")
    @Timeout(10)
    void findsTheScriptsAModuleRuns(String name, String file, String body, List<String> expected) {
        PluginRun run = run(file, body);
        TreeSet<String> targets = new TreeSet<>();
        for (String edge : run.edges(RelType.INVOKES)) {
            targets.add(edge.substring(edge.indexOf(" -> ") + 4));
        }
        assertThat(targets).as(name).containsExactlyElementsOf(new TreeSet<>(expected));
    }

    static Stream<Arguments> byName() {
        return Stream.of(
                Arguments.of(
                        "require.resolve", "const w = require.resolve('./worker.js');\n", List.of("scripts/worker.js")),
                Arguments.of(
                        "require.resolve up and down",
                        "module.exports = { plugin: require.resolve('../src/plugins/x.js') };\n",
                        List.of("src/plugins/x.js")),
                Arguments.of(
                        "dynamic import()",
                        "export const load = () => import('./cli.js');\n",
                        List.of("scripts/cli.js")),
                Arguments.of(
                        "import() of a plain template",
                        "const m = await import(`./cli.js`);\n",
                        List.of("scripts/cli.js")),
                Arguments.of(
                        "new Worker(require.resolve())",
                        "const { Worker } = require('worker_threads');\nnew Worker(require.resolve('./worker.js'));\n",
                        List.of("scripts/worker.js")),
                Arguments.of("import() of a built name", "const m = await import(`./${name}.js`);\n", List.of()),
                Arguments.of(
                        "require.resolve of a built name", "const w = require.resolve(`./${kind}.js`);\n", List.of()),
                Arguments.of(
                        "other resolve calls",
                        "Promise.resolve('./cli.js');\nresolver.resolve('./worker.js');\n",
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("byName")
    void importsTheModulesNamedByString(String name, String body, List<String> expected) {
        PluginRun run = run("run.js", body);
        List<EdgeRow> imports = run.edges.stream()
                .filter(e -> e.type() == RelType.IMPORTS
                        && e.toId().startsWith("architecture:module:")
                        && !e.toId().contains("external:"))
                .toList();
        assertThat(imports).as(name).allSatisfy(e -> assertThat(e.properties()).containsEntry("dynamic", true));
        assertThat(imports.stream().map(e -> e.toId().substring("architecture:module:".length())))
                .as(name)
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    private static PluginRun run(String file, String body) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("scripts/" + file, body);
        files.put("scripts/cli.js", "console.log('cli');\n");
        files.put("scripts/worker.js", "console.log('worker');\n");
        files.put("tools/build.mjs", "console.log('build');\n");
        files.put("src/plugins/x.js", "module.exports = {};\n");
        return PluginRun.ofSources(new EcmaScriptLanguagePlugin(), files);
    }
}
