package dev.graphmemory.indexer.lang.ecma;

import dev.graphmemory.indexer.lang.ModuleNodes;
import dev.graphmemory.indexer.lang.ParseProblems;
import dev.graphmemory.indexer.lang.PathValue;
import dev.graphmemory.indexer.lang.ScriptRef;
import dev.graphmemory.indexer.lang.SourceText;
import dev.graphmemory.indexer.lang.TreeQuery;
import dev.graphmemory.indexer.model.EdgeRow;
import dev.graphmemory.indexer.model.FileResult;
import dev.graphmemory.indexer.model.NodeRow;
import dev.graphmemory.queries.schema.Keys;
import dev.graphmemory.queries.schema.NodeType;
import dev.graphmemory.queries.schema.RelType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.treesitter.TSNode;
import org.treesitter.TSNodes;

/**
 * Turns one TypeScript or JavaScript syntax tree into module, class and function nodes and the
 * linker's facts, replaying the matches of one query in document order (as
 * {@code PythonFileParser} does). Functions nested in functions are folded into the outer one.
 */
final class EcmaFileParser {
    /** Constructors whose first argument, a relative path, names a module loaded at run time. */
    private static final Set<String> NEW_REFS = Set.of("Worker", "SharedWorker", "URL");

    private final String path;
    private final SourceText src;
    private final String moduleId;
    private final List<NodeRow> nodes = new ArrayList<>();
    private final List<EdgeRow> edges = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();
    private final List<EcmaFacts.Import> imports = new ArrayList<>();
    private final List<EcmaFacts.Import> augmentations = new ArrayList<>();
    private final Map<String, String> bindings = new HashMap<>();
    private final List<EcmaFacts.ClassFact> classes = new ArrayList<>();
    private final List<EcmaFacts.FunctionFact> functions = new ArrayList<>();
    private final List<EcmaFacts.Invocation> invocations = new ArrayList<>();
    private final Deque<Open> stack = new ArrayDeque<>();
    private EcmaPathEvaluator evaluator;

    /** An open class or function, ending at {@code end}. */
    private record Open(int end, String classKey, String className, Fn fn) {}

    /** A function being read: its node is written when it closes. */
    private record Fn(
            String key, String name, String owner, Map<String, Object> props, String declaredBy, Set<String> calls) {}

    EcmaFileParser(String path, String text) {
        this.path = path;
        this.src = new SourceText(text);
        this.moduleId = ModuleNodes.id(path);
    }

    FileResult parse(TSNode root, EcmaGrammars.Grammar grammar, String hash) {
        String problem = ParseProblems.first(root, src);
        List<TreeQuery.Match> matches = new ArrayList<>(grammar.query().matches(root));
        matches.sort(Comparator.comparingInt((TreeQuery.Match m) -> m.first().start())
                .thenComparing(m -> -m.first().end()));
        for (TreeQuery.Match m : matches) {
            while (!stack.isEmpty() && stack.peek().end() <= m.first().start()) {
                close(stack.pop());
            }
            replay(m, root, grammar);
        }
        while (!stack.isEmpty()) {
            close(stack.pop());
        }
        if (isModule(root)) {
            // in a module, `declare module "x"` augments x, which TypeScript resolves like an import;
            // in a script it declares an ambient module and loads nothing
            imports.addAll(augmentations);
        }
        List<String> entryKinds = new ArrayList<>();
        if (src.text().startsWith("#!")
                && src.text().lines().findFirst().orElse("").contains("node")) {
            entryKinds.add("shebang");
        }
        boolean test = EcmaNames.test(path);
        List<NodeRow> all = new ArrayList<>();
        all.add(ModuleNodes.module(path, EcmaNames.language(path), "", src, hash, test, problem, entryKinds, Map.of()));
        all.addAll(nodes);
        List<String> entries = EcmaBuildConfig.isViteConfig(path) ? EcmaBuildConfig.inputs(src.text()) : List.of();
        EcmaFacts facts = new EcmaFacts(path, test, imports, bindings, classes, functions, invocations, entries);
        return new FileResult(path, all, edges, facts, problem == null, problem);
    }

