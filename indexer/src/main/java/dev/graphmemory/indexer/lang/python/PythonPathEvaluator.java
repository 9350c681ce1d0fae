package dev.graphmemory.indexer.lang.python;

import dev.graphmemory.indexer.lang.PathValue;
import dev.graphmemory.indexer.lang.SourceText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.treesitter.TSNode;
import org.treesitter.TSNodes;

/**
 * Evaluates Python expressions that build paths and command lines, statically: {@code __file__},
 * {@code Path(...)}, {@code .parent}, {@code .parents[n]}, {@code /}, {@code os.path.join},
 * {@code os.path.dirname}, f-strings and {@code +} (with {@code os.sep}), names bound in the
 * enclosing scopes (every branch of an {@code if} or {@code try}), loops over {@code .parents},
 * fallback chains ({@code a or b}, {@code x if c else y}, {@code next(...)}), and calls of helper
 * functions of the same module (or methods through {@code self.}): their {@code return} values,
 * with the call's arguments bound to their parameters.
 * Anything else is unknown. Returns every value an expression may take (a union), capped.
 *
 * <p>Helpers are followed {@value #MAX_HELPERS} calls deep and never into a helper already being
 * evaluated, so a recursive helper ends at once; one step budget covers the whole evaluation.
 */
final class PythonPathEvaluator {
    private static final int MAX_DEPTH = 12;
    private static final int MAX_VALUES = 24;
    private static final Set<String> PASS_THROUGH = Set.of(
            "pathlib.Path",
            "pathlib.PurePath",
            "pathlib.PosixPath",
            "pathlib.PurePosixPath",
            "str",
            "os.fspath",
            "os.path.abspath",
            "os.path.realpath",
            "os.path.normpath",
            "os.path.expanduser",
            "shlex.split",
            "shlex.quote",
            "os.path.normcase",
            "list",
            "tuple");

    private static final int MAX_STEPS = 2000;
    /** How many helper calls deep values are followed. */
    static final int MAX_HELPERS = 2;

    private int nesting;
    private int steps;
    private final SourceText src;
    private final Function<String, String> canonical;
    private final Set<Integer> activeHelpers = new HashSet<>();
    private final Map<Integer, PythonScope> helperScopes = new HashMap<>();

    /**
     * Where names are looked up: the values bound to a helper's parameters, the function's scope,
     * its class's, the module's (any may be null).
     */
    static final class Env {
        private final Once local;
        private final Once cls;
        private final Once module;
        private final Map<String, List<PathValue>> args;

        /**
         * Scopes built when a name is first looked up in them: a call's arguments are mostly
         * literals or names of the function's own scope, and a class's scope reads its whole body.
         */
        Env(
                Supplier<PythonScope> local,
                Supplier<PythonScope> cls,
                Supplier<PythonScope> module,
                Map<String, List<PathValue>> args) {
            this.local = new Once(local);
            this.cls = new Once(cls);
            this.module = new Once(module);
            this.args = args;
        }

        PythonScope local() {
            return local.get();
        }

        PythonScope cls() {
            return cls.get();
        }

        PythonScope module() {
            return module.get();
        }

        Map<String, List<PathValue>> args() {
            return args;
        }
    }

    /** A scope built on first use (it may be null). */
    private static final class Once {
        private Supplier<PythonScope> make;
        private PythonScope scope;

        Once(Supplier<PythonScope> make) {
            this.make = make;
        }

        PythonScope get() {
            if (make != null) {
                scope = make.get();
                make = null;
            }
            return scope;
        }
    }

    PythonPathEvaluator(SourceText src, Function<String, String> canonical) {
        this.src = src;
        this.canonical = canonical;
    }

    /**
     * The values of an expression. Nested evaluations share one depth and one step budget, so a
     * name bound in terms of itself ({@code p = p.parent}) or a wide fallback chain stays cheap.
     */
    List<PathValue> eval(TSNode node, Env env) {
        List<PathValue> out = new ArrayList<>();
        if (nesting == 0) {
            steps = 0;
        }
        if (nesting > MAX_DEPTH) {
            return out;
        }
        nesting++;
        try {
            eval(node, env, nesting, out);
        } finally {
            nesting--;
        }
        return out;
    }

