package dev.graphmemory.indexer.lang.ecma;

import dev.graphmemory.indexer.lang.Nodes;
import dev.graphmemory.indexer.lang.PathValue;
import dev.graphmemory.indexer.lang.SourceText;
import dev.graphmemory.indexer.lang.TreeQuery;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.treesitter.TSNode;
import org.treesitter.TSNodes;

/**
 * Evaluates JavaScript and TypeScript expressions that build paths and command lines, statically:
 * {@code __dirname}, {@code __filename}, {@code import.meta.url}, {@code path.join},
 * {@code path.resolve}, {@code path.dirname}, {@code new URL(rel, import.meta.url)},
 * {@code fileURLToPath}, {@code require.resolve}, template literals, {@code +}, arrays, names bound
 * by {@code const}/{@code let}/{@code var} declarations of the file, and calls of the file's own
 * helper functions ({@code function f() {...}}, {@code const f = () => ...}): their {@code return}
 * values with the call's arguments bound to their parameters. Anything else is unknown.
 *
 * <p>Helpers are followed {@value #MAX_HELPERS} calls deep and never into one already being
 * evaluated, so a recursive helper ends at once; one step budget covers a whole evaluation.
 */
final class EcmaPathEvaluator {
    private static final int MAX_DEPTH = 10;
    private static final int MAX_STEPS = 2000;
    private static final int MAX_VALUES = 24;
    /** How many helper calls deep values are followed. */
    static final int MAX_HELPERS = 2;

    private static final Set<String> FUNCTION_TYPES = Set.of(
            "function_declaration",
            "function_expression",
            "arrow_function",
            "generator_function_declaration",
            "method_definition",
            "class_declaration",
            "class");

    private final SourceText src;
    private final TSNode root;
    private final TreeQuery declarations;
    private final Function<String, String> canonical;
    private Map<String, List<TSNode>> names;
    private Map<String, TSNode> functions;
    private int nesting;
    private int steps;
    private final Deque<Map<String, List<PathValue>>> frames = new ArrayDeque<>();
    private final Set<Integer> activeHelpers = new HashSet<>();

    EcmaPathEvaluator(SourceText src, TSNode root, TreeQuery declarations, Function<String, String> canonical) {
        this.src = src;
        this.root = root;
        this.declarations = declarations;
        this.canonical = canonical;
    }

    List<PathValue> eval(TSNode node) {
        List<PathValue> out = new ArrayList<>();
        if (nesting == 0) {
            steps = 0;
        }
        if (TSNodes.isNull(node) || nesting > MAX_DEPTH || ++steps > MAX_STEPS) {
            return out;
        }
        nesting++;
        try {
            evalInto(node, out);
        } finally {
            nesting--;
        }
        return out.size() > MAX_VALUES ? new ArrayList<>(out.subList(0, MAX_VALUES)) : out;
    }

    private void evalInto(TSNode node, List<PathValue> out) {
        String text = src.of(node);
        switch (TSNodes.type(node)) {
            case "string" ->
                out.add(new PathValue.Text(text.length() >= 2 ? text.substring(1, text.length() - 1) : ""));
            case "template_string" -> out.add(template(node));
            case "identifier" -> identifier(text, out);
            case "member_expression" -> {
                if (text.equals("import.meta.url") || text.equals("import.meta.filename")) {
                    out.add(PathValue.file());
                } else if (text.equals("import.meta.dirname")) {
                    out.add(PathValue.fileDir());
                }
            }
            case "parenthesized_expression",
                    "await_expression",
                    "as_expression",
                    "non_null_expression",
                    "satisfies_expression" -> out.addAll(eval(Nodes.named(node).get(0)));
            case "array" -> {
                List<PathValue> items = new ArrayList<>();
                for (TSNode item : Nodes.named(node)) {
                    List<PathValue> v = eval(
                            TSNodes.type(item).equals("spread_element")
                                    ? Nodes.named(item).get(0)
                                    : item);
                    if (v.isEmpty()) {
                        items.add(new PathValue.Text("?"));
                    } else if (v.get(0) instanceof PathValue.Words w) {
                        items.addAll(w.items());
                    } else {
                        // further alternatives of the item (a fallback, a helper's other return) count as well
                        items.addAll(v.subList(0, Math.min(v.size(), 4)));
                    }
                }
                out.add(new PathValue.Words(items));
            }
            case "ternary_expression" -> {
                out.addAll(eval(TSNodes.field(node, "consequence")));
                out.addAll(eval(TSNodes.field(node, "alternative")));
            }
            case "binary_expression" -> {
                String operator = src.of(TSNodes.field(node, "operator"));
                if (operator.equals("||") || operator.equals("??")) {
                    out.addAll(eval(TSNodes.field(node, "left")));
                    out.addAll(eval(TSNodes.field(node, "right")));
                } else if (operator.equals("+")) {
                    for (PathValue l : eval(TSNodes.field(node, "left"))) {
                        for (PathValue r : eval(TSNodes.field(node, "right"))) {
                            out.add(PathValue.concat(List.of(l, r)));
                        }
                    }
                }
            }
            case "call_expression" -> call(node, out);
            case "new_expression" -> newExpression(node, out);
            default -> {}
        }
    }

