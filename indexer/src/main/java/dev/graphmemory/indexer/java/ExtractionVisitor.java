package dev.graphmemory.indexer.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.AnnotationDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.graphmemory.indexer.model.EdgeRow;
import dev.graphmemory.indexer.model.NodeRow;
import dev.graphmemory.queries.schema.Keys;
import dev.graphmemory.queries.schema.NodeType;
import dev.graphmemory.queries.schema.RelType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one pass over a file's tree: emits class and function nodes with their {@code DECLARES}
 * edges and feeds the file's {@link JavaFacts}.
 *
 * <p>Design note: declarations are handled here; names, calls and variables are handled by the
 * superclass {@link ReferenceVisitor}, which this class tells which type and function it is in.
 * Local and anonymous classes are not emitted: their members' calls count for the enclosing
 * function.
 */
final class ExtractionVisitor extends ReferenceVisitor {
    private final String path;
    private final String moduleId;
    private final String pkg;
    private final List<NodeRow> nodes = new ArrayList<>();
    private final List<EdgeRow> edges = new ArrayList<>();
    private final EntryPoints entryPoints = new EntryPoints();

    ExtractionVisitor(String path, String pkg, FactsBuilder facts) {
        super(facts);
        this.path = path;
        this.moduleId = NodeType.MODULE.id(path);
        this.pkg = pkg;
    }

    List<NodeRow> nodes() {
        return nodes;
    }

    List<EdgeRow> edges() {
        return edges;
    }

    EntryPoints entryPoints() {
        return entryPoints;
    }

    @Override
    public void visit(ClassOrInterfaceDeclaration n, Void arg) {
        JavaFacts.Kind kind = n.isInterface() ? JavaFacts.Kind.INTERFACE : JavaFacts.Kind.CLASS;
        TypeScope scope = enterType(n, kind, n.getExtendedTypes(), n.getImplementedTypes());
        try {
            super.visit(n, arg);
        } finally {
            exitType(scope);
        }
    }

    @Override
    public void visit(EnumDeclaration n, Void arg) {
        TypeScope scope = enterType(n, JavaFacts.Kind.ENUM, new NodeList<>(), n.getImplementedTypes());
        try {
            super.visit(n, arg);
        } finally {
            exitType(scope);
        }
    }

    @Override
    public void visit(RecordDeclaration n, Void arg) {
        TypeScope scope = enterType(n, JavaFacts.Kind.RECORD, new NodeList<>(), n.getImplementedTypes());
        try {
            super.visit(n, arg);
        } finally {
            exitType(scope);
        }
    }

    @Override
    public void visit(AnnotationDeclaration n, Void arg) {
        TypeScope scope = enterType(n, JavaFacts.Kind.ANNOTATION, new NodeList<>(), new NodeList<>());
        try {
            super.visit(n, arg);
        } finally {
            exitType(scope);
        }
    }

    @Override
    public void visit(MethodDeclaration n, Void arg) {
        FunctionScope f = isMember(n)
                ? open(
                        n,
                        n.getNameAsString(),
                        n.getParameters(),
                        TypeNames.written(n.getType()),
                        n.getModifiers(),
                        n.getAnnotations())
                : null;
        declareParameters(n.getParameters());
        try {
            super.visit(n, arg);
        } finally {
            closeFunction(f);
        }
    }

    @Override
    public void visit(ConstructorDeclaration n, Void arg) {
        FunctionScope f = isMember(n)
                ? open(n, n.getNameAsString(), n.getParameters(), null, n.getModifiers(), n.getAnnotations())
                : null;
        declareParameters(n.getParameters());
        try {
            super.visit(n, arg);
        } finally {
            closeFunction(f);
        }
    }

    @Override
    public void visit(CompactConstructorDeclaration n, Void arg) {
        NodeList<Parameter> params = currentType != null && currentType.node instanceof RecordDeclaration r
                ? r.getParameters()
                : new NodeList<>();
        FunctionScope f =
                isMember(n) ? open(n, n.getNameAsString(), params, null, n.getModifiers(), n.getAnnotations()) : null;
        declareParameters(params);
        try {
            super.visit(n, arg);
        } finally {
            closeFunction(f);
        }
    }

    /** Returns the new scope, or {@code null} for a local or anonymous type (not emitted). */
    private TypeScope enterType(
            TypeDeclaration<?> n,
            JavaFacts.Kind kind,
            NodeList<ClassOrInterfaceType> supers,
            NodeList<ClassOrInterfaceType> ifaces) {
        Node parent = n.getParentNode().orElse(null);
        boolean topLevel = parent instanceof CompilationUnit;
        if (!topLevel && (currentType == null || parent != currentType.node || currentFunction != null)) {
            return null;
        }
        String name = n.getNameAsString();
        String qn = topLevel ? (pkg.isEmpty() ? name : pkg + "." + name) : currentType.qualifiedName + "." + name;
        boolean entryPoint = entryPoints.inspect(n, qn, topLevel);
        int index = facts.addType(
                qn,
                topLevel ? -1 : currentType.index,
                kind,
                erased(supers),
                erased(ifaces),
                Declarations.runtimeRetained(n),
                entryPoint);
        String id = NodeType.CLASS.id(qn);
        nodes.add(NodeRow.of(NodeType.CLASS, qn, Declarations.classProps(n, qn, kind, path)));
        edges.add(EdgeRow.of(RelType.DECLARES, topLevel ? moduleId : currentType.id, id));
        currentType = new TypeScope(n, qn, id, index, currentType);
        TypeScope declared = currentType;
        declared.declaredFields().forEach((field, type) -> facts.addField(index, field, type, declared.value(field)));
        return currentType;
    }

    private void exitType(TypeScope scope) {
        if (scope != null) {
            currentType = scope.outer;
        }
    }

    private boolean isMember(Node declaration) {
        return currentFunction == null
                && currentType != null
                && declaration.getParentNode().orElse(null) == currentType.node;
    }

    private FunctionScope open(
            Node n,
            String name,
            NodeList<Parameter> params,
            String returnType,
            NodeList<Modifier> modifiers,
            NodeList<AnnotationExpr> annotations) {
        String signature = Declarations.signature(name, params);
        String key = currentType.uniqueKey(currentType.qualifiedName + "#" + signature, Declarations.line(n));
        boolean constructor = returnType == null;
        int index = facts.addFunction(
                key,
                constructor ? JavaFacts.CONSTRUCTOR : name,
                currentType.index,
                params.size(),
                Declarations.endsWithVarargs(params),
                returnType);
        Map<String, Object> props = Declarations.functionProps(
                n, name, currentType.qualifiedName, signature, params, returnType, modifiers, annotations, path);
        currentFunction = new FunctionScope(index, key, currentType, props);
        localValues.clear();
        return currentFunction;
    }

    private void closeFunction(FunctionScope f) {
        if (f == null) {
            return;
        }
        currentFunction = null;
        f.props.put(Keys.CALLS, f.calls());
        NodeRow row = NodeRow.of(NodeType.FUNCTION, f.key, f.props);
        nodes.add(row);
        edges.add(EdgeRow.of(RelType.DECLARES, f.owner.id, row.id()));
    }

    private static String[] erased(NodeList<ClassOrInterfaceType> types) {
        String[] out = new String[types.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = types.get(i).getNameWithScope();
        }
        return out;
    }
}
