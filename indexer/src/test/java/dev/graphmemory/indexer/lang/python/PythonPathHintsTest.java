package dev.graphmemory.indexer.lang.python;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The text-only test that decides whether a call's arguments are evaluated as paths: it must let
 * through every call that can carry a script's path (the evaluator decides the rest) and keep out
 * the ordinary ones, which are most calls of a large module.
 */
class PythonPathHintsTest {
    private static final String MODULE = """
            import os
            import subprocess
            import sys
            from pathlib import Path

            HERE = os.path.dirname(__file__)
            NAME = "tool"
            LIMIT = 3

            def _cli():
                return Path(__file__).parent / "cli.py"

            def _wrapped():
                return _cli()

            def _from_constant(name):
                return os.path.join(HERE, name)

            def _uses_constant_only():
                return HERE

            SCRIPT = _wrapped()

            def total(a, b):
                return a + b

            def local_path_only():
                path = os.path.join("a", "b")
                return path

            def mentions_local_name(path):
                return len(path)

            def long_signature(
                first,
                second,
            ):
                return first + second

            class Runner:
                def _script(self):
                    return Path(__file__).with_name("run.sh")

                def go(self):
                    subprocess.run(["sh", str(self._script())])

            def main(argv):
                parser.add_argument(
                    "--files",
                    help="type check these .py files",
                )
                subprocess.run([sys.executable, str(_cli())])
            """;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ([sys.executable, str(_cli())])           | true
            ([sys.executable, str(_wrapped())])       | true
            ([SCRIPT, "--fast"])                      | true
            (_from_constant("x"))                     | true
            (_uses_constant_only())                   | true
            (["sh", str(self._script())])             | true
            (HERE)                                    | true
            ("deploy.sh")                             | true
            (os.path.join(a, b))                      | true
            (total(1, 2))                             | false
            (local_path_only)                         | true
            (mentions_local_name(x))                  | false
            (long_signature(1, 2))                    | false
            (NAME, LIMIT)                             | false
            (help)                                    | false
            (value, other)                            | false
            """)
    void callsThatMayCarryAPath(String args, boolean expected) {
        assertThat(PythonPathHints.of(MODULE).mayCarryPath(args)).isEqualTo(expected);
    }

    /** A function that mentions one that builds a path counts too (go): the evaluator decides. */
    @ParameterizedTest(name = "{0} builds a path: {1}")
    @CsvSource({
        "_cli, true",
        "_wrapped, true",
        "_from_constant, true",
        "_script, true",
        "total, false",
        "mentions_local_name, false",
        "long_signature, false",
        "go, true",
        "missing, false"
    })
    void functionsThatMayBuildAPath(String name, boolean expected) {
        assertThat(PythonPathHints.of(MODULE).pathFunction(name)).isEqualTo(expected);
    }
}
