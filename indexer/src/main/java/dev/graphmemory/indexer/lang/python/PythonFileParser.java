package dev.graphmemory.indexer.lang.python;

import static dev.graphmemory.indexer.lang.python.PythonPathEvaluator.namedChildren;

import dev.graphmemory.indexer.lang.ModuleNodes;
import dev.graphmemory.indexer.lang.ParseProblems;
import dev.graphmemory.indexer.lang.SourceText;
import dev.graphmemory.indexer.model.EdgeRow;
import dev.graphmemory.indexer.model.FileResult;
import dev.graphmemory.indexer.model.NodeRow;
import dev.graphmemory.queries.schema.Keys;
import dev.graphmemory.queries.schema.NodeType;
import dev.graphmemory.queries.schema.RelType;
import java.util.ArrayList;
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
 */
final class PythonFileParser {
    private final String path;
    private final SourceText src;
    private final String dotted;
    private final String keyPrefix;
    private final String moduleId;
    private final List<NodeRow> nodes = new ArrayList<>();
    private final List<EdgeRow> edges = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();
    private final List<String> entryKinds = new ArrayList<>();
    final List<PythonFacts.Import> imports = new ArrayList<>();
    final Map<String, String> aliases = new HashMap<>();
    final List<PythonFacts.ClassFact> classes = new ArrayList<>();
    final List<PythonFacts.FunctionFact> functions = new ArrayList<>();
    private final PythonCalls calls;

    PythonFileParser(String path, String text) {
        this.path = path;
        this.src = new SourceText(text);
        this.dotted = PythonNames.pathDotted(path);
        this.keyPrefix = PythonNames.stub(path) ? "pyi:" + dotted : dotted;
        this.moduleId = ModuleNodes.id(path);
        this.calls = new PythonCalls(src, this::canonical);
    }

    /** Context of a statement: the enclosing class and function, and the guards around it. */
    record Ctx(PythonCalls.ClassCtx cls, PythonCalls.FuncCtx fn, boolean typeChecking, boolean inTry) {
        Ctx withTry() {
            return new Ctx(cls, fn, typeChecking, true);
        }
    }

    FileResult parse(TSNode root, String hash) {
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
        visit(root, new Ctx(null, null, false, false));
        boolean test = PythonNames.test(path);
        Map<String, Object> extra = new LinkedHashMap<>();
        if (PythonNames.stub(path)) {
            extra.put("stub", true);
        }
        NodeRow module = ModuleNodes.module(path, "python", dotted, src, hash, test, problem, entryKinds, extra);
        List<NodeRow> all = new ArrayList<>();
        all.add(module);
        all.addAll(nodes);
        PythonFacts facts = new PythonFacts(
                path,
                PythonNames.stub(path),
                test,
                imports,
                aliases,
                classes,
                functions,
                calls.invocations(),
                calls.launchers(),
                calls.pathCalls(),
                path.endsWith("setup.py") ? PythonProjectFiles.entrySpecs(src.text()) : List.of());
        return new FileResult(path, all, edges, facts, problem == null, problem);
    }

    private void visit(TSNode node, Ctx ctx) {
        int n = node.getNamedChildCount();
        for (int i = 0; i < n; i++) {
            visitNode(node.getNamedChild(i), ctx, List.of());
        }
    }

    private void visitNode(TSNode node, Ctx ctx, List<String> decorators) {
        switch (node.getType()) {
            case "import_statement" -> importPlain(node, ctx);
            case "import_from_statement" -> importFrom(node, ctx);
            case "class_definition" -> {
                if (ctx.fn() == null) {
                    classDef(node, ctx, decorators);
                } else {
                    visit(node, ctx);
                }
            }
            case "function_definition" -> {
                if (ctx.fn() == null) {
                    functionDef(node, ctx, decorators);
                } else {
                    visit(node, ctx);
                }
            }
            case "decorated_definition" -> decorated(node, ctx);
            case "if_statement" -> ifStatement(node, ctx);
            case "try_statement" -> visit(node, ctx.withTry());
            case "call" -> {
                calls.call(node, ctx);
                visit(node, ctx);
            }
            case "identifier",
                    "integer",
                    "float",
                    "comment",
                    "true",
                    "false",
                    "none",
                    "string_content",
                    "escape_sequence",
                    "string_start",
                    "string_end",
                    "dotted_name",
                    "keyword_separator",
                    "positional_separator" -> {}
            default -> visit(node, ctx);
        }
    }