    private void eval(TSNode node, Env env, int depth, List<PathValue> out) {
        if (node == null
                || TSNodes.isNull(node)
                || depth > MAX_DEPTH
                || out.size() >= MAX_VALUES
                || ++steps > MAX_STEPS) {
            return;
        }
        switch (TSNodes.type(node)) {
            case "identifier" -> name(src.of(node), env, depth, out);
            case "string" -> string(node, env, depth, out);
            case "concatenated_string" -> concat(namedChildren(node), env, depth, out);
            case "parenthesized_expression", "await", "expression_statement" ->
                eval(TSNodes.namedChild(node, 0), env, depth + 1, out);
            case "conditional_expression" -> {
                eval(TSNodes.namedChild(node, 0), env, depth + 1, out);
                eval(TSNodes.namedChild(node, 2), env, depth + 1, out);
            }
            case "boolean_operator" -> {
                eval(TSNodes.field(node, "left"), env, depth + 1, out);
                eval(TSNodes.field(node, "right"), env, depth + 1, out);
            }
            case "named_expression" -> eval(TSNodes.field(node, "value"), env, depth + 1, out);
            case "binary_operator" -> binary(node, env, depth, out);
            case "attribute" -> attribute(node, env, depth, out);
            case "subscript" -> subscript(node, env, depth, out);
            case "call" -> call(node, env, depth, out);
            case "list", "tuple", "set" -> out.add(words(namedChildren(node), env, depth));
            case "list_splat" -> eval(TSNodes.namedChild(node, 0), env, depth + 1, out);
            case "generator_expression", "list_comprehension" -> eval(TSNodes.field(node, "body"), env, depth + 1, out);
            default -> {}
        }
    }

    private void name(String name, Env env, int depth, List<PathValue> out) {
        if (name.equals("__file__")) {
            out.add(PathValue.file());
            return;
        }
        if (env.args() != null && env.args().containsKey(name)) {
            env.args().get(name).forEach(v -> add(out, v));
            return;
        }
        PythonScope[] scopes = {env.local(), env.module()};
        for (PythonScope scope : scopes) {
            if (scope == null) {
                continue;
            }
            List<PythonScope.Binding> bindings = scope.lookup(name);
            if (bindings.isEmpty()) {
                continue;
            }
            for (PythonScope.Binding b : bindings) {
                switch (b.kind()) {
                    case ASSIGN -> eval(b.node(), env, depth + 1, out);
                    case ITER -> iterate(b.node(), env, depth, out);
                    case PARAM -> {
                        out.add(new PathValue.Param(name));
                        eval(b.node(), env, depth + 1, out);
                    }
                }
            }
            return;
        }
    }

    /** One element of an iterable: an ancestor for {@code .parents}, an item of a list. */
    private void iterate(TSNode iterable, Env env, int depth, List<PathValue> out) {
        if (TSNodes.type(iterable).equals("attribute")
                && src.of(TSNodes.field(iterable, "attribute")).equals("parents")) {
            for (PathValue v : eval(TSNodes.field(iterable, "object"), env)) {
                add(out, PathValue.anyAncestor(v));
            }
            return;
        }
        for (PathValue v : eval(iterable, env)) {
            if (v instanceof PathValue.Words w) {
                w.items().forEach(i -> add(out, i));
            } else {
                add(out, v);
            }
        }
    }

    private void string(TSNode node, Env env, int depth, List<PathValue> out) {
        List<TSNode> parts = new ArrayList<>();
        boolean interpolated = false;
        for (TSNode c : namedChildren(node)) {
            String t = TSNodes.type(c);
            if (t.equals("string_content") || t.equals("interpolation")) {
                parts.add(c);
                interpolated |= t.equals("interpolation");
            }
        }
        if (!interpolated) {
            StringBuilder sb = new StringBuilder();
            parts.forEach(p -> sb.append(src.of(p)));
            out.add(new PathValue.Text(sb.toString()));
            return;
        }
        concat(parts, env, depth, out);
    }

