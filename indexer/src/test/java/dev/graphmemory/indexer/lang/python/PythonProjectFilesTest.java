package dev.graphmemory.indexer.lang.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The console scripts {@code pyproject.toml}, {@code setup.cfg} and {@code setup.py} declare, as {@code name=module:function}. */
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
                // plugin groups are not console scripts
                Arguments.of(
                        "setup.cfg", "[options.entry_points]\npytest11 =\n    myplugin = pkg.plugin\n", List.of()));
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
                Arguments.of("setup(name='lib', packages=['lib'])", List.of()));
    }

    @ParameterizedTest(name = "{index}: {1}")
    @MethodSource("setupPys")
    void readsTheConsoleScriptsOfASetupPy(String text, List<String> expected) {
        assertThat(PythonProjectFiles.entrySpecs(text)).containsExactlyElementsOf(expected);
    }
}
