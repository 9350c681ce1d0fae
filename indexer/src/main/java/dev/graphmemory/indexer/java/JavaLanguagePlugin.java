package dev.graphmemory.indexer.java;

import dev.graphmemory.indexer.model.Copies;
import dev.graphmemory.indexer.model.FileResult;
import dev.graphmemory.indexer.model.LanguagePlugin;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Java language plugin: parses {@code .java} files with JavaParser into modules, classes and
 * functions, and links imports, inheritance, calls, tests and {@code META-INF/services} entry
 * points across the repository.
 *
 * <p>Design note: parsing keeps no state between files (one parser per thread); each file leaves
 * compact {@link JavaFacts} behind, and {@link #link} resolves names over all of them at once with
 * Java's scoping rules (declared types, single-type imports, same package, on-demand imports)
 * instead of a symbol solver, which keeps a 15,000-file repository to seconds.
 */
public final class JavaLanguagePlugin implements LanguagePlugin {
    static final String LANGUAGE = "java";

    private final JavaFileParser parser = new JavaFileParser();

    @Override
    public String language() {
        return LANGUAGE;
    }

    @Override
    public boolean accepts(String path) {
        return path.endsWith(".java");
    }

    @Override
    public boolean wantsResource(String path) {
        return ServiceEntries.wanted(path) || ConfigEntries.wanted(path);
    }

    @Override
    public FileResult parse(String path, String text, String hash) {
        return parser.parse(path, text, hash);
    }

    @Override
    public void link(List<FileResult> parsed, Map<String, String> resources, Consumer<LinkOutput> out) {
        link(parsed, resources, Copies.NONE, out);
    }

    @Override
    public void link(List<FileResult> parsed, Map<String, String> resources, Copies copies, Consumer<LinkOutput> out) {
        link(parsed, resources, copies, List.of(), out);
    }

    @Override
    public void link(
            List<FileResult> parsed,
            Map<String, String> resources,
            Copies copies,
            java.util.Collection<String> modulePaths,
            Consumer<LinkOutput> out) {
        new JavaLinker(parsed, resources, copies, modulePaths, out).run();
    }
}