    private void concat(List<TSNode> parts, Env env, int depth, List<PathValue> out) {
        List<PathValue> values = new ArrayList<>();
        for (TSNode p : parts) {
            if (TSNodes.type(p).equals("string_content")) {
                values.add(new PathValue.Text(src.of(p)));
            } else {
                TSNode inner = TSNodes.type(p).equals("interpolation") ? TSNodes.field(p, "expression") : p;
                List<PathValue> v = inner == null ? List.of() : eval(inner, env);
                values.add(v.isEmpty() ? null : v.get(0));
            }
        }
        add(out, PathValue.concat(values));
    }

    private void binary(TSNode node, Env env, int depth, List<PathValue> out) {
        String op = src.of(TSNodes.field(node, "operator"));
        List<PathValue> left = eval(TSNodes.field(node, "left"), env);
        List<PathValue> right = eval(TSNodes.field(node, "right"), env);
        for (PathValue l : left) {
            for (PathValue r : right) {
                if (op.equals("/")) {
                    add(out, PathValue.join(l, r));
                } else if (op.equals("+")) {
                    add(
                            out,
                            l instanceof PathValue.Words lw && r instanceof PathValue.Words rw
                                    ? plus(lw, rw)
                                    : PathValue.concat(List.of(l, r)));
                }
            }
        }
    }

    private static PathValue plus(PathValue.Words a, PathValue.Words b) {
        List<PathValue> items = new ArrayList<>(a.items());
        items.addAll(b.items());
        return new PathValue.Words(items);
    }

    private void attribute(TSNode node, Env env, int depth, List<PathValue> out) {
        String attr = src.of(TSNodes.field(node, "attribute"));
        TSNode object = TSNodes.field(node, "object");
        String objectText = src.of(object);
        String whole = canonical.apply(objectText + "." + attr);
        if (whole.equals("os.sep") || whole.equals("os.path.sep")) {
            out.add(new PathValue.Text("/"));
            return;
        }
        if ((objectText.equals("self") || objectText.equals("cls")) && env.cls() != null) {
            for (PythonScope.Binding b : env.cls().lookup("self." + attr)) {
                eval(b.node(), env, depth + 1, out);
            }
            for (PythonScope.Binding b : env.cls().lookup(attr)) {
                eval(b.node(), env, depth + 1, out);
            }
            return;
        }
        if (attr.equals("parent")) {
            for (PathValue v : eval(object, env)) {
                add(out, PathValue.parent(v));
            }
        }
    }

    private void subscript(TSNode node, Env env, int depth, List<PathValue> out) {
        TSNode value = TSNodes.field(node, "value");
        TSNode index = TSNodes.field(node, "subscript");
        if (TSNodes.type(value).equals("attribute")
                && src.of(TSNodes.field(value, "attribute")).equals("parents")
                && index != null
                && TSNodes.type(index).equals("integer")) {
            int n = Integer.parseInt(src.of(index));
            for (PathValue v : eval(TSNodes.field(value, "object"), env)) {
                add(out, PathValue.parents(v, n));
            }
        }
    }