    private void replay(TreeQuery.Match m, TSNode root, EcmaGrammars.Grammar grammar) {
        TreeQuery.Capture c = m.first();
        int line = src.lineOfByte(c.start());
        switch (c.name()) {
            case "import" -> {
                String text = src.between(c.start(), c.end());
                String spec = EcmaImportText.source(text);
                if (spec != null) {
                    imports.add(new EcmaFacts.Import(spec, "import", EcmaImportText.typeOnly(text), line));
                    EcmaImportText.bind(text, spec, bindings);
                }
            }
            case "reexport" -> {
                String text = src.between(c.start(), c.end());
                imports.add(
                        new EcmaFacts.Import(unquote(m.get("source")), "export", EcmaImportText.typeOnly(text), line));
            }
            case "require" -> {
                if (text(m.get("fn")).equals("require")) {
                    imports.add(new EcmaFacts.Import(unquote(m.get("arg")), "require", false, line));
                }
            }
            case "requirebinding" -> {
                if (text(m.get("fn")).equals("require")) {
                    String spec = unquote(m.get("arg"));
                    TreeQuery.Capture name = m.get("name");
                    if (name != null) {
                        bindings.put(text(name), spec);
                    } else {
                        String pattern = text(m.get("pattern"));
                        EcmaImportText.names(pattern.replaceAll("^\\{|\\}$", ""), spec, bindings);
                    }
                }
            }
            case "augment" -> augmentations.add(new EcmaFacts.Import(unquote(m.get("source")), "augment", true, line));
            case "dynamic" -> {
                if (!text(m.get("arg")).contains("${")) {
                    imports.add(new EcmaFacts.Import(unquote(m.get("arg")), "dynamic", false, line));
                }
            }
            case "resolve" -> {
                // require.resolve('./x') names a module loaded later (by a child process, a worker,
                // a require of the result): an import found by name, like a dynamic import()
                if (text(m.get("obj")).equals("require")
                        && text(m.get("prop")).equals("resolve")
                        && !text(m.get("arg")).contains("${")) {
                    imports.add(new EcmaFacts.Import(unquote(m.get("arg")), "dynamic", false, line));
                }
            }
            case "newref" -> {
                // new Worker('./w.js'), new URL('./w.ts', import.meta.url): a module loaded at run time
                String spec = unquote(m.get("arg"));
                if (NEW_REFS.contains(text(m.get("ctor"))) && (spec.startsWith("./") || spec.startsWith("../"))) {
                    imports.add(new EcmaFacts.Import(spec, "dynamic", false, line));
                }
            }
            case "class", "interface" -> classDef(m, c.name());
            case "function", "method", "arrow" -> functionDef(m, c.name());
            case "call", "new" -> call(m, root, grammar);
            default -> {}
        }
    }

    /** Whether the file is a module (a top-level import or export), as TypeScript's {@code isExternalModule}. */
    private static boolean isModule(TSNode root) {
        for (int i = 0; i < TSNodes.namedCount(root); i++) {
            String type = TSNodes.type(TSNodes.namedChild(root, i));
            if (type.equals("import_statement") || type.equals("export_statement") || type.equals("import_alias")) {
                return true;
            }
        }
        return false;
    }

    private void classDef(TreeQuery.Match m, String kind) {
        TreeQuery.Capture c = m.first();
        if (function() != null) {
            return;
        }
        String name = text(m.get("name"));
        String header = src.between(c.start(), m.get("body").start()).replaceAll("\\s+", " ");
        List<String> ext = clause(header, "extends");
        List<String> impl = clause(header, "implements");
        String key = unique(path + "#" + name);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(Keys.NAME, name);
        p.put(Keys.QUALIFIED_NAME, path + "#" + name);
        p.put(Keys.KIND, kind);
        p.put(Keys.PATH, path);
        p.put(Keys.LINE_START, src.lineOfByte(c.start()));
        p.put(Keys.LINE_END, src.lineOfByte(Math.max(c.start(), c.end() - 1)));
        p.put("extends", ext);
        p.put("implements", impl);
        NodeRow row = NodeRow.of(NodeType.CLASS, key, p);
        nodes.add(row);
        edges.add(EdgeRow.of(RelType.DECLARES, moduleId, row.id()));
        classes.add(new EcmaFacts.ClassFact(key, name, kind, ext, impl));
        stack.push(new Open(c.end(), key, name, null));
    }

    private static List<String> clause(String header, String word) {
        int at = (" " + header + " ").indexOf(" " + word + " ");
        if (at < 0) {
            return List.of();
        }
        String rest = header.substring(Math.min(header.length(), at + word.length() + 1));
        rest = rest.split("\\s(implements|extends)\\s|\\{")[0];
        List<String> out = new ArrayList<>();
        for (String s : rest.split(",")) {
            String name = s.replaceAll("<.*$", "").strip();
            if (!name.isEmpty()) {
                out.add(name);
            }
        }
        return out;
    }