    private void decorated(TSNode node, Ctx ctx) {
        List<String> decorators = new ArrayList<>();
        TSNode definition = null;
        for (TSNode c : namedChildren(node)) {
            if (c.getType().equals("decorator")) {
                decorators.add(collapse(src.of(c)).replaceFirst("^@\\s*", ""));
                visit(c, ctx);
            } else {
                definition = c;
            }
        }
        if (definition != null) {
            visitNode(definition, ctx, decorators);
        }
    }

    private void ifStatement(TSNode node, Ctx ctx) {
        TSNode condition = node.getChildByFieldName("condition");
        String cond =
                condition == null || condition.isNull() ? "" : src.of(condition).replaceAll("\\s+", "");
        boolean typeChecking = cond.equals("TYPE_CHECKING") || cond.endsWith(".TYPE_CHECKING");
        if (ctx.fn() == null && ctx.cls() == null && isMainGuard(cond) && !entryKinds.contains("main_guard")) {
            entryKinds.add(0, "main_guard");
        }
        for (TSNode c : namedChildren(node)) {
            String t = c.getType();
            if (t.equals("block")) {
                visit(c, new Ctx(ctx.cls(), ctx.fn(), ctx.typeChecking() || typeChecking, ctx.inTry()));
            } else if (t.equals("elif_clause") || t.equals("else_clause")) {
                visit(c, ctx);
            } else {
                visitNode(c, ctx, List.of());
            }
        }
    }

    private static boolean isMainGuard(String cond) {
        String c = cond.replace('\'', '"');
        return c.equals("__name__==\"__main__\"") || c.equals("\"__main__\"==__name__");
    }

    private void importPlain(TSNode node, Ctx ctx) {
        for (TSNode name : fieldChildren(node, "name")) {
            String module;
            if (name.getType().equals("aliased_import")) {
                module = src.of(name.getChildByFieldName("name"));
                aliases.put(src.of(name.getChildByFieldName("alias")), module);
            } else {
                module = src.of(name);
                String first = module.contains(".") ? module.substring(0, module.indexOf('.')) : module;
                aliases.putIfAbsent(first, first);
            }
            imports.add(new PythonFacts.Import(
                    collapseDots(module),
                    0,
                    List.of(),
                    ctx.typeChecking(),
                    ctx.inTry(),
                    ctx.fn() != null,
                    SourceText.startLine(node)));
        }
    }

    private void importFrom(TSNode node, Ctx ctx) {
        TSNode moduleNode = node.getChildByFieldName("module_name");
        String written = moduleNode == null || moduleNode.isNull() ? "" : collapseDots(src.of(moduleNode));
        int level = 0;
        while (level < written.length() && written.charAt(level) == '.') {
            level++;
        }
        String module = written.substring(level);
        String prefix = ".".repeat(level) + module;
        List<String> names = new ArrayList<>();
        for (TSNode c : namedChildren(node)) {
            if (c.getType().equals("wildcard_import")) {
                names.add("*");
            }
        }
        for (TSNode name : fieldChildren(node, "name")) {
            String imported;
            String local;
            if (name.getType().equals("aliased_import")) {
                imported = src.of(name.getChildByFieldName("name"));
                local = src.of(name.getChildByFieldName("alias"));
            } else {
                imported = src.of(name);
                local = imported;
            }
            names.add(imported);
            aliases.put(local, prefix + ":" + imported);
        }
        imports.add(new PythonFacts.Import(
                module, level, names, ctx.typeChecking(), ctx.inTry(), ctx.fn() != null, SourceText.startLine(node)));
    }