    private void call(TSNode node, Env env, int depth, List<PathValue> out) {
        TSNode function = TSNodes.field(node, "function");
        List<TSNode> args = positional(TSNodes.field(node, "arguments"));
        String callee = canonical.apply(src.of(function));
        if (PASS_THROUGH.contains(callee) || callee.endsWith(".Path")) {
            joinAll(args, env, depth, out);
        } else if (callee.equals("os.path.join") || callee.equals("posixpath.join")) {
            joinAll(args, env, depth, out);
        } else if (callee.equals("os.path.dirname")) {
            args.stream().findFirst().ifPresent(a -> eval(a, env).forEach(v -> add(out, PathValue.parent(v))));
        } else if (callee.equals("next") || callee.equals("os.environ.get") || callee.equals("os.getenv")) {
            int from = callee.equals("next") ? 0 : 1;
            for (int i = from; i < args.size(); i++) {
                eval(args.get(i), env, depth + 1, out);
            }
        } else if (callee.equals("pathlib.Path.cwd") || callee.equals("os.getcwd") || callee.equals("Path.cwd")) {
            out.add(PathValue.cwd());
        } else if (TSNodes.type(function).equals("identifier")) {
            String name = src.of(function);
            TSNode local = env.local() == null ? null : env.local().function(name);
            if (local != null) {
                helper(local, false, node, env, env.cls(), depth, out);
            } else if (env.module() != null) {
                // a module-level function sees no class: self. in it means nothing here
                helper(env.module().function(name), false, node, env, null, depth, out);
            }
        } else if (TSNodes.type(function).equals("attribute")) {
            String object = src.of(TSNodes.field(function, "object"));
            String name = src.of(TSNodes.field(function, "attribute"));
            if ((object.equals("self") || object.equals("cls"))
                    && env.cls() != null
                    && env.cls().function(name) != null) {
                helper(env.cls().function(name), true, node, env, env.cls(), depth, out);
            } else {
                method(node, function, args, env, depth, out);
            }
        }
    }

    /**
     * The values a helper function of this module returns for this call: its {@code return}
     * expressions, evaluated in its own scope with the call's arguments bound to its parameters
     * (a parameter the call does not give takes its default, else no value).
     */
    private void helper(
            TSNode def, boolean bound, TSNode call, Env env, PythonScope cls, int depth, List<PathValue> out) {
        if (def == null || activeHelpers.size() >= MAX_HELPERS || !activeHelpers.add(TSNodes.start(def))) {
            return;
        }
        try {
            PythonScope scope = helperScopes.computeIfAbsent(
                    TSNodes.start(def), k -> PythonScope.of(TSNodes.field(def, "body"), src));
            if (scope.returns().isEmpty()) {
                return;
            }
            Env helperEnv = new Env(() -> scope, () -> cls, env::module, arguments(def, bound, call, env));
            for (TSNode r : scope.returns()) {
                eval(r, helperEnv, depth + 1, out);
            }
        } finally {
            activeHelpers.remove(TSNodes.start(def));
        }
    }

    /** The values of a call's arguments by the helper's parameter names; {@code self}/{@code cls} skipped for a method. */
    private Map<String, List<PathValue>> arguments(TSNode def, boolean bound, TSNode call, Env env) {
        List<TSNode> positional = new ArrayList<>();
        Map<String, TSNode> keywords = new HashMap<>();
        TSNode arguments = TSNodes.field(call, "arguments");
        if (!TSNodes.isNull(arguments) && TSNodes.type(arguments).equals("argument_list")) {
            for (TSNode a : namedChildren(arguments)) {
                if (TSNodes.type(a).equals("keyword_argument")) {
                    keywords.put(src.of(TSNodes.field(a, "name")), TSNodes.field(a, "value"));
                } else if (!TSNodes.type(a).equals("comment")) {
                    positional.add(a);
                }
            }
        }
        Map<String, List<PathValue>> values = new HashMap<>();
        int index = 0;
        boolean first = true;
        for (TSNode p : namedChildren(TSNodes.field(def, "parameters"))) {
            TSNode nameNode = parameterName(p);
            if (nameNode == null) {
                first = false;
                continue;
            }
            String name = src.of(nameNode);
            if (first && bound && (name.equals("self") || name.equals("cls"))) {
                first = false;
                continue;
            }
            first = false;
            TSNode given = keywords.getOrDefault(name, index < positional.size() ? positional.get(index) : null);
            index++;
            TSNode dflt = TSNodes.field(p, "value");
            if (!TSNodes.isNull(given) && !TSNodes.type(given).equals("list_splat")) {
                values.put(name, eval(given, env));
            } else if (!TSNodes.isNull(dflt)) {
                values.put(name, eval(dflt, new Env(() -> null, env::cls, env::module, null)));
            } else {
                values.put(name, List.of());
            }
        }
        return values;
    }