    private void functionDef(TreeQuery.Match m, String kind) {
        TreeQuery.Capture c = m.first();
        if (function() != null) {
            return;
        }
        Open cls = kind.equals("method") ? enclosingClass() : null;
        if (kind.equals("arrow") && enclosingClass() != null) {
            return; // a class field holding an arrow function: read as part of the class body
        }
        String name = text(m.get("name"));
        TreeQuery.Capture params = m.get("params");
        TreeQuery.Capture value = m.get("value");
        String paramText = params != null ? text(params) : arrowParams(value);
        List<String> parameters = EcmaParams.names(paramText);
        String owner = cls == null ? path + "#" : cls.classKey() + ".";
        String key = unique(owner + name + "(" + String.join(",", parameters) + ")");
        TreeQuery.Capture body = m.get("body");
        int sigEnd = body != null ? body.start() : c.end();
        String signature =
                src.between(c.start(), sigEnd).replaceAll("\\s+", " ").strip();
        if (signature.endsWith("=>")) {
            signature = signature.substring(0, signature.length() - 2).strip();
        }
        if (signature.length() > 300) {
            signature = signature.substring(0, 300);
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(Keys.NAME, name);
        p.put(Keys.QUALIFIED_NAME, cls == null ? path + "#" + name : cls.classKey() + "." + name);
        p.put(Keys.KIND, cls == null ? "function" : "method");
        p.put(Keys.SIGNATURE, signature);
        p.put("parameters", parameters);
        p.put("decorators", List.of());
        p.put(Keys.PATH, path);
        p.put(Keys.LINE_START, src.lineOfByte(c.start()));
        p.put(Keys.LINE_END, src.lineOfByte(Math.max(c.start(), c.end() - 1)));
        String declaredBy = cls == null ? moduleId : NodeType.CLASS.id(cls.classKey());
        Fn fn = new Fn(key, name, cls == null ? null : cls.className(), p, declaredBy, new LinkedHashSet<>());
        stack.push(new Open(c.end(), null, null, fn));
    }

    private String arrowParams(TreeQuery.Capture value) {
        if (value == null) {
            return "()";
        }
        String t = text(value);
        int arrow = t.indexOf("=>");
        String head = arrow < 0 ? t : t.substring(0, arrow);
        head = head.replaceFirst("^\\s*(async\\s+)?(function\\s*\\*?\\s*[\\w$]*)?", "")
                .strip();
        return head.startsWith("(") ? head : "(" + head + ")";
    }

    private void close(Open open) {
        Fn fn = open.fn();
        if (fn == null) {
            return;
        }
        Map<String, Object> p = new LinkedHashMap<>(fn.props());
        p.put(Keys.CALLS, List.copyOf(fn.calls()));
        NodeRow row = NodeRow.of(NodeType.FUNCTION, fn.key(), p);
        nodes.add(row);
        edges.add(EdgeRow.of(RelType.DECLARES, fn.declaredBy(), row.id()));
        functions.add(new EcmaFacts.FunctionFact(fn.key(), fn.name(), fn.owner(), List.copyOf(fn.calls())));
    }

    private void call(TreeQuery.Match m, TSNode root, EcmaGrammars.Grammar grammar) {
        TreeQuery.Capture c = m.first();
        String written = EcmaParams.callee(
                c.name().equals("call") ? src.between(c.start(), m.get("args").start()) : text(m.get("function")));
        if (c.name().equals("new")) {
            written = "new " + written;
        }
        Fn fn = function();
        if (fn != null && fn.calls().size() < 200) {
            fn.calls().add(written);
        }
        if (!c.name().equals("call")) {
            return;
        }
        if (evaluator == null) {
            evaluator = new EcmaPathEvaluator(src, root, grammar.declarations(), this::canonical);
        }
        boolean runner = EcmaRunners.RUNNERS.contains(canonical(written))
                // const run = promisify(execFile): only files that mention promisify pay for the look-up
                || (src.text().contains("promisify") && evaluator.promisifiedRunner(written));
        if (!runner) {
            return;
        }
        List<PathValue> values = new ArrayList<>();
        TreeQuery.Capture args = m.get("args");
        for (TSNode arg : dev.graphmemory.indexer.lang.Nodes.named(args.node())) {
            values.addAll(evaluator.eval(arg));
        }
        List<ScriptRef> refs = PathValue.scriptRefs(values, src.lineOfByte(c.start()));
        if (!refs.isEmpty()) {
            invocations.add(new EcmaFacts.Invocation(fn == null ? null : fn.key(), refs));
        }
    }

    /** {@code child_process.spawn} for {@code cp.spawn} or a destructured {@code spawn}. */
    String canonical(String written) {
        int dot = written.indexOf('.');
        String first = dot < 0 ? written : written.substring(0, dot);
        String target = bindings.get(first);
        if (target == null) {
            return written;
        }
        // a default import of a CommonJS module (import path from 'path') is the module itself
        String resolved =
                target.replaceFirst("^node:", "").replaceFirst(":default$", "").replace(':', '.');
        return dot < 0 ? resolved : resolved + written.substring(dot);
    }

    private Fn function() {
        Fn fn = null;
        for (Open o : stack) {
            if (o.fn() != null) {
                fn = o.fn();
            }
        }
        return fn;
    }

    private Open enclosingClass() {
        for (Open o : stack) {
            if (o.classKey() != null) {
                return o;
            }
        }
        return null;
    }

    private String unique(String key) {
        String k = key;
        for (int i = 2; !keys.add(k); i++) {
            k = key + "~" + i;
        }
        return k;
    }

    private String text(TreeQuery.Capture c) {
        return src.between(c.start(), c.end());
    }

    private String unquote(TreeQuery.Capture c) {
        String t = text(c);
        return t.length() >= 2 ? t.substring(1, t.length() - 1) : t;
    }
}
