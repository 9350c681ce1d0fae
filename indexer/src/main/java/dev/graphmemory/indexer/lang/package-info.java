/**
 * Language plugins built on tree-sitter, and what they share.
 *
 * <p>Plugins: {@link dev.graphmemory.indexer.lang.python.PythonLanguagePlugin} ({@code .py},
 * {@code .pyi}) and {@link dev.graphmemory.indexer.lang.ecma.EcmaScriptLanguagePlugin} (TypeScript
 * and JavaScript together, since they import each other). Each reads a file through one query
 * ({@link dev.graphmemory.indexer.lang.TreeQuery}) rather than node by node, because every call
 * into the binding crosses JNI.
 *
 * <p>Graph conventions they follow:
 *
 * <ul>
 *   <li>Module key: the repository-relative path. Entry points are also {@code cli_entry}, with
 *       {@code entry_kinds}: {@code main_guard}, {@code dunder_main}, {@code shebang},
 *       {@code heuristic_name} (a name planners use: {@code cli.py}, {@code main.py},
 *       {@code *_runner.py}), {@code console_script}, {@code plugin_entry_point} (any other
 *       Python entry-point group), {@code package_bin}, {@code package_main}, {@code package_exports}.
 *   <li>External packages: one module node per package, key {@code external:<ecosystem>/<name>}
 *       ({@code external:python/requests}, {@code external:npm/@scope/pkg},
 *       {@code external:node/fs}), with {@code external=true}, {@code standard_library}, no
 *       {@code path}; emitted by {@code link()} once, before the edges that reach it.
 *   <li>Edge properties: {@code IMPORTS} carries {@code type_checking}, {@code in_try},
 *       {@code lazy}, {@code by_name} (Python: a dotted name in a string) or {@code type_only},
 *       {@code dynamic} (TS/JS: {@code import()}, {@code require.resolve}) when every import of
 *       that module by that file is so; {@code INVOKES} carries {@code resolution}
 *       ({@code exact}, or {@code tail} when only the end of the built path matched a file) and
 *       {@code line}.
 *   <li>{@code INVOKES} comes from both the module and the function that runs the program.
 * </ul>
 */
package dev.graphmemory.indexer.lang;
