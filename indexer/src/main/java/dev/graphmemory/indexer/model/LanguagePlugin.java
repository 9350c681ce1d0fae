package dev.graphmemory.indexer.model;

import java.util.List;
import java.util.function.Consumer;

/**
 * A language plugin turns source files of one language into graph rows.
 *
 * <p>Two phases: {@link #parse} runs once per file, on several threads at once, and must not keep
 * state between calls; {@link #link} runs once per run with the facts of every file the plugin
 * parsed, and resolves what crosses files ({@code IMPORTS}, {@code CALLS}, {@code EXTENDS},
 * {@code IMPLEMENTS}, {@code TESTS}) plus any late node updates such as entry points found in
 * resource files.
 */
public interface LanguagePlugin {
    /** The language name stored on modules, e.g. {@code java}. */
    String language();

    /** Whether this plugin parses the file at this repository-relative path. */
    boolean accepts(String path);

    /**
     * Whether this plugin wants to read this non-source file during linking (e.g. {@code
     * META-INF/services/*}). Such files are passed to {@link #link} as {@code resources}.
     */
    default boolean wantsResource(String path) {
        return false;
    }

    /**
     * Parses one file. Never throws for bad input: a file that does not parse yields its module
     * node with {@code parse_ok=false} and the parser's first problem.
     *
     * @param path repository-relative path with {@code /} separators
     * @param text the file's content
     * @param hash the file's content hash (git blob id), stored on the module
     */
    FileResult parse(String path, String text, String hash);

    /**
     * Resolves cross-file edges.
     *
     * @param parsed the results of {@link #parse} for every file of this language
     * @param resources path → text of every file {@link #wantsResource} accepted
     * @param out receives edges and node updates, in any order; all nodes already exist
     */
    void link(List<FileResult> parsed, java.util.Map<String, String> resources, Consumer<LinkOutput> out);

    /**
     * Resolves cross-file edges where some node ids are declared by several files ({@code copies}):
     * an edge must name the copy it means by the id {@link Copies#id} gives it. The default ignores
     * copies, right for languages whose ids derive from paths and so never repeat.
     */
    default void link(
            List<FileResult> parsed, java.util.Map<String, String> resources, Copies copies, Consumer<LinkOutput> out) {
        link(parsed, resources, out);
    }

    /**
     * As {@link #link(List, java.util.Map, Copies, Consumer)}, also given the paths of every module of
     * the run, of every language: for edges that cross languages, such as {@code INVOKES} from Java
     * code to a Python script it starts. The default ignores them.
     */
    default void link(
            List<FileResult> parsed,
            java.util.Map<String, String> resources,
            Copies copies,
            java.util.Collection<String> modulePaths,
            Consumer<LinkOutput> out) {
        link(parsed, resources, copies, out);
    }

    /**
     * What {@link #link} emits: an edge, a node update, or a node that no single file declares
     * (such as an external package that many files import). Such a node must be emitted once,
     * before the edges that end at it.
     */
    sealed interface LinkOutput permits EdgeRow, NodeUpdate, NodeRow {}
}