    private void identifier(String name, List<PathValue> out) {
        switch (name) {
            case "__dirname" -> out.add(PathValue.fileDir());
            case "__filename" -> out.add(PathValue.file());
            default -> {
                Map<String, List<PathValue>> frame = frames.peek();
                if (frame != null && frame.containsKey(name)) {
                    out.addAll(frame.get(name));
                    return;
                }
                for (TSNode value : names().getOrDefault(name, List.of())) {
                    out.addAll(eval(value));
                }
            }
        }
    }

    private PathValue template(TSNode node) {
        List<PathValue> parts = new ArrayList<>();
        for (TSNode part : Nodes.named(node)) {
            if (TSNodes.type(part).equals("template_substitution")) {
                List<PathValue> v = eval(Nodes.named(part).get(0));
                parts.add(v.isEmpty() ? null : v.get(0));
            } else {
                parts.add(new PathValue.Text(src.of(part)));
            }
        }
        return PathValue.concat(parts);
    }

    private void call(TSNode node, List<PathValue> out) {
        String callee = canonical.apply(src.of(TSNodes.field(node, "function")).replaceAll("\\s+", ""));
        List<TSNode> args = Nodes.named(TSNodes.field(node, "arguments"));
        switch (callee.replace("path.posix.", "path.")) {
            case "path.join", "path.resolve" -> {
                List<PathValue> acc = args.isEmpty() ? List.of() : eval(args.get(0));
                for (int i = 1; i < args.size() && !acc.isEmpty(); i++) {
                    List<PathValue> next = new ArrayList<>();
                    for (PathValue a : acc) {
                        for (PathValue p : eval(args.get(i))) {
                            PathValue j = PathValue.join(a, p);
                            if (j != null) {
                                next.add(j);
                            }
                        }
                    }
                    acc = next;
                }
                out.addAll(acc);
            }
            case "path.dirname" ->
                args.stream().findFirst().ifPresent(a -> eval(a).forEach(v -> {
                    PathValue p = PathValue.parent(v);
                    if (p != null) {
                        out.add(p);
                    }
                }));
            case "url.fileURLToPath", "fileURLToPath", "String", "path.normalize" ->
                args.stream().findFirst().ifPresent(a -> out.addAll(eval(a)));
            case "process.cwd" -> out.add(PathValue.cwd());
            case "path.basename", "path.extname", "path.relative" -> {}
            case "require.resolve" ->
                args.stream().findFirst().ifPresent(a -> eval(a).forEach(v -> {
                    PathValue p = PathValue.join(PathValue.fileDir(), v);
                    if (p != null) {
                        out.add(p);
                    }
                }));
            default -> {
                TSNode function = TSNodes.field(node, "function");
                if (TSNodes.type(function).equals("identifier")) {
                    helper(functions().get(src.of(function)), args, out);
                }
            }
        }
    }

    /**
     * The values a helper function of this file returns for a call: its {@code return} expressions
     * (or an arrow function's expression body) with the call's arguments bound to its parameters
     * (a parameter the call does not give takes its default, else no value).
     */
    private void helper(TSNode fn, List<TSNode> args, List<PathValue> out) {
        if (fn == null || activeHelpers.size() >= MAX_HELPERS || !activeHelpers.add(TSNodes.start(fn))) {
            return;
        }
        try {
            Map<String, List<PathValue>> frame = new HashMap<>();
            List<TSNode> params = parameters(fn);
            for (int i = 0; i < params.size(); i++) {
                TSNode p = params.get(i);
                TSNode name = paramName(p);
                if (name == null) {
                    continue;
                }
                TSNode dflt = paramDefault(p);
                TSNode given =
                        i < args.size() && !TSNodes.type(args.get(i)).equals("spread_element") ? args.get(i) : null;
                frame.put(src.of(name), given != null ? eval(given) : dflt != null ? eval(dflt) : List.of());
            }
            TSNode body = TSNodes.field(fn, "body");
            List<TSNode> returns = new ArrayList<>();
            if (!TSNodes.isNull(body) && !TSNodes.type(body).equals("statement_block")) {
                returns.add(body);
            } else {
                returns(body, returns);
            }
            frames.push(frame);
            try {
                for (TSNode r : returns) {
                    out.addAll(eval(r));
                }
            } finally {
                frames.pop();
            }
        } finally {
            activeHelpers.remove(TSNodes.start(fn));
        }
    }

