package dev.graphmemory.indexer.lang;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one table from file extension to source language name, used to count the files of languages
 * no plugin parses ({@code not parsed: 392 Kotlin, 12 Groovy}).
 *
 * <p>Design notes: the table is by extension alone, case-insensitive, and lists well-known
 * programming languages only; data and markup (JSON, YAML, XML, HTML, CSS, Markdown) and files
 * known by name alone ({@code Makefile}, {@code Dockerfile}) are left out, so the count answers
 * "which code does the graph not see?". It also lists the parsed languages: a file of one that no
 * plugin accepts still counts (a plugin may decline a path, e.g. under {@code node_modules/}).
 * Where one extension has two common meanings the more common in repositories wins ({@code .m}:
 * Objective-C, not MATLAB; {@code .h}: C, though C++ uses it too; {@code .pl}: Perl, not Prolog).
 */
public final class SourceLanguages {
    private static final Map<String, String> BY_EXTENSION = table(
            "Java: java",
            "Python: py pyi pyw",
            "JavaScript: js jsx mjs cjs",
            "TypeScript: ts tsx mts cts",
            "Kotlin: kt kts",
            "Groovy: groovy gradle gvy gy gsh",
            "Scala: scala sc",
            "Clojure: clj cljs cljc",
            "Go: go",
            "Rust: rs",
            "C: c h",
            "C++: cc cpp cxx c++ hh hpp hxx h++ ipp tpp",
            "Objective-C: m mm",
            "C#: cs csx",
            "F#: fs fsi fsx",
            "Visual Basic: vb",
            "Swift: swift",
            "Dart: dart",
            "Ruby: rb rake gemspec",
            "PHP: php phtml",
            "Perl: pl pm",
            "Lua: lua",
            "R: r",
            "Julia: jl",
            "Haskell: hs lhs",
            "OCaml: ml mli",
            "Erlang: erl hrl",
            "Elixir: ex exs",
            "Elm: elm",
            "Zig: zig",
            "Nim: nim",
            "Crystal: cr",
            "Fortran: f f90 f95 f03 f08 for",
            "Pascal: pas",
            "Assembly: asm s",
            "Shell: sh bash zsh ksh fish",
            "PowerShell: ps1 psm1",
            "Batch: bat cmd",
            "SQL: sql",
            "Solidity: sol",
            "Vue: vue",
            "Svelte: svelte");

    private SourceLanguages() {}

    /** The language of a file by its extension, or empty when it is not a known source language. */
    public static Optional<String> of(String path) {
        String ext = RepoPath.extension(path);
        return ext.isEmpty()
                ? Optional.empty()
                : Optional.ofNullable(BY_EXTENSION.get(ext.substring(1).toLowerCase(Locale.ROOT)));
    }

    /**
     * Counts as one short phrase, largest first, then by name: {@code 392 Kotlin, 12 Groovy}; empty
     * when there are none.
     */
    public static String describe(Map<String, ? extends Number> counts) {
        return counts.entrySet().stream()
                .filter(e -> e.getValue().longValue() > 0)
                .sorted(Comparator.comparing((Map.Entry<String, ? extends Number> e) ->
                                -e.getValue().longValue())
                        .thenComparing(Map.Entry::getKey))
                .map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
    }

    private static Map<String, String> table(String... rows) {
        Map<String, String> byExtension = new HashMap<>();
        for (String row : rows) {
            int colon = row.indexOf(':');
            String language = row.substring(0, colon);
            for (String ext : row.substring(colon + 1).trim().split(" ")) {
                if (byExtension.put(ext, language) != null) {
                    throw new IllegalStateException("extension ." + ext + " is listed twice");
                }
            }
        }
        return Map.copyOf(byExtension);
    }
}
