package dev.graphmemory.indexer.lang.python;

import dev.graphmemory.indexer.lang.CodeText;
import dev.graphmemory.indexer.lang.SourceText;
import dev.graphmemory.indexer.model.EdgeRow;
import dev.graphmemory.indexer.model.NodeRow;
import dev.graphmemory.queries.schema.Keys;
import dev.graphmemory.queries.schema.NodeType;
import dev.graphmemory.queries.schema.RelType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the class and function rows of one Python file from the text of their headers. */
final class PythonRows {
    private final String path;
    private final String dotted;
    private final SourceText src;
    private final Set<String> keys = PythonFileParser.newKeySet();
    private final List<NodeRow> nodes = new ArrayList<>();
    private final List<EdgeRow> edges = new ArrayList<>();
    private final List<PythonFacts.ClassFact> classes = new ArrayList<>();
    private final List<PythonFacts.FunctionFact> functions = new ArrayList<>();

    /** A function whose node is written once its body (its calls) has been read. */
    record Function(String key, String name, String owner, Map<String, Object> props, String declaredBy) {}

    PythonRows(String path, String dotted, SourceText src) {
        this.path = path;
        this.dotted = dotted;
        this.src = src;
    }

    String addClass(
            String wanted,
            String name,
            String local,
            String header,
            List<String> decorators,
            int start,
            int end,
            String declaredBy) {
        String key = PythonFileParser.unique(keys, wanted);
        List<String> bases = new ArrayList<>();
        int open = header.indexOf('(');
        int close = header.lastIndexOf(')');
        if (open >= 0 && close > open) {
            for (String b : splitTopLevel(header.substring(open + 1, close))) {
                String base = PythonNames.WHITESPACE.matcher(b).replaceAll(" ").strip();
                if (!base.isEmpty() && !base.startsWith("*") && !topLevelContains(base, '=')) {
                    bases.add(base);
                }
            }
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(Keys.NAME, name);
        p.put(Keys.QUALIFIED_NAME, dotted + "." + local);
        p.put(Keys.KIND, "class");
        p.put(Keys.PATH, path);
        p.put(Keys.LINE_START, src.lineOfByte(start));
        p.put(Keys.LINE_END, src.lineOfByte(Math.max(start, end - 1)));
        p.put("bases", bases);
        p.put("decorators", decorators);
        NodeRow row = NodeRow.of(NodeType.CLASS, key, p);
        nodes.add(row);
        edges.add(EdgeRow.of(RelType.DECLARES, declaredBy, row.id()));
        classes.add(new PythonFacts.ClassFact(key, local, bases));
        return key;
    }

    Function function(
            String owner,
            String name,
            String paramsText,
            PythonCalls.ClassCtx cls,
            String header,
            List<String> decorators,
            int start,
            int end,
            String declaredBy) {
        List<String> parameters = parameterNames(paramsText);
        String key = PythonFileParser.unique(keys, owner + "#" + name + "(" + String.join(",", parameters) + ")");
        String signature =
                PythonNames.WHITESPACE.matcher(header).replaceAll(" ").strip();
        if (signature.endsWith(":")) {
            signature = signature.substring(0, signature.length() - 1).strip();
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(Keys.NAME, name);
        p.put(Keys.QUALIFIED_NAME, dotted + "." + (cls == null ? "" : cls.localName() + ".") + name);
        p.put(Keys.KIND, cls == null ? "function" : "method");
        p.put(Keys.SIGNATURE, signature);
        p.put("parameters", parameters);
        p.put("decorators", decorators);
        p.put(Keys.PATH, path);
        p.put(Keys.LINE_START, src.lineOfByte(start));
        p.put(Keys.LINE_END, src.lineOfByte(Math.max(start, end - 1)));
        return new Function(key, name, cls == null ? null : cls.localName(), p, declaredBy);
    }

    void finish(Function f, Set<String> calls) {
        Map<String, Object> p = new LinkedHashMap<>(f.props());
        p.put(Keys.CALLS, List.copyOf(calls));
        NodeRow row = NodeRow.of(NodeType.FUNCTION, f.key(), p);
        nodes.add(row);
        edges.add(EdgeRow.of(RelType.DECLARES, f.declaredBy(), row.id()));
        functions.add(new PythonFacts.FunctionFact(f.key(), f.name(), f.owner(), List.copyOf(calls)));
    }

    /** Parameter names as written, without annotations and defaults: {@code self, x, *args, **kw}. */
    static List<String> parameterNames(String paramsText) {
        String inner = paramsText.strip();
        if (inner.startsWith("(") && inner.endsWith(")")) {
            inner = inner.substring(1, inner.length() - 1);
        }
        List<String> out = new ArrayList<>();
        for (String p : splitTopLevel(inner)) {
            String s = PythonNames.COMMENT.matcher(p).replaceAll("").strip();
            int colon = indexTopLevel(s, ':');
            int eq = indexTopLevel(s, '=');
            int cut = colon >= 0 && (eq < 0 || colon < eq) ? colon : eq;
            String name = PythonNames.WHITESPACE
                    .matcher(cut >= 0 ? s.substring(0, cut) : s)
                    .replaceAll("");
            if (!name.isEmpty()) {
                out.add(name);
            }
        }
        return out;
    }

    /** Splits on commas outside brackets and strings. */
    static List<String> splitTopLevel(String s) {
        return CodeText.splitTopLevel(s);
    }

    private static int indexTopLevel(String s, char wanted) {
        return CodeText.indexTopLevel(s, wanted);
    }

    private static boolean topLevelContains(String s, char c) {
        return indexTopLevel(s, c) >= 0;
    }

    List<NodeRow> nodes() {
        return nodes;
    }

    List<EdgeRow> edges() {
        return edges;
    }

    List<PythonFacts.ClassFact> classes() {
        return classes;
    }

    List<PythonFacts.FunctionFact> functions() {
        return functions;
    }
}
