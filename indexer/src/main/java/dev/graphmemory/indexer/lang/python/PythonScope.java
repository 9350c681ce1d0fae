package dev.graphmemory.indexer.lang.python;

import dev.graphmemory.indexer.lang.SourceText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.treesitter.TSNode;
import org.treesitter.TSNodes;

/**
 * The names bound in one Python scope (module, class or function body) and the expressions bound
 * to them, for evaluating path expressions. Built on demand: most scopes are never asked.
 */
final class PythonScope {
    /** How a name is bound. */
    enum Kind {
        /** {@code name = expr}, {@code name := expr}. */
        ASSIGN,
        /** {@code for name in expr}: one element of {@code expr}. */
        ITER,
        /** A parameter; {@code node} is its default value or {@code null}. */
        PARAM
    }

    record Binding(Kind kind, TSNode node, int index) {}

    private final Map<String, List<Binding>> names = new HashMap<>();
    private final Map<String, TSNode> functions = new HashMap<>();
    private final List<TSNode> returns = new ArrayList<>();

    /** Every bound name with its bindings. */
    Map<String, List<Binding>> all() {
        return names;
    }

    /** The function defined under {@code name} directly in this scope (the last definition), or {@code null}. */
    TSNode function(String name) {
        return functions.get(name);
    }

    /** The expressions of this scope's {@code return} statements (for a function body). */
    List<TSNode> returns() {
        return returns;
    }

    List<Binding> lookup(String name) {
        return names.getOrDefault(name, List.of());
    }

    void bind(String name, Kind kind, TSNode node, int index) {
        List<Binding> list = names.computeIfAbsent(name, k -> new ArrayList<>());
        if (list.size() < 16) {
            list.add(new Binding(kind, node, index));
        }
    }

    /** The bindings of the statements under {@code body}, not descending into nested definitions. */
    static PythonScope of(TSNode body, SourceText src) {
        PythonScope scope = new PythonScope();
        scope.collect(body, src, false);
        return scope;
    }

    /** A class body's bindings, plus {@code self.x = ...} in its methods (as {@code self.x}). */
    static PythonScope ofClass(TSNode body, SourceText src) {
        PythonScope scope = new PythonScope();
        scope.collect(body, src, true);
        return scope;
    }

    private void collect(TSNode node, SourceText src, boolean classBody) {
        for (TSNode child : dev.graphmemory.indexer.lang.Nodes.named(node)) {
            String type = TSNodes.type(child);
            switch (type) {
                case "function_definition" -> {
                    TSNode name = TSNodes.field(child, "name");
                    if (!TSNodes.isNull(name)) {
                        functions.put(src.of(name), child);
                    }
                    if (classBody) {
                        TSNode body = TSNodes.field(child, "body");
                        if (!TSNodes.isNull(body)) {
                            collectSelf(body, src);
                        }
                    }
                }
                case "class_definition", "lambda" -> {}
                case "decorated_definition" -> collect(child, src, classBody);
                case "assignment" -> assign(child, src);
                case "return_statement" -> {
                    if (TSNodes.namedCount(child) > 0 && returns.size() < 16) {
                        returns.add(TSNodes.namedChild(child, 0));
                    }
                }
                case "named_expression" ->
                    bindIdentifier(TSNodes.field(child, "name"), Kind.ASSIGN, TSNodes.field(child, "value"), src);
                case "for_statement", "for_in_clause" -> {
                    bindIdentifier(TSNodes.field(child, "left"), Kind.ITER, TSNodes.field(child, "right"), src);
                    collect(child, src, classBody);
                }
                default -> collect(child, src, classBody);
            }
        }
    }

    private void assign(TSNode assignment, SourceText src) {
        TSNode right = TSNodes.field(assignment, "right");
        if (TSNodes.isNull(right)) {
            return;
        }
        TSNode value = right;
        while ("assignment".equals(TSNodes.type(value))) {
            assign(value, src);
            value = TSNodes.field(value, "right");
            if (TSNodes.isNull(value)) {
                return;
            }
        }
        bindIdentifier(TSNodes.field(assignment, "left"), Kind.ASSIGN, value, src);
        collect(right, src, false);
    }

    private void bindIdentifier(TSNode target, Kind kind, TSNode value, SourceText src) {
        if (TSNodes.isNull(target) || TSNodes.isNull(value)) {
            return;
        }
        String type = TSNodes.type(target);
        if (type.equals("identifier")) {
            bind(src.of(target), kind, value, 0);
        } else if (type.equals("attribute")) {
            String text = src.of(target);
            if (text.startsWith("self.") || text.startsWith("cls.")) {
                bind("self." + text.substring(text.indexOf('.') + 1), kind, value, 0);
            }
        }
    }

    private void collectSelf(TSNode node, SourceText src) {
        for (TSNode child : dev.graphmemory.indexer.lang.Nodes.named(node)) {
            String type = TSNodes.type(child);
            if (type.equals("assignment")) {
                TSNode left = TSNodes.field(child, "left");
                if (!TSNodes.isNull(left) && TSNodes.type(left).equals("attribute")) {
                    bindIdentifier(left, Kind.ASSIGN, TSNodes.field(child, "right"), src);
                }
            } else if (!type.equals("function_definition") && !type.equals("class_definition")) {
                collectSelf(child, src);
            }
        }
    }
}
