package dev.graphmemory.indexer.lang.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.graphmemory.indexer.lang.PluginRun;
import dev.graphmemory.indexer.model.NodeUpdate;
import dev.graphmemory.queries.schema.NodeType;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The entry points {@code pyproject.toml}, {@code setup.cfg} and {@code setup.py} declare: console
 * scripts as {@code name=module:function}, plugins of other groups as {@code group/name=module:attr}.
 */
class PythonProjectFilesTest {
    static Stream<Arguments> projectFiles() {
        return Stream.of(
                Arguments.of(
                        "pyproject.toml",
                        "[project]\nname = \"app\"\n\n[project.scripts]\napp = \"app.cli:main\"\n\"app-admin\" = 'app.admin:run'\n",
                        List.of("app=app.cli:main", "app-admin=app.admin:run")),
                Arguments.of(
                        "pyproject.toml",
                        "[project.gui-scripts]\nviewer = \"app.gui:start\"\n[project.urls]\nhome = \"https://x.y:80\"\n",
                        List.of("viewer=app.gui:start")),
                Arguments.of(
                        "pyproject.toml",
                        "[tool.poetry.scripts]\nsvc = \"svc.main:run\"\n",
                        List.of("svc=svc.main:run")),
                Arguments.of(
                        "setup.cfg",
                        "[metadata]\nname = tool\n\n[options.entry_points]\nconsole_scripts =\n"
                                + "    tool = pkg.tool:main\n    # a comment\n    other-tool = pkg.other:run\n",
                        List.of("tool=pkg.tool:main", "other-tool=pkg.other:run")),
                Arguments.of(
                        "setup.cfg",
                        "[options.entry_points]\nconsole_scripts = tool = pkg.tool:main\ngui_scripts =\n    g = pkg.gui:main\n",
                        List.of("tool=pkg.tool:main", "g=pkg.gui:main")),
                Arguments.of(
                        "setup.cfg",
                        "[options.entry_points]\nconsole_scripts =\n    tool = pkg.tool:main\n\n[options]\npackages = find:\n"
                                + "install_requires =\n    requests = 2\n",
                        List.of("tool=pkg.tool:main")),
                // plugin groups: group/name
                Arguments.of(
                        "setup.cfg",
                        "[options.entry_points]\npytest11 =\n    myplugin = pkg.plugin\nconsole_scripts =\n    t = pkg.t:main\n",
                        List.of("pytest11/myplugin=pkg.plugin:", "t=pkg.t:main")),
                Arguments.of(
                        "pyproject.toml",
                        "[project.entry-points.\"flake8.extension\"]\nX1 = \"pkg.checker:Plugin\"\n[project.urls]\na = \"b:c\"\n",
                        List.of("flake8.extension/X1=pkg.checker:Plugin")),
                Arguments.of(
                        "pyproject.toml",
                        "[tool.poetry.plugins.\"pytest11\"]\nfix = \"pkg.fixtures\"\n",
                        List.of("pytest11/fix=pkg.fixtures:")));
    }

    @ParameterizedTest(name = "{index}: {0} {2}")
    @MethodSource("projectFiles")
    void readsTheConsoleScriptsOfAProjectFile(String path, String text, List<String> expected) {
        assertThat(PythonProjectFiles.entrySpecs(path, text)).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> setupPys() {
        return Stream.of(
                Arguments.of(
                        "setup(name='tool', entry_points={'console_scripts': ['tool=pkg.tool:main', 't2 = pkg.t2:cli']})",
                        List.of("tool=pkg.tool:main", "t2=pkg.t2:cli")),
                Arguments.of(
                        "setup(\n    entry_points={\n        \"console_scripts\": [\n"
                                + "            \"tool = pkg.tool:main [extra]\",\n        ],\n    },\n)\n",
                        List.of("tool=pkg.tool:main")),
                Arguments.of(
                        "setup(entry_points={'gui_scripts': ['viewer = app.gui:start']})",
                        List.of("viewer=app.gui:start")),
                Arguments.of(
                        "ENTRY = dict(console_scripts=['tool = pkg.tool:main'])\nsetup(entry_points=ENTRY)\n",
                        List.of("tool=pkg.tool:main")),
                Arguments.of(
                        "setup(\n    install_requires=['requests==2.0', 'a>=1'],\n    entry_points={\n"
                                + "        'console_scripts': ['tool = pkg.tool:main'],\n"
                                + "        'pytest11': ['myplugin = pkg.plugin'],\n"
                                + "        'flake8.extension': ['X1 = pkg.checker:Plugin'],\n    },\n"
                                + "    classifiers=['Environment :: Console'],\n)\n",
                        List.of(
                                "tool=pkg.tool:main",
                                "pytest11/myplugin=pkg.plugin:",
                                "flake8.extension/X1=pkg.checker:Plugin")),
                Arguments.of(
                        "entry_points = dict(console_scripts=['a = pkg.a:main'], pygments_lexers=['x = pkg.lex:XLexer'])\n"
                                + "setup(entry_points=entry_points)\n",
                        List.of("a=pkg.a:main", "pygments_lexers/x=pkg.lex:XLexer")),
                Arguments.of("setup(name='lib', packages=['lib'])", List.of()));
    }

    @ParameterizedTest(name = "{index}: {1}")
    @MethodSource("setupPys")
    void readsTheConsoleScriptsOfASetupPy(String text, List<String> expected) {
        assertThat(PythonProjectFiles.entrySpecs(text)).containsExactlyElementsOf(expected);
    }

    @Test
    void marksTheModulesPluginEntryPointsName() {
        PluginRun run = PluginRun.ofSources(
                new PythonLanguagePlugin(),
                Map.of(
                        "pyproject.toml",
                        "[project.scripts]\ntool = \"pkg.cli:main\"\n[project.entry-points.pytest11]\nfx = \"pkg.fixtures\"\n",
                        "pkg/__init__.py",
                        "",
                        "pkg/cli.py",
                        "def main():\n    pass\n",
                        "pkg/fixtures.py",
                        "import pytest\n",
                        "pkg/other.py",
                        ""));
        assertThat(run.updates)
                .filteredOn(u -> u.addType() == NodeType.CLI_ENTRY)
                .extracting(NodeUpdate::id, u -> u.properties().get("entry_kinds"))
                .containsExactlyInAnyOrder(
                        tuple("architecture:module:pkg/cli.py", List.of("console_script")),
                        tuple("architecture:module:pkg/fixtures.py", List.of(PythonLinker.PLUGIN_ENTRY_POINT)));
    }
}
