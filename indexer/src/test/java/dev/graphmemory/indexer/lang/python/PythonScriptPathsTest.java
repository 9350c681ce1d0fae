package dev.graphmemory.indexer.lang.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.indexer.lang.PluginRun;
import dev.graphmemory.queries.schema.RelType;
import java.time.Duration;
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
 * {@code INVOKES} through script paths built away from the call that runs them (issue 16, item 4):
 * a helper function of the module that builds and returns the path, a module constant assigned in
 * a {@code try}/{@code except}, {@code os.path.join} spread over several assignments, {@code +}
 * with {@code os.sep}. Each row is the runner module {@code app/runner.py} in a small repository
 * with the scripts {@code app/cli.py}, {@code app/tools/x.py} and {@code tools/gen.py}.
 */
class PythonScriptPathsTest {
    private static final String HEAD = "import os\nimport subprocess\nimport sys\nfrom pathlib import Path\n\n";

    static Stream<Arguments> cases() {
        return Stream.of(
                row("helper returns the path", """
                        def _cli():
                            return Path(__file__).parent / "cli.py"

                        def main():
                            subprocess.run([sys.executable, str(_cli()), "--help"], check=True)
                        """, "app/cli.py"),
                row("helper joins the name it is given", """
                        def _script(name):
                            return Path(__file__).resolve().parent / "tools" / name

                        subprocess.run([sys.executable, _script("x.py")])
                        """, "app/tools/x.py"),
                row("helper with a keyword argument", """
                        def _script(sub, name):
                            return os.path.join(os.path.dirname(__file__), sub, name)

                        subprocess.run([sys.executable, _script("tools", name="x.py")])
                        """, "app/tools/x.py"),
                row("helper parameter's default", """
                        def _script(name="x.py"):
                            return os.path.join(os.path.dirname(__file__), "tools", name)

                        os.execv(sys.executable, [sys.executable, _script()])
                        """, "app/tools/x.py"),
                row("helper returns the whole command", """
                        HERE = Path(__file__).parent

                        def _cmd():
                            return [sys.executable, str(HERE / "cli.py")]

                        def main():
                            subprocess.check_call(_cmd() + ["-v"])
                        """, "app/cli.py"),
                row("helper of a helper", """
                        def _root():
                            return Path(__file__).resolve().parents[1]

                        def _gen():
                            return _root() / "tools" / "gen.py"

                        subprocess.run(["python3", str(_gen())])
                        """, "tools/gen.py"),
                row("method through self", """
                        class Runner:
                            def _cli(self):
                                return Path(__file__).with_name("cli.py")

                            def run(self):
                                return subprocess.Popen([sys.executable, self._cli()])
                        """, "app/cli.py"),
                row("module constant from a helper", """
                        def _cli():
                            return os.path.join(os.path.dirname(os.path.abspath(__file__)), "cli.py")

                        CLI = _cli()

                        def main():
                            subprocess.run([sys.executable, CLI])
                        """, "app/cli.py"),
                row("constant assigned in try, the except branch literal", """
                        try:
                            from importlib.resources import files
                            CLI = files("app") / "cli.py"
                        except ImportError:
                            CLI = os.path.join(os.path.dirname(__file__), "cli.py")

                        def main():
                            subprocess.run([sys.executable, CLI])
                        """, "app/cli.py"),
                row("constant assigned in try, the try branch literal", """
                        try:
                            SCRIPT = Path(__file__).parent / "tools" / "x.py"
                        except NameError:
                            SCRIPT = None

                        subprocess.call([sys.executable, str(SCRIPT)])
                        """, "app/tools/x.py"),
                row("os.path.join spread over several assignments", """
                        here = os.path.dirname(os.path.abspath(__file__))
                        tools = os.path.join(here, "tools")
                        script = os.path.join(tools, "x.py")

                        def main():
                            subprocess.run(["python3", script])
                        """, "app/tools/x.py"),
                row("+ with os.sep", """
                        here = os.path.dirname(os.path.realpath(__file__))
                        script = here + os.sep + "tools" + os.sep + "x.py"
                        os.system("python " + script)
                        """, "app/tools/x.py"),
                row("+ with a slash", """
                        script = os.path.dirname(__file__) + "/cli.py"
                        subprocess.call([sys.executable, script])
                        """, "app/cli.py"),
                row("a helper that calls itself ends", """
                        def _cli(n=3):
                            return _cli(n - 1) if n else Path(__file__).parent / "cli.py"

                        subprocess.run([sys.executable, str(_cli())])
                        """, "app/cli.py"),
                row("helpers that call each other forever give nothing", """
                        def _a():
                            return _b()

                        def _b():
                            return _a()

                        subprocess.run([sys.executable, str(_a())])
                        """),
                row("a name built at run time gives nothing", """
                        def _script(name):
                            return Path(__file__).parent / "tools" / name

                        subprocess.run([sys.executable, _script(sys.argv[1])])
                        """),
                row("a path outside the repository gives nothing", """
                        def _tool():
                            return Path("/opt/vendor/tools/x.py")

                        subprocess.run([sys.executable, str(_tool())])
                        """),
                row("a path from the environment gives nothing", """
                        def _cli():
                            return os.environ["CLI_SCRIPT"]

                        subprocess.run([sys.executable, _cli()])
                        """),
                row("a helper whose path is only read is no invocation", """
                        def _cli():
                            return Path(__file__).parent / "cli.py"

                        print(open(_cli()).read())
                        """));
    }

    private static Arguments row(String name, String body, String... targets) {
        return Arguments.of(name, body, List.of(targets));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Timeout(10)
    void findsTheScriptsARunnerRuns(String name, String body, List<String> expected) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("app/__init__.py", "");
        files.put("app/runner.py", HEAD + body);
        files.put("app/cli.py", "print('cli')\n");
        files.put("app/tools/x.py", "print('x')\n");
        files.put("tools/gen.py", "print('gen')\n");
        PluginRun run = PluginRun.ofSources(new PythonLanguagePlugin(), files);
        TreeSet<String> targets = new TreeSet<>();
        for (String edge : run.edges(RelType.INVOKES)) {
            targets.add(edge.substring(edge.indexOf(" -> ") + 4));
        }
        assertThat(targets).as(name).containsExactlyElementsOf(new TreeSet<>(expected));
    }

    @org.junit.jupiter.api.Test
    void evaluatesAWideRecursiveHelperQuickly() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            body.append("def _h")
                    .append(i)
                    .append("(p):\n    return _h")
                    .append((i + 1) % 40)
                    .append("(p) or _h")
                    .append((i + 7) % 40)
                    .append("(p / 'a') or p\n\n");
        }
        body.append("subprocess.run([sys.executable, str(_h0(Path(__file__).parent / 'cli.py'))])\n");
        long start = System.nanoTime();
        PluginRun run =
                PluginRun.ofSources(new PythonLanguagePlugin(), Map.of("app/runner.py", HEAD + body, "app/cli.py", ""));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(run.edges(RelType.INVOKES)).containsExactly("app/runner.py -> app/cli.py");
    }
}
