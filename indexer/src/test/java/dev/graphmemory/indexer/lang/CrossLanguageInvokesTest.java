package dev.graphmemory.indexer.lang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.indexer.lang.ecma.EcmaScriptLanguagePlugin;
import dev.graphmemory.indexer.lang.python.PythonLanguagePlugin;
import dev.graphmemory.indexer.model.LanguagePlugin;
import dev.graphmemory.queries.schema.RelType;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scripts of another language that Python and JavaScript/TypeScript code runs (issue 16, item 4):
 * a Python tool starting a Node build, a Node script starting a Python generator. Each row is one
 * runner module in a repository whose other modules are {@code tools/gen.py},
 * {@code tools/report.py}, {@code web/build.js} and {@code web/bundle.ts}; the runner's own plugin
 * parses it and is told the run's other modules, as the indexer does.
 */
class CrossLanguageInvokesTest {
    private static final List<String> PYTHON_MODULES = List.of("tools/gen.py", "tools/report.py");
    private static final List<String> ECMA_MODULES = List.of("web/build.js", "web/bundle.ts");
    private static final String PY = "import os\nimport subprocess\nimport sys\nfrom pathlib import Path\n\n";
    private static final String JS = "const { spawn, execSync, execFile } = require('child_process');\n"
            + "const path = require('path');\nconst fs = require('fs');\n\n";

    static Stream<Arguments> rows() {
        return Stream.of(
                row("Python runs a Node script built from __file__", "tools/run.py", PY + """
                        ROOT = Path(__file__).resolve().parent.parent
                        subprocess.run(["node", str(ROOT / "web" / "build.js")], check=True)
                        """, "web/build.js"),
                row("Python runs a TypeScript file through a shell command", "tools/run.py", PY + """
                        subprocess.check_call("npx tsx web/bundle.ts --minify", shell=True)
                        """, "web/bundle.ts"),
                row("Python helper returns the Node script's path", "tools/run.py", PY + """
                        def _build_script():
                            return os.path.join(os.path.dirname(__file__), "..", "web", "build.js")

                        def main():
                            subprocess.Popen(["node", _build_script()])
                        """, "web/build.js"),
                row("Python reads a JS file: no invocation", "tools/run.py", PY + """
                        text = (Path(__file__).parent.parent / "web" / "build.js").read_text()
                        """),
                row("Python runs a Node script that is not there", "tools/run.py", PY + """
                        subprocess.run(["node", "web/missing.js"])
                        """),
                row("Python still finds its own scripts", "tools/run.py", PY + """
                        subprocess.run([sys.executable, str(Path(__file__).parent / "gen.py")])
                        """, "tools/gen.py"),
                row("Node spawns a Python generator", "web/run.js", JS + """
                        spawn('python3', [path.join(__dirname, '..', 'tools', 'gen.py')], { stdio: 'inherit' });
                        """, "tools/gen.py"),
                row("Node runs a Python command line", "web/run.js", JS + """
                        execSync('python tools/report.py --all');
                        """, "tools/report.py"),
                row("TypeScript helper returns the Python script's path", "web/run.ts", """
                        import { execFile } from 'node:child_process';
                        import path from 'node:path';
                        function generator(): string {
                          return path.resolve(__dirname, '../tools/gen.py');
                        }
                        export function main(): void {
                          execFile('python3', [generator()]);
                        }
                        """, "tools/gen.py"),
                row("Node reads a Python file: no invocation", "web/run.js", JS + """
                        const src = fs.readFileSync(path.join(__dirname, '..', 'tools', 'gen.py'), 'utf8');
                        """),
                row("Node still finds its own scripts", "web/run.js", JS + """
                        spawn(process.execPath, [path.join(__dirname, 'build.js')]);
                        """, "web/build.js"));
    }

    private static Arguments row(String name, String file, String body, String... targets) {
        return Arguments.of(name, file, body, List.of(targets));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void linksTheScriptsOfOtherLanguagesARunnerStarts(String name, String file, String body, List<String> expected) {
        boolean python = file.endsWith(".py");
        LanguagePlugin plugin = python ? new PythonLanguagePlugin() : new EcmaScriptLanguagePlugin();
        Map<String, String> sources = new java.util.TreeMap<>();
        sources.put(file, body);
        (python ? PYTHON_MODULES : ECMA_MODULES).forEach(p -> sources.put(p, "x = 1\n"));
        PluginRun run = PluginRun.ofSources(plugin, sources, python ? ECMA_MODULES : PYTHON_MODULES);
        TreeSet<String> targets = new TreeSet<>();
        for (String edge : run.edges(RelType.INVOKES)) {
            if (edge.startsWith(file + " -> ")) {
                targets.add(edge.substring(edge.indexOf(" -> ") + 4));
            }
        }
        assertThat(targets).as(name).containsExactlyElementsOf(new TreeSet<>(expected));
        if (!expected.isEmpty() && !expected.getFirst().endsWith(python ? ".py" : ".js")) {
            // Linked alone, the plugin does not know the other language's modules.
            PluginRun alone = PluginRun.ofSources(plugin, sources);
            assertThat(alone.edges(RelType.INVOKES)).as(name + ", alone").isEmpty();
        }
    }
}