    /** The identifier a parameter binds ({@code x}, {@code x: T}, {@code x=d}, {@code x: T = d}), or null. */
    private static TSNode parameterName(TSNode p) {
        TSNode name =
                switch (TSNodes.type(p)) {
                    case "identifier" -> p;
                    case "typed_parameter" -> TSNodes.namedCount(p) == 0 ? null : TSNodes.namedChild(p, 0);
                    case "default_parameter", "typed_default_parameter" -> TSNodes.field(p, "name");
                    default -> null;
                };
        return TSNodes.isNull(name) || !TSNodes.type(name).equals("identifier") ? null : name;
    }

    private void method(TSNode call, TSNode function, List<TSNode> args, Env env, int depth, List<PathValue> out) {
        String name = src.of(TSNodes.field(function, "attribute"));
        TSNode object = TSNodes.field(function, "object");
        switch (name) {
            case "resolve", "absolute", "expanduser", "as_posix", "__fspath__" -> eval(object, env, depth + 1, out);
            case "joinpath" -> {
                for (PathValue base : eval(object, env)) {
                    PathValue v = base;
                    for (TSNode a : args) {
                        List<PathValue> part = eval(a, env);
                        v = part.isEmpty() ? null : PathValue.join(v, part.get(0));
                    }
                    add(out, v);
                }
            }
            case "join" -> {
                if (TSNodes.type(object).equals("string")) {
                    args.stream().findFirst().ifPresent(a -> eval(a, env, depth + 1, out));
                }
            }
            case "with_name" -> {
                List<PathValue> part = args.isEmpty() ? List.of() : eval(args.get(0), env);
                for (PathValue v : eval(object, env)) {
                    if (!part.isEmpty()) {
                        add(out, PathValue.join(PathValue.parent(v), part.get(0)));
                    }
                }
            }
            default -> {}
        }
    }

    private void joinAll(List<TSNode> args, Env env, int depth, List<PathValue> out) {
        if (args.isEmpty()) {
            return;
        }
        List<PathValue> acc = eval(args.get(0), env);
        for (int i = 1; i < args.size() && !acc.isEmpty(); i++) {
            List<PathValue> part = eval(args.get(i), env);
            List<PathValue> next = new ArrayList<>();
            for (PathValue a : acc) {
                for (PathValue p : part) {
                    add(next, PathValue.join(a, p));
                }
            }
            acc = next;
        }
        acc.forEach(v -> add(out, v));
    }

    private PathValue words(List<TSNode> items, Env env, int depth) {
        List<PathValue> values = new ArrayList<>();
        for (TSNode item : items) {
            List<PathValue> v = eval(item, env);
            if (v.isEmpty()) {
                values.add(new PathValue.Text("?"));
            } else if (TSNodes.type(item).equals("list_splat") && v.get(0) instanceof PathValue.Words w) {
                values.addAll(w.items());
            } else {
                values.add(v.get(0));
                // further alternatives of the same item (a fallback chain) count as well
                for (int i = 1; i < v.size() && i < 4; i++) {
                    values.add(v.get(i));
                }
            }
        }
        return new PathValue.Words(values);
    }

    /** The positional arguments of an argument list, and the value of {@code args=}. */
    List<TSNode> positional(TSNode arguments) {
        List<TSNode> out = new ArrayList<>();
        if (TSNodes.isNull(arguments)) {
            return out;
        }
        if (TSNodes.type(arguments).equals("generator_expression")) {
            out.add(arguments);
            return out;
        }
        for (TSNode a : namedChildren(arguments)) {
            String t = TSNodes.type(a);
            if (t.equals("keyword_argument")) {
                String k = src.of(TSNodes.field(a, "name"));
                if (k.equals("args") || k.equals("executable")) {
                    out.add(TSNodes.field(a, "value"));
                }
            } else if (!t.equals("dictionary_splat") && !t.equals("comment")) {
                out.add(a);
            }
        }
        return out;
    }

    static List<TSNode> namedChildren(TSNode node) {
        return dev.graphmemory.indexer.lang.Nodes.named(node);
    }

    private static void add(List<PathValue> out, PathValue v) {
        if (v != null && out.size() < MAX_VALUES) {
            out.add(v);
        }
    }
}
