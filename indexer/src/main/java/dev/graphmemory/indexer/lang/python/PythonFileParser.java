package dev.graphmemory.indexer.lang.python;

import dev.graphmemory.indexer.lang.ModuleNodes;
import dev.graphmemory.indexer.lang.ParseProblems;
import dev.graphmemory.indexer.lang.SourceText;
import dev.graphmemory.indexer.lang.TreeQuery;
import dev.graphmemory.indexer.model.FileResult;
import dev.graphmemory.indexer.model.NodeRow;
import dev.graphmemory.queries.schema.NodeType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * Turns one Python syntax tree into the module, class and function nodes of the file and the
 * facts the linker needs. One instance per file; not thread-safe.
 *
 * <p>Design notes: one tree-sitter query ({@link #QUERY}) collects the statements that matter;
 * they are replayed in document order against a stack of enclosing classes, functions,
 * {@code try} blocks and {@code if TYPE_CHECKING:} blocks, so nesting comes from byte ranges
 * rather than from walking the tree node by node (see {@link TreeQuery} for why). A function
 * nested in a function is folded into the outer one: its calls count as the outer function's.
 */
final class PythonFileParser {
    static final String QUERY = """
            (import_statement) @import
            (import_from_statement) @import
            (class_definition name: (identifier) @name body: (block) @body) @class
            (function_definition name: (identifier) @name parameters: (parameters) @params body: (block) @body) @function
            (decorated_definition) @decorated
            (decorator) @decorator
            (call arguments: (_) @args) @call
            (if_statement condition: (_) @condition consequence: (block) @body) @if
            (try_statement) @try
            """;

    private final String path;
    private final SourceText src;
    private final String dotted;
    private final String keyPrefix;
    private final String moduleId;
    private final PythonRows rows;
    private final List<String> entryKinds = new ArrayList<>();
    private final List<PythonFacts.Import> imports = new ArrayList<>();
    private final Map<String, String> aliases = new HashMap<>();
    private final PythonCalls calls;
    private final Deque<Open> stack = new ArrayDeque<>();
    private final List<int[]> decorated = new ArrayList<>();
    private final List<TreeQuery.Capture> decorators = new ArrayList<>();

    /** An enclosing block: a class, a function, a try or TYPE_CHECKING block; ends at {@code end}. */
    private record Open(String kind, int end, PythonCalls.ClassCtx cls, PythonCalls.FuncCtx fn) {}

    PythonFileParser(String path, String text) {
        this.path = path;
        this.src = new SourceText(text);
        this.dotted = PythonNames.pathDotted(path);
        this.keyPrefix = PythonNames.stub(path) ? "pyi:" + dotted : dotted;
        this.moduleId = ModuleNodes.id(path);
        this.rows = new PythonRows(path, dotted, src);
        this.calls = new PythonCalls(src, this::canonical);
    }

    FileResult parse(TSNode root, TreeQuery query, String hash) {
        String problem = ParseProblems.first(root, src);
        calls.setModule(root);
        String byName = PythonNames.entryKindByName(path);
        if (byName != null) {
            entryKinds.add(byName);
        }
        if (src.text().startsWith("#!")
                && src.text().lines().findFirst().orElse("").contains("python")) {
            entryKinds.add("shebang");
        }
        if (PythonWiring.servesApplication(src.text())) {
            entryKinds.add("server_app");
        }
        List<TreeQuery.Match> matches = new ArrayList<>(query.matches(root));
        matches.sort(Comparator.comparingInt((TreeQuery.Match m) -> m.first().start())
                .thenComparing(m -> -m.first().end()));
        for (TreeQuery.Match m : matches) {
            replay(m);
        }
        while (!stack.isEmpty()) {
            close(stack.pop());
        }
        boolean test = PythonNames.test(path);
        Map<String, Object> extra = new LinkedHashMap<>();
        if (PythonNames.stub(path)) {
            extra.put("stub", true);
        }
        List<NodeRow> all = new ArrayList<>();
        all.add(ModuleNodes.module(path, "python", dotted, src, hash, test, problem, entryKinds, extra));
        all.addAll(rows.nodes());
        PythonFacts facts = new PythonFacts(
                path,
                PythonNames.stub(path),
                test,
                imports,
                aliases,
                rows.classes(),
                rows.functions(),
                calls.invocations(),
                calls.launchers(),
                calls.pathCalls(),
                path.endsWith("setup.py") ? PythonProjectFiles.entrySpecs(src.text()) : List.of(),
                PythonNames.stub(path) ? List.of() : PythonWiring.fromSource(src.text()));
        return new FileResult(path, all, rows.edges(), facts, problem == null, problem);
    }

    private void replay(TreeQuery.Match m) {
        TreeQuery.Capture outer = m.first();
        while (!stack.isEmpty() && stack.peek().end() <= outer.start()) {
            close(stack.pop());
        }
        switch (outer.name()) {
            case "import" -> importStatement(outer);
            case "class" -> classDef(m);
            case "function" -> functionDef(m);
            case "decorated" -> decorated.add(new int[] {outer.start(), outer.end()});
            case "decorator" -> decorators.add(outer);
            case "call" -> call(m);
            case "if" -> ifStatement(m);
            case "try" -> stack.push(new Open("try", outer.end(), null, null));
            default -> {}
        }
    }

    private PythonCalls.FuncCtx function() {
        PythonCalls.FuncCtx fn = null;
        for (Open o : stack) {
            if (o.fn() != null) {
                fn = o.fn(); // the outermost function: iteration runs from the innermost block out
            }
        }
        return fn;
    }

    private PythonCalls.ClassCtx enclosingClass() {
        for (Open o : stack) {
            if (o.cls() != null) {
                return o.cls();
            }
        }
        return null;
    }

    private boolean inside(String kind) {
        return stack.stream().anyMatch(o -> o.kind().equals(kind));
    }

    private void importStatement(TreeQuery.Capture c) {
        PythonImportText.Statement s = PythonImportText.parse(src.between(c.start(), c.end()));
        boolean tc = inside("type_checking");
        boolean inTry = inside("try");
        boolean lazy = function() != null;
        int line = src.lineOfByte(c.start());
        if (!s.from()) {
            for (PythonImportText.Name n : s.names()) {
                if (n.alias() != null) {
                    aliases.put(n.alias(), n.name());
                } else {
                    String first = n.name().contains(".")
                            ? n.name().substring(0, n.name().indexOf('.'))
                            : n.name();
                    aliases.putIfAbsent(first, first);
                }
                imports.add(new PythonFacts.Import(n.name(), 0, List.of(), tc, inTry, lazy, line));
            }
            return;
        }
        if (s.module().equals("__future__")) {
            return;
        }
        String prefix = ".".repeat(s.level()) + s.module();
        List<String> names = new ArrayList<>();
        for (PythonImportText.Name n : s.names()) {
            names.add(n.name());
            if (!n.name().equals("*")) {
                aliases.put(n.alias() != null ? n.alias() : n.name(), prefix + ":" + n.name());
            }
        }
        imports.add(new PythonFacts.Import(s.module(), s.level(), names, tc, inTry, lazy, line));
    }

    private void classDef(TreeQuery.Match m) {
        TreeQuery.Capture c = m.first();
        if (function() != null) {
            return; // a class inside a function: folded into the function
        }
        PythonCalls.ClassCtx outer = enclosingClass();
        String name = src.between(m.get("name").start(), m.get("name").end());
        String local = outer == null ? name : outer.localName() + "." + name;
        TreeQuery.Capture body = m.get("body");
        String header = src.between(c.start(), body.start());
        String key = rows.addClass(
                keyPrefix + "." + local,
                name,
                local,
                header,
                decoratorsOf(c),
                c.start(),
                c.end(),
                outer == null ? moduleId : NodeType.CLASS.id(outer.key()));
        stack.push(new Open("class", c.end(), new PythonCalls.ClassCtx(key, local, body.node()), null));
    }

    private void functionDef(TreeQuery.Match m) {
        TreeQuery.Capture c = m.first();
        if (function() != null) {
            return; // nested function: folded into the enclosing one
        }
        PythonCalls.ClassCtx cls = enclosingClass();
        String name = src.between(m.get("name").start(), m.get("name").end());
        String params = src.between(m.get("params").start(), m.get("params").end());
        String owner = cls == null ? keyPrefix : cls.key();
        PythonRows.Function f = rows.function(
                owner,
                name,
                params,
                cls,
                src.between(c.start(), m.get("body").start()),
                decoratorsOf(c),
                c.start(),
                c.end(),
                cls == null ? moduleId : NodeType.CLASS.id(cls.key()));
        stack.push(new Open("function", c.end(), cls, new PythonCalls.FuncCtx(f.key(), name, cls, c.node(), f)));
    }

    private void close(Open open) {
        if (open.fn() != null) {
            rows.finish(open.fn().row(), open.fn().calls());
        }
    }

    private List<String> decoratorsOf(TreeQuery.Capture def) {
        int from = -1;
        for (int[] d : decorated) {
            if (d[1] == def.end() && d[0] < def.start()) {
                from = d[0];
            }
        }
        List<String> out = new ArrayList<>();
        if (from < 0) {
            return out;
        }
        for (TreeQuery.Capture d : decorators) {
            if (d.start() >= from && d.end() <= def.start()) {
                out.add(PythonNames.WHITESPACE
                        .matcher(src.between(d.start(), d.end()))
                        .replaceAll(" ")
                        .replaceFirst("^@\\s*", ""));
            }
        }
        return out;
    }

    private void call(TreeQuery.Match m) {
        TreeQuery.Capture c = m.first();
        TreeQuery.Capture args = m.get("args");
        String written = dev.graphmemory.indexer.lang.CodeText.calleeText(src.between(c.start(), args.start()));
        calls.call(
                c.node(),
                args.node(),
                written,
                args.end() - args.start() > 2,
                function(),
                enclosingClass(),
                src.lineOfByte(c.start()),
                src.between(args.start(), args.end()));
    }

    private void ifStatement(TreeQuery.Match m) {
        TreeQuery.Capture condition = m.get("condition");
        String cond = PythonNames.WHITESPACE
                .matcher(src.between(condition.start(), condition.end()))
                .replaceAll("");
        if (cond.equals("TYPE_CHECKING") || cond.endsWith(".TYPE_CHECKING")) {
            stack.push(new Open("type_checking", m.get("body").end(), null, null));
        }
        String c = cond.replace('\'', '"');
        boolean mainGuard = c.equals("__name__==\"__main__\"") || c.equals("\"__main__\"==__name__");
        if (mainGuard && function() == null && enclosingClass() == null && !entryKinds.contains("main_guard")) {
            entryKinds.add(0, "main_guard");
        }
    }

    /** {@code subprocess.run} for {@code sp.run} after {@code import subprocess as sp}. */
    String canonical(String written) {
        int dot = written.indexOf('.');
        String first = dot < 0 ? written : written.substring(0, dot);
        String target = aliases.get(first);
        if (target == null || target.startsWith(".")) {
            return written;
        }
        String resolved = target.replace(':', '.');
        return dot < 0 ? resolved : resolved + written.substring(dot);
    }

    /** Keys already used in this file. */
    static String unique(Set<String> keys, String key) {
        String k = key;
        for (int i = 2; !keys.add(k); i++) {
            k = key + "~" + i;
        }
        return k;
    }

    static Set<String> newKeySet() {
        return new HashSet<>();
    }
}