    private List<TSNode> parameters(TSNode fn) {
        TSNode params = TSNodes.field(fn, "parameters");
        if (!TSNodes.isNull(params)) {
            return Nodes.named(params);
        }
        TSNode one = TSNodes.field(fn, "parameter"); // x => ...
        return TSNodes.isNull(one) ? List.of() : List.of(one);
    }

    /** The identifier a parameter binds ({@code x}, {@code x = d}, TypeScript's {@code x: T = d}), or null. */
    private static TSNode paramName(TSNode p) {
        TSNode n =
                switch (TSNodes.type(p)) {
                    case "identifier" -> p;
                    case "assignment_pattern" -> TSNodes.field(p, "left");
                    case "required_parameter", "optional_parameter" -> TSNodes.field(p, "pattern");
                    default -> null;
                };
        return TSNodes.isNull(n) || !TSNodes.type(n).equals("identifier") ? null : n;
    }

    private static TSNode paramDefault(TSNode p) {
        TSNode d =
                switch (TSNodes.type(p)) {
                    case "assignment_pattern" -> TSNodes.field(p, "right");
                    case "required_parameter", "optional_parameter" -> TSNodes.field(p, "value");
                    default -> null;
                };
        return TSNodes.isNull(d) ? null : d;
    }

    /** The expressions of the {@code return} statements under {@code node}, not inside nested functions. */
    private static void returns(TSNode node, List<TSNode> out) {
        if (TSNodes.isNull(node) || out.size() >= 16) {
            return;
        }
        for (TSNode c : Nodes.named(node)) {
            if (TSNodes.type(c).equals("return_statement")) {
                if (TSNodes.namedCount(c) > 0) {
                    out.add(TSNodes.namedChild(c, 0));
                }
            } else if (!FUNCTION_TYPES.contains(TSNodes.type(c))) {
                returns(c, out);
            }
        }
    }

    /** The file's functions by name: declarations, and {@code const f = () => ...}/{@code function () {...}}. */
    private Map<String, TSNode> functions() {
        if (functions == null) {
            functions = new HashMap<>();
            names().forEach((name, values) -> values.stream()
                    .filter(v -> TSNodes.type(v).equals("arrow_function")
                            || TSNodes.type(v).equals("function_expression")
                            || TSNodes.type(v).equals("function"))
                    .findFirst()
                    .ifPresent(v -> functions.put(name, v)));
            declarations(root, functions, 0);
        }
        return functions;
    }

    private void declarations(TSNode node, Map<String, TSNode> out, int depth) {
        if (depth > 64) {
            return;
        }
        for (TSNode c : Nodes.named(node)) {
            if (TSNodes.type(c).equals("function_declaration")) {
                TSNode name = TSNodes.field(c, "name");
                if (!TSNodes.isNull(name)) {
                    out.put(src.of(name), c);
                }
            }
            declarations(c, out, depth + 1);
        }
    }

    /** Whether {@code name} is bound to {@code promisify(runner)} ({@code util.promisify(execFile)}). */
    boolean promisifiedRunner(String name) {
        for (TSNode value : names().getOrDefault(name, List.of())) {
            if (TSNodes.type(value).equals("call_expression")) {
                String fn = canonical.apply(src.of(TSNodes.field(value, "function")));
                List<TSNode> args = Nodes.named(TSNodes.field(value, "arguments"));
                if ((fn.equals("util.promisify") || fn.equals("promisify"))
                        && !args.isEmpty()
                        && EcmaRunners.RUNNERS.contains(canonical.apply(src.of(args.get(0))))) {
                    return true;
                }
            }
        }
        return false;
    }

    private void newExpression(TSNode node, List<PathValue> out) {
        String ctor = src.of(TSNodes.field(node, "constructor"));
        TSNode argsNode = TSNodes.field(node, "arguments");
        List<TSNode> args = TSNodes.isNull(argsNode) ? List.of() : Nodes.named(argsNode);
        if (ctor.equals("URL") && args.size() == 2 && src.of(args.get(1)).startsWith("import.meta.url")) {
            for (PathValue rel : eval(args.get(0))) {
                PathValue p = PathValue.join(PathValue.fileDir(), rel);
                if (p != null) {
                    out.add(p);
                }
            }
        }
    }

    private Map<String, List<TSNode>> names() {
        if (names == null) {
            names = new HashMap<>();
            for (TreeQuery.Match m : declarations.matches(root)) {
                TreeQuery.Capture name = m.get("name");
                TreeQuery.Capture value = m.get("value");
                names.computeIfAbsent(src.between(name.start(), name.end()), k -> new ArrayList<>())
                        .add(value.node());
            }
        }
        return names;
    }
}
