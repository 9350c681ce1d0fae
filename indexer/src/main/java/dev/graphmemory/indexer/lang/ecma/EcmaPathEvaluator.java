package dev.graphmemory.indexer.lang.ecma;

import dev.graphmemory.indexer.lang.Nodes;
import dev.graphmemory.indexer.lang.PathValue;
import dev.graphmemory.indexer.lang.SourceText;
import dev.graphmemory.indexer.lang.TreeQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.treesitter.TSNode;

/**
 * Evaluates JavaScript and TypeScript expressions that build paths and command lines, statically:
 * {@code __dirname}, {@code __filename}, {@code import.meta.url}, {@code path.join},
 * {@code path.resolve}, {@code path.dirname}, {@code new URL(rel, import.meta.url)},
 * {@code fileURLToPath}, template literals, {@code +}, arrays and names bound by {@code const}/
 * {@code let} declarations of the file. Anything else is unknown.
 */
final class EcmaPathEvaluator {
    private static final int MAX_DEPTH = 10;

    private final SourceText src;
    private final TSNode root;
    private final TreeQuery declarations;
    private final Function<String, String> canonical;
    private Map<String, List<TSNode>> names;
    private int nesting;

    EcmaPathEvaluator(SourceText src, TSNode root, TreeQuery declarations, Function<String, String> canonical) {
        this.src = src;
        this.root = root;
        this.declarations = declarations;
        this.canonical = canonical;
    }

    List<PathValue> eval(TSNode node) {
        List<PathValue> out = new ArrayList<>();
        if (node == null || node.isNull() || nesting > MAX_DEPTH) {
            return out;
        }
        nesting++;
        try {
            evalInto(node, out);
        } finally {
            nesting--;
        }
        return out;
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
            case "parenthesized_expression", "await_expression", "as_expression", "non_null_expression" ->
                out.addAll(eval(Nodes.named(node).get(0)));
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
                        items.add(v.get(0));
                    }
                }
                out.add(new PathValue.Words(items));
            }
            case "binary_expression" -> {
                if (src.of(node.getChildByFieldName("operator")).equals("+")) {
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
            case "require.resolve" ->
                args.stream().findFirst().ifPresent(a -> eval(a).forEach(v -> {
                    PathValue p = PathValue.join(PathValue.fileDir(), v);
                    if (p != null) {
                        out.add(p);
                    }
                }));
            default -> {}
        }
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
