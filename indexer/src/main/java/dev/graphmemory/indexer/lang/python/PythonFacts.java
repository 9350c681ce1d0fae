package dev.graphmemory.indexer.lang.python;

import dev.graphmemory.indexer.lang.ScriptRef;
import java.util.List;
import java.util.Map;

/**
 * What the Python linker needs of one file, kept from parsing to linking.
 *
 * @param path repository-relative path
 * @param stub whether the file is a {@code .pyi} stub
 * @param test whether the file is a test module
 * @param imports every import statement, in order
 * @param aliases local name → what it is bound to by an import: {@code subprocess},
 *     {@code ..pkg.mod} (relative, the dots are the level), or {@code pkg.mod:Name} for a name
 *     imported from a module
 * @param classes the classes, with their bases as written
 * @param functions the functions and methods, with their calls as written
 * @param invocations programs run by the code, with where from
 * @param launchers functions that run a program whose path is one of their parameters
 * @param pathCalls calls that pass a path to a program to some other function (a launcher, maybe)
 * @param scripts for a {@code setup.py}: its {@code console_scripts} as {@code name=module:function}
 * @param wired dotted names a framework imports because this file names them in a string
 *     ({@link PythonWiring}), {@code app:} marking a Django installed app, {@code tasks:} a Celery package
 */
public record PythonFacts(
        String path,
        boolean stub,
        boolean test,
        List<Import> imports,
        Map<String, String> aliases,
        List<ClassFact> classes,
        List<FunctionFact> functions,
        List<Invocation> invocations,
        List<Launcher> launchers,
        List<PathCall> pathCalls,
        List<String> scripts,
        List<String> wired)
        implements java.io.Serializable {
    public PythonFacts {
        scripts = List.copyOf(scripts);
        wired = List.copyOf(wired);
        imports = List.copyOf(imports);
        aliases = Map.copyOf(aliases);
        classes = List.copyOf(classes);
        functions = List.copyOf(functions);
        invocations = List.copyOf(invocations);
        launchers = List.copyOf(launchers);
        pathCalls = List.copyOf(pathCalls);
    }

    /**
     * One import statement.
     *
     * @param module the dotted module as written, without the leading dots
     * @param level the number of leading dots (0 for an absolute import)
     * @param names for {@code from m import a, b}: the names; empty for {@code import m}
     * @param typeChecking under {@code if TYPE_CHECKING:}
     * @param inTry inside a {@code try} statement (an optional or fallback import)
     * @param lazy inside a function body
     */
    public record Import(
            String module, int level, List<String> names, boolean typeChecking, boolean inTry, boolean lazy, int line)
            implements java.io.Serializable {
        public Import {
            names = List.copyOf(names);
        }
    }

    /** A class: its node key, its name inside the module ({@code Outer.Inner}), its bases as written. */
    public record ClassFact(String key, String localName, List<String> bases) implements java.io.Serializable {
        public ClassFact {
            bases = List.copyOf(bases);
        }
    }

    /**
     * A function or method.
     *
     * @param key node key
     * @param name the function's name
     * @param owner the local name of its class, or {@code null} for a module-level function
     * @param calls callees as written
     */
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

    /** A function that runs the program named by its parameter at {@code index} (or {@code name=}). */
    public record Launcher(String functionKey, String owner, String name, int index, String parameter)
            implements java.io.Serializable {}

    /** A call, as written, that passes path references to some function. */
    public record PathCall(String functionKey, String callee, List<ScriptRef> refs) implements java.io.Serializable {
        public PathCall {
            refs = List.copyOf(refs);
        }
    }
}