    private void classDef(TSNode node, Ctx ctx, List<String> decorators) {
        String name = src.of(node.getChildByFieldName("name"));
        String local = ctx.cls() == null ? name : ctx.cls().localName() + "." + name;
        String key = unique(keyPrefix + "." + local);
        List<String> bases = new ArrayList<>();
        TSNode superclasses = node.getChildByFieldName("superclasses");
        if (superclasses != null && !superclasses.isNull()) {
            for (TSNode b : namedChildren(superclasses)) {
                String t = b.getType();
                if (!t.equals("keyword_argument") && !t.equals("comment") && !t.equals("dictionary_splat")) {
                    bases.add(collapse(src.of(b)));
                }
            }
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(Keys.NAME, name);
        p.put(Keys.QUALIFIED_NAME, dotted + "." + local);
        p.put(Keys.KIND, "class");
        p.put(Keys.PATH, path);
        p.put(Keys.LINE_START, SourceText.startLine(node));
        p.put(Keys.LINE_END, SourceText.endLine(node));
        p.put("bases", bases);
        p.put("decorators", decorators);
        NodeRow row = NodeRow.of(NodeType.CLASS, key, p);
        nodes.add(row);
        edges.add(EdgeRow.of(
                RelType.DECLARES,
                ctx.cls() == null ? moduleId : NodeType.CLASS.id(ctx.cls().key()),
                row.id()));
        classes.add(new PythonFacts.ClassFact(key, local, bases));
        TSNode body = node.getChildByFieldName("body");
        if (body != null && !body.isNull()) {
            visit(body, new Ctx(new PythonCalls.ClassCtx(key, local, body), null, ctx.typeChecking(), ctx.inTry()));
        }
    }

    private void functionDef(TSNode node, Ctx ctx, List<String> decorators) {
        String name = src.of(node.getChildByFieldName("name"));
        TSNode params = node.getChildByFieldName("parameters");
        List<String> parameters = PythonCalls.parameterNames(params, src);
        String owner = ctx.cls() == null ? keyPrefix : ctx.cls().key();
        String key = unique(owner + "#" + name + "(" + String.join(",", parameters) + ")");
        TSNode body = node.getChildByFieldName("body");
        PythonCalls.FuncCtx fn = new PythonCalls.FuncCtx(key, name, ctx.cls(), node);
        if (body != null && !body.isNull()) {
            visit(body, new Ctx(ctx.cls(), fn, ctx.typeChecking(), ctx.inTry()));
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(Keys.NAME, name);
        p.put(
                Keys.QUALIFIED_NAME,
                dotted + "." + (ctx.cls() == null ? "" : ctx.cls().localName() + ".") + name);
        p.put(Keys.KIND, ctx.cls() == null ? "function" : "method");
        p.put(Keys.SIGNATURE, signature(node, body));
        p.put("parameters", parameters);
        p.put("decorators", decorators);
        p.put(Keys.PATH, path);
        p.put(Keys.LINE_START, SourceText.startLine(node));
        p.put(Keys.LINE_END, SourceText.endLine(node));
        p.put(Keys.CALLS, List.copyOf(fn.calls()));
        NodeRow row = NodeRow.of(NodeType.FUNCTION, key, p);
        nodes.add(row);
        edges.add(EdgeRow.of(
                RelType.DECLARES,
                ctx.cls() == null ? moduleId : NodeType.CLASS.id(ctx.cls().key()),
                row.id()));
        functions.add(new PythonFacts.FunctionFact(
                key, name, ctx.cls() == null ? null : ctx.cls().localName(), List.copyOf(fn.calls())));
    }

    private String signature(TSNode node, TSNode body) {
        int end = body == null || body.isNull() ? node.getEndByte() : body.getStartByte();
        String s = collapse(src.between(node.getStartByte(), end)).strip();
        return s.endsWith(":") ? s.substring(0, s.length() - 1).strip() : s;
    }

    /** A key not used yet in this file: a redefinition (in an {@code if}/{@code else}) gets {@code ~2}. */
    private String unique(String key) {
        String k = key;
        for (int i = 2; !keys.add(k); i++) {
            k = key + "~" + i;
        }
        return k;
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

    private List<TSNode> fieldChildren(TSNode node, String field) {
        List<TSNode> out = new ArrayList<>();
        int n = node.getChildCount();
        for (int i = 0; i < n; i++) {
            if (field.equals(node.getFieldNameForChild(i))) {
                out.add(node.getChild(i));
            }
        }
        return out;
    }

    private static String collapse(String s) {
        return s.replaceAll("\\s+", " ");
    }

    private static String collapseDots(String s) {
        return s.replaceAll("\\s+", "");
    }
}
