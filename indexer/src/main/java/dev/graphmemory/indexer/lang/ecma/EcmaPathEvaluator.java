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
        if (node == null || node.isNull() || nesting > MAX_DEPTH || ++steps > MAX_STEPS) {
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
        switch (node.getType()) {
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
                            item.getType().equals("spread_element")
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
                out.addAll(eval(node.getChildByFieldName("consequence")));
                out.addAll(eval(node.getChildByFieldName("alternative")));
            }
            case "binary_expression" -> {
                String operator = src.of(node.getChildByFieldName("operator"));
                if (operator.equals("||") || operator.equals("??")) {
                    out.addAll(eval(node.getChildByFieldName("left")));
                    out.addAll(eval(node.getChildByFieldName("right")));
                } else if (operator.equals("+")) {
                    for (PathValue l : eval(node.getChildByFieldName("left"))) {
                        for (PathValue r : eval(node.getChildByFieldName("right"))) {
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
            if (part.getType().equals("template_substitution")) {
                List<PathValue> v = eval(Nodes.named(part).get(0));
                parts.add(v.isEmpty() ? null : v.get(0));
            } else {
                parts.add(new PathValue.Text(src.of(part)));
            }
        }
        return PathValue.concat(parts);
    }

    private void call(TSNode node, List<PathValue> out) {
        String callee =
                canonical.apply(src.of(node.getChildByFieldName("function")).replaceAll("\\s+", ""));
        List<TSNode> args = Nodes.named(node.getChildByFieldName("arguments"));
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
                TSNode function = node.getChildByFieldName("function");
                if (function.getType().equals("identifier")) {
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
        if (fn == null || activeHelpers.size() >= MAX_HELPERS || !activeHelpers.add(fn.getStartByte())) {
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
                TSNode given = i < args.size() && !args.get(i).getType().equals("spread_element") ? args.get(i) : null;
                frame.put(src.of(name), given != null ? eval(given) : dflt != null ? eval(dflt) : List.of());
            }
            TSNode body = fn.getChildByFieldName("body");
            List<TSNode> returns = new ArrayList<>();
            if (body != null && !body.isNull() && !body.getType().equals("statement_block")) {
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
            activeHelpers.remove(fn.getStartByte());
        }
    }

    private List<TSNode> parameters(TSNode fn) {
        TSNode params = fn.getChildByFieldName("parameters");
        if (params != null && !params.isNull()) {
            return Nodes.named(params);
        }
        TSNode one = fn.getChildByFieldName("parameter"); // x => ...
        return one == null || one.isNull() ? List.of() : List.of(one);
    }

    /** The identifier a parameter binds ({@code x}, {@code x = d}, TypeScript's {@code x: T = d}), or null. */
    private static TSNode paramName(TSNode p) {
        TSNode n =
                switch (p.getType()) {
                    case "identifier" -> p;
                    case "assignment_pattern" -> p.getChildByFieldName("left");
                    case "required_parameter", "optional_parameter" -> p.getChildByFieldName("pattern");
                    default -> null;
                };
        return n == null || n.isNull() || !n.getType().equals("identifier") ? null : n;
    }

    private static TSNode paramDefault(TSNode p) {
        TSNode d =
                switch (p.getType()) {
                    case "assignment_pattern" -> p.getChildByFieldName("right");
                    case "required_parameter", "optional_parameter" -> p.getChildByFieldName("value");
                    default -> null;
                };
        return d == null || d.isNull() ? null : d;
    }

    /** The expressions of the {@code return} statements under {@code node}, not inside nested functions. */
    private static void returns(TSNode node, List<TSNode> out) {
        if (node == null || node.isNull() || out.size() >= 16) {
            return;
        }
        for (TSNode c : Nodes.named(node)) {
            if (c.getType().equals("return_statement")) {
                if (c.getNamedChildCount() > 0) {
                    out.add(c.getNamedChild(0));
                }
            } else if (!FUNCTION_TYPES.contains(c.getType())) {
                returns(c, out);
            }
        }
    }

    /** The file's functions by name: declarations, and {@code const f = () => ...}/{@code function () {...}}. */
    private Map<String, TSNode> functions() {
        if (functions == null) {
            functions = new HashMap<>();
            names().forEach((name, values) -> values.stream()
                    .filter(v -> v.getType().equals("arrow_function")
                            || v.getType().equals("function_expression")
                            || v.getType().equals("function"))
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
            if (c.getType().equals("function_declaration")) {
                TSNode name = c.getChildByFieldName("name");
                if (name != null && !name.isNull()) {
                    out.put(src.of(name), c);
                }
            }
            declarations(c, out, depth + 1);
        }
    }

    /** Whether {@code name} is bound to {@code promisify(runner)} ({@code util.promisify(execFile)}). */
    boolean promisifiedRunner(String name) {
        for (TSNode value : names().getOrDefault(name, List.of())) {
            if (value.getType().equals("call_expression")) {
                String fn = canonical.apply(src.of(value.getChildByFieldName("function")));
                List<TSNode> args = Nodes.named(value.getChildByFieldName("arguments"));
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
        String ctor = src.of(node.getChildByFieldName("constructor"));
        TSNode argsNode = node.getChildByFieldName("arguments");
        List<TSNode> args = argsNode == null || argsNode.isNull() ? List.of() : Nodes.named(argsNode);
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
