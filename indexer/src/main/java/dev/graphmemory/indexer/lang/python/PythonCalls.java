package dev.graphmemory.indexer.lang.python;

import static dev.graphmemory.indexer.lang.python.PythonPathEvaluator.namedChildren;

import dev.graphmemory.indexer.lang.PathValue;
import dev.graphmemory.indexer.lang.ScriptRef;
import dev.graphmemory.indexer.lang.SourceText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.treesitter.TSNode;
import org.treesitter.TSNodes;

/**
 * Records the calls of a Python file: callees as written (on functions), programs run through
 * {@code subprocess}, {@code os.system}, {@code os.exec*} and friends, functions that run a program
 * named by a parameter, and calls that hand a program's path to another function.
 */
final class PythonCalls {
    static final int MAX_CALLS = 200;
    /** Callables that run a program, by canonical name. */
    static final Set<String> RUNNERS = Set.of(
            "subprocess.run",
            "subprocess.call",
            "subprocess.check_call",
            "subprocess.check_output",
            "subprocess.Popen",
            "subprocess.getoutput",
            "subprocess.getstatusoutput",
            "os.system",
            "os.popen",
            "os.execv",
            "os.execve",
            "os.execl",
            "os.execle",
            "os.execlp",
            "os.execlpe",
            "os.execvp",
            "os.execvpe",
            "os.spawnl",
            "os.spawnle",
            "os.spawnlp",
            "os.spawnlpe",
            "os.spawnv",
            "os.spawnve",
            "os.spawnvp",
            "os.spawnvpe",
            "os.posix_spawn",
            "os.posix_spawnp",
            "os.startfile",
            "asyncio.create_subprocess_exec",
            "asyncio.create_subprocess_shell",
            "runpy.run_path",
            "runpy.run_module",
            "pty.spawn");

    private final SourceText src;
    private final Function<String, String> canonical;
    private final PythonPathEvaluator evaluator;
    private TSNode root;
    private PythonScope moduleScope;
    private PythonPathHints hints;
    private final List<PythonFacts.Invocation> invocations = new ArrayList<>();
    private final List<PythonFacts.Launcher> launchers = new ArrayList<>();
    private final List<PythonFacts.PathCall> pathCalls = new ArrayList<>();

    /** The class a statement is in; its scope is built when first needed. */
    static final class ClassCtx {
        private final String key;
        private final String localName;
        private final TSNode body;
        private PythonScope scope;

        ClassCtx(String key, String localName, TSNode body) {
            this.key = key;
            this.localName = localName;
            this.body = body;
        }

        String key() {
            return key;
        }

        String localName() {
            return localName;
        }

        PythonScope scope(SourceText src) {
            if (scope == null) {
                scope = PythonScope.ofClass(body, src);
            }
            return scope;
        }
    }

    /** The function a statement is in, collecting its callees. */
    static final class FuncCtx {
        private final String key;
        private final String name;
        private final ClassCtx cls;
        private final TSNode node;
        private final PythonRows.Function row;
        private final Set<String> calls = new LinkedHashSet<>();
        private PythonScope scope;

        FuncCtx(String key, String name, ClassCtx cls, TSNode node, PythonRows.Function row) {
            this.key = key;
            this.name = name;
            this.cls = cls;
            this.node = node;
            this.row = row;
        }

        PythonRows.Function row() {
            return row;
        }

        Set<String> calls() {
            return calls;
        }

        PythonScope scope(SourceText src) {
            if (scope == null) {
                TSNode body = TSNodes.field(node, "body");
                scope = PythonScope.of(body, src);
                bindParameters(TSNodes.field(node, "parameters"), src, scope);
            }
            return scope;
        }
    }

    PythonCalls(SourceText src, Function<String, String> canonical) {
        this.src = src;
        this.canonical = canonical;
        this.evaluator = new PythonPathEvaluator(src, canonical);
    }

    void setModule(TSNode root) {
        this.root = root;
    }

    /**
     * Records one call: its callee on the enclosing function, and, when it runs a program or hands
     * a path on, the programs it names.
     */
    void call(
            TSNode call,
            TSNode arguments,
            String written,
            boolean hasArgs,
            FuncCtx fn,
            ClassCtx cls,
            int line,
            String argsText) {
        if (fn != null && fn.calls.size() < MAX_CALLS) {
            fn.calls.add(written);
        }
        if (!hasArgs) {
            return;
        }
        String callee = canonical.apply(written);
        boolean runner = RUNNERS.contains(callee);
        if (!runner && !mayCarryPath(argsText)) {
            return;
        }
        PythonPathEvaluator.Env env = new PythonPathEvaluator.Env(
                () -> fn == null ? null : fn.scope(src),
                () -> cls == null ? null : cls.scope(src),
                this::moduleScope,
                null);
        List<TSNode> args = evaluator.positional(arguments);
        List<PathValue> values = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            List<PathValue> v = evaluator.eval(args.get(i), env);
            String param = PathValue.paramOf(v);
            if (runner && param != null && fn != null) {
                launchers.add(new PythonFacts.Launcher(
                        fn.key, fn.cls == null ? null : fn.cls.localName(), fn.name, i, param));
            }
            values.addAll(v);
        }
        List<ScriptRef> refs = PathValue.scriptRefs(values, line);
        if (refs.isEmpty()) {
            return;
        }
        String from = fn == null ? null : fn.key;
        if (runner) {
            invocations.add(new PythonFacts.Invocation(from, refs));
        } else {
            pathCalls.add(new PythonFacts.PathCall(from, written, refs));
        }
    }

    /**
     * A cheap test before evaluating a call's arguments: do they mention anything path-like, a name
     * assigned from something path-like, or a function that may build one ({@link PythonPathHints})?
     */
    private boolean mayCarryPath(String args) {
        if (hints == null) {
            hints = PythonPathHints.of(src.text());
        }
        return hints.mayCarryPath(args);
    }

    private PythonScope moduleScope() {
        if (moduleScope == null) {
            moduleScope = PythonScope.of(root, src);
        }
        return moduleScope;
    }

    private static String parameterName(TSNode p, SourceText src) {
        return switch (TSNodes.type(p)) {
            case "identifier",
                    "list_splat_pattern",
                    "dictionary_splat_pattern",
                    "keyword_separator",
                    "positional_separator",
                    "tuple_pattern" -> src.of(p).replaceAll("\\s+", "");
            case "typed_parameter" -> TSNodes.namedCount(p) == 0 ? null : parameterName(TSNodes.namedChild(p, 0), src);
            case "default_parameter", "typed_default_parameter" -> {
                TSNode name = TSNodes.field(p, "name");
                yield TSNodes.isNull(name) ? null : src.of(name);
            }
            default -> null;
        };
    }

    private static void bindParameters(TSNode params, SourceText src, PythonScope scope) {
        if (TSNodes.isNull(params)) {
            return;
        }
        int index = 0;
        for (TSNode p : namedChildren(params)) {
            String name = parameterName(p, src);
            if (name == null || name.equals("*") || name.equals("/")) {
                continue;
            }
            TSNode value = TSNodes.field(p, "value");
            scope.bind(name.replace("*", ""), PythonScope.Kind.PARAM, TSNodes.isNull(value) ? null : value, index++);
        }
    }

    List<PythonFacts.Invocation> invocations() {
        return invocations;
    }

    List<PythonFacts.Launcher> launchers() {
        return launchers;
    }

    List<PythonFacts.PathCall> pathCalls() {
        return pathCalls;
    }
}
