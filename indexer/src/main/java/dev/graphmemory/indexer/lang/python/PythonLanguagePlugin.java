package dev.graphmemory.indexer.lang.python;

import dev.graphmemory.indexer.lang.ModuleNodes;
import dev.graphmemory.indexer.lang.SourceText;
import dev.graphmemory.indexer.lang.TreeQuery;
import dev.graphmemory.indexer.lang.TreeSitter;
import dev.graphmemory.indexer.model.FileResult;
import dev.graphmemory.indexer.model.LanguagePlugin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.treesitter.TreeSitterPython;

/**
 * The Python language plugin: {@code .py} files, and {@code .pyi} stubs (marked {@code stub=true}),
 * parsed with tree-sitter.
 *
 * <p>Keys: a module is its path; a class is {@code <dotted path>.<Class>} ({@code src.pkg.mod.Cls},
 * prefixed {@code pyi:} for stubs); a function is {@code <owner>#<name>(<parameter names>)}, owner
 * being the class key or the module's dotted path ({@code pkg.mod#main(argv)},
 * {@code pkg.mod.Cls#run(self,*args,**kw)}), annotations and defaults left out. A name defined twice
 * in one file (in the branches of an {@code if}) gets {@code ~2}. The module's {@code package} is
 * its importable dotted name. See {@link PythonLinker} for the edges across files.
 */
public final class PythonLanguagePlugin implements LanguagePlugin {
    private static final TreeSitter PYTHON = new TreeSitter(new TreeSitterPython());
    private static final TreeQuery QUERY = new TreeQuery(PYTHON.language(), PythonFileParser.QUERY);
    private static final Set<String> STDLIB = readList("stdlib-modules.txt");

    @Override
    public String language() {
        return "python";
    }

    @Override
    public boolean accepts(String path) {
        return path.endsWith(".py") || path.endsWith(".pyi");
    }

    @Override
    public boolean wantsResource(String path) {
        return PythonProjectFiles.wanted(path) || PythonWiring.deploymentFile(path);
    }

    @Override
    public FileResult parse(String path, String text, String hash) {
        try {
            return PYTHON.parse(text, root -> new PythonFileParser(path, text).parse(root, QUERY, hash));
        } catch (RuntimeException e) {
            String problem = "parser failure: " + e;
            return new FileResult(
                    path,
                    List.of(ModuleNodes.module(
                            path,
                            "python",
                            PythonNames.pathDotted(path),
                            new SourceText(text),
                            hash,
                            PythonNames.test(path),
                            problem,
                            List.of(),
                            Map.of())),
                    List.of(),
                    null,
                    false,
                    problem);
        }
    }

    @Override
    public void link(List<FileResult> parsed, Map<String, String> resources, Consumer<LinkOutput> out) {
        link(parsed, resources, dev.graphmemory.indexer.model.Copies.NONE, List.of(), out);
    }

    /** Also links the scripts of other languages a Python file runs ({@code ["node", "tools/x.js"]}). */
    @Override
    public void link(
            List<FileResult> parsed,
            Map<String, String> resources,
            dev.graphmemory.indexer.model.Copies copies,
            java.util.Collection<String> modulePaths,
            Consumer<LinkOutput> out) {
        List<PythonFacts> facts = new ArrayList<>();
        for (FileResult r : parsed) {
            if (r.facts() instanceof PythonFacts f) {
                facts.add(f);
            }
        }
        new PythonLinker(facts, STDLIB, modulePaths).link(resources, out);
    }

    static Set<String> readList(String resource) {
        try (InputStream in = PythonLanguagePlugin.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
