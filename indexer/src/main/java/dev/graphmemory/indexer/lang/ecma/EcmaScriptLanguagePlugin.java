package dev.graphmemory.indexer.lang.ecma;

import dev.graphmemory.indexer.lang.ModuleNodes;
import dev.graphmemory.indexer.lang.ParseProblems;
import dev.graphmemory.indexer.lang.SourceText;
import dev.graphmemory.indexer.model.FileResult;
import dev.graphmemory.indexer.model.LanguagePlugin;
import dev.graphmemory.indexer.walk.RepositoryWalker;
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

/**
 * The TypeScript and JavaScript plugin: {@code .ts .tsx .mts .cts} (language {@code typescript})
 * and {@code .js .jsx .mjs .cjs} (language {@code javascript}), parsed with the tree-sitter
 * TypeScript, TSX and JavaScript grammars, and the script blocks of single-file components
 * ({@code .vue .svelte .astro}, language {@code vue}, {@code svelte}, {@code astro}; see
 * {@link EcmaComponents}).
 *
 * <p>One plugin for both languages because they import each other ({@code allowJs}, a
 * {@code ./x.js} specifier that names {@code x.ts}), and only a plugin that sees both file sets
 * can resolve that. Keys: a module is its path; a class or interface is {@code <path>#<Name>}; a
 * function is {@code <path>#<name>(<parameter names>)}, a method
 * {@code <path>#<Class>.<name>(<parameter names>)} (types and defaults left out). Modules carry
 * {@code package=""}.
 */
public final class EcmaScriptLanguagePlugin implements LanguagePlugin {
    private static final Set<String> BUILTINS = readList("node-builtins.txt");

    @Override
    public String language() {
        return "typescript";
    }

    @Override
    public boolean accepts(String path) {
        return EcmaNames.accepts(path) && !RepositoryWalker.inInstalledDependencies(path);
    }

    @Override
    public boolean wantsResource(String path) {
        return EcmaProjectFiles.wanted(path) && !RepositoryWalker.inInstalledDependencies(path);
    }

    @Override
    public FileResult parse(String path, String text, String hash) {
        EcmaGrammars.Grammar grammar;
        String code;
        boolean javascript;
        if (EcmaComponents.isComponent(path)) {
            EcmaComponents.Code c = EcmaComponents.code(path, text);
            grammar = EcmaGrammars.forComponent(c.jsx());
            javascript = false;
            code = EcmaShims.apply(c.text(), false);
        } else {
            grammar = EcmaGrammars.forPath(path);
            javascript = EcmaNames.JS.contains(dev.graphmemory.indexer.lang.RepoPath.extension(path));
            code = EcmaShims.apply(text, javascript);
        }
        try {
            Parsed first = parseCode(grammar, path, code, hash);
            if (first.errors() > 0 && !javascript) {
                // TypeScript forms the grammar refuses: rewritten, and kept only if that leaves fewer errors.
                String again = EcmaShims.afterErrors(code);
                if (!again.equals(code)) {
                    Parsed retried = parseCode(grammar, path, again, hash);
                    if (retried.errors() < first.errors()) {
                        return retried.result();
                    }
                }
            }
            return first.result();
        } catch (RuntimeException e) {
            String problem = "parser failure: " + e;
            return new FileResult(
                    path,
                    List.of(ModuleNodes.module(
                            path,
                            EcmaNames.language(path),
                            "",
                            new SourceText(text),
                            hash,
                            EcmaNames.test(path),
                            problem,
                            List.of(),
                            Map.of())),
                    List.of(),
                    null,
                    false,
                    problem);
        }
    }

    /** A file's parse and how many syntax errors its tree has. */
    private record Parsed(FileResult result, int errors) {}

    private static Parsed parseCode(EcmaGrammars.Grammar grammar, String path, String code, String hash) {
        return grammar.parser()
                .parse(
                        code,
                        root -> new Parsed(
                                new EcmaFileParser(path, code).parse(root, grammar, hash), ParseProblems.count(root)));
    }

    @Override
    public void link(List<FileResult> parsed, Map<String, String> resources, Consumer<LinkOutput> out) {
        link(parsed, resources, dev.graphmemory.indexer.model.Copies.NONE, List.of(), out);
    }

    /** Also links the scripts of other languages a JS/TS file runs ({@code spawn('python3', [...])}). */
    @Override
    public void link(
            List<FileResult> parsed,
            Map<String, String> resources,
            dev.graphmemory.indexer.model.Copies copies,
            java.util.Collection<String> modulePaths,
            Consumer<LinkOutput> out) {
        List<EcmaFacts> facts = new ArrayList<>();
        for (FileResult r : parsed) {
            if (r.facts() instanceof EcmaFacts f) {
                facts.add(f);
            }
        }
        new EcmaLinker(facts, resources, BUILTINS, modulePaths).link(out);
    }

    private static Set<String> readList(String resource) {
        try (InputStream in = EcmaScriptLanguagePlugin.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty())
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
