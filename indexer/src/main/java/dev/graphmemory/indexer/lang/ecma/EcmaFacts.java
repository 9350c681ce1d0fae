package dev.graphmemory.indexer.lang.ecma;

import dev.graphmemory.indexer.lang.ScriptRef;
import java.util.List;
import java.util.Map;

/**
 * What the TypeScript/JavaScript linker needs of one file.
 *
 * @param path repository-relative path
 * @param test whether the file is a test
 * @param imports module specifiers the file loads, with how
 * @param bindings local name → {@code <specifier>} (a namespace or CommonJS module) or
 *     {@code <specifier>:<exported name>} ({@code default} for a default import)
 * @param classes the classes and interfaces, with the names they extend and implement
 * @param functions the functions and methods, with their callees as written
 * @param invocations programs run through {@code child_process}
 * @param entries files a build configuration names as inputs ({@code vite.config.*}'s
 *     {@code build.rollupOptions.input} and {@code build.lib.entry}), as written, relative to the file
 */
public record EcmaFacts(
        String path,
        boolean test,
        List<Import> imports,
        Map<String, String> bindings,
        List<ClassFact> classes,
        List<FunctionFact> functions,
        List<Invocation> invocations,
        List<String> entries)
        implements java.io.Serializable {
    public EcmaFacts {
        imports = List.copyOf(imports);
        bindings = Map.copyOf(bindings);
        classes = List.copyOf(classes);
        functions = List.copyOf(functions);
        invocations = List.copyOf(invocations);
        entries = List.copyOf(entries);
    }

    /**
     * A module specifier the file loads.
     *
     * @param kind {@code import}, {@code export} (a re-export), {@code require}, {@code dynamic} or
     *     {@code augment} (a {@code declare module "x"} augmentation in a module, type-only)
     * @param typeOnly {@code import type}: erased at run time
     */
    public record Import(String specifier, String kind, boolean typeOnly, int line) implements java.io.Serializable {}

    /** A class ({@code kind} class or interface) with the names it extends and implements as written. */
    public record ClassFact(
            String key, String name, String kind, List<String> extendsNames, List<String> implementsNames)
            implements java.io.Serializable {
        public ClassFact {
            extendsNames = List.copyOf(extendsNames);
            implementsNames = List.copyOf(implementsNames);
        }
    }

    /** A function or method ({@code owner} is the class name, or {@code null}). */
    public record FunctionFact(String key, String name, String owner, List<String> calls)
            implements java.io.Serializable {
        public FunctionFact {
            calls = List.copyOf(calls);
        }
    }

    /** A program run from a function ({@code functionKey}) or from module-level code ({@code null}). */
    public record Invocation(String functionKey, List<ScriptRef> refs) implements java.io.Serializable {
        public Invocation {
            refs = List.copyOf(refs);
        }
    }
}
