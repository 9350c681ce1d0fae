package dev.graphmemory.indexer.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MarkerAnnotationExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.Name;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.stmt.AssertStmt;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.TypeParameter;
import java.util.Optional;

/**
 * Records what a file refers to: type names, inline qualified names, features with implicit
 * dependencies, and the calls and field reads of the current function (calls as written on the
 * node, and as call sites in the facts).
 */
abstract class ReferenceVisitor extends ScopeVisitor {
    private static final Expression UNKNOWN_VALUE = new com.github.javaparser.ast.expr.NullLiteralExpr();

    private int annotationDepth;
    private final ByNameCalls byName;

    ReferenceVisitor(FactsBuilder facts) {
        super(facts);
        this.byName = new ByNameCalls(this, new StringParts(this::localValue));
    }

    /** A local variable's initializer; an unknown value for a parameter or a variable without one. */
    private Expression localValue(String name) {
        Expression init = localValues.get(name);
        if (init == null && currentFunction != null && currentFunction.localType(name) != null) {
            return UNKNOWN_VALUE;
        }
        return init;
    }

    @Override
    public void visit(LambdaExpr n, Void arg) {
        facts.feature(ImplicitDependencies.LAMBDA);
        super.visit(n, arg);
    }

    /** Children are visited in source order (scope, call, arguments) so calls list in that order. */
    @Override
    public void visit(MethodCallExpr n, Void arg) {
        n.getScope().ifPresent(scope -> {
            noteNameScope(scope);
            scope.accept(this, arg);
        });
        if (currentFunction != null) {
            currentFunction.addCall(CallNames.written(n));
            String receiver = CallNames.receiver(n.getScope(), this);
            facts.addCall(
                    currentFunction.index,
                    receiver,
                    n.getNameAsString(),
                    n.getArguments().size());
        }
        String loaded = byName.loadedClass(n);
        if (loaded != null) {
            facts.addNamed(typeIndex(), functionIndex(), loaded, Declarations.line(n));
        }
        String[] command = byName.command(n);
        if (command != null) {
            facts.addCommand(typeIndex(), functionIndex(), command, Declarations.line(n));
        }
        n.getTypeArguments().ifPresent(types -> types.forEach(t -> t.accept(this, arg)));
        n.getArguments().forEach(a -> a.accept(this, arg));
    }

    private int typeIndex() {
        return currentType == null ? -1 : currentType.index;
    }

    private int functionIndex() {
        return currentFunction == null ? -1 : currentFunction.index;
    }

    @Override
    public void visit(ObjectCreationExpr n, Void arg) {
        n.getScope().ifPresent(scope -> scope.accept(this, arg));
        ClassOrInterfaceType type = n.getType();
        if (currentFunction != null) {
            currentFunction.addCall("new " + type.getName().getIdentifier());
            facts.addCall(
                    currentFunction.index,
                    type.getNameWithScope(),
                    JavaFacts.CONSTRUCTOR,
                    n.getArguments().size());
        }
        String[] command = byName.command(n);
        if (command != null) {
            facts.addCommand(typeIndex(), functionIndex(), command, Declarations.line(n));
        }
        type.accept(this, arg);
        n.getTypeArguments().ifPresent(types -> types.forEach(t -> t.accept(this, arg)));
        n.getArguments().forEach(a -> a.accept(this, arg));
        n.getAnonymousClassBody().ifPresent(body -> body.forEach(m -> m.accept(this, arg)));
    }

    @Override
    public void visit(ExplicitConstructorInvocationStmt n, Void arg) {
        if (currentFunction != null) {
            String receiver = n.isThis() ? JavaFacts.THIS : JavaFacts.SUPER;
            facts.addCall(
                    currentFunction.index,
                    receiver,
                    JavaFacts.CONSTRUCTOR,
                    n.getArguments().size());
        }
        super.visit(n, arg);
    }

    @Override
    public void visit(TryStmt n, Void arg) {
        if (!n.getResources().isEmpty()) {
            facts.feature(ImplicitDependencies.TRY_WITH_RESOURCES);
        }
        super.visit(n, arg);
    }

    @Override
    public void visit(AssertStmt n, Void arg) {
        facts.feature(ImplicitDependencies.ASSERT);
        super.visit(n, arg);
    }

    @Override
    public void visit(MethodReferenceExpr n, Void arg) {
        facts.feature(ImplicitDependencies.LAMBDA);
        noteNameScope(n.getScope());
        super.visit(n, arg);
    }

    @Override
    public void visit(FieldAccessExpr n, Void arg) {
        Node parent = n.getParentNode().orElse(null);
        boolean innerLink = parent instanceof FieldAccessExpr p && p.getScope() == n;
        boolean callScope = parent instanceof MethodCallExpr m && m.getScope().orElse(null) == n;
        if (!innerLink && !callScope && currentFunction != null && annotationDepth == 0) {
            String receiver = CallNames.receiver(Optional.of(n), this);
            if (receiver != null) {
                facts.addCall(currentFunction.index, receiver, JavaFacts.FIELD_ACCESS, 0);
            }
        }
        if (!innerLink && CallNames.leftmost(n) instanceof NameExpr first) {
            String name = first.getNameAsString();
            if (typeOf(name) == null) {
                if (TypeNames.capitalised(name)) {
                    reference(name);
                } else {
                    noteQualified(CallNames.nameChain(n));
                }
            }
        }
        super.visit(n, arg);
    }

    /** Only the first segment of a qualified type is a simple name; the scope is not visited again. */
    @Override
    public void visit(ClassOrInterfaceType n, Void arg) {
        ClassOrInterfaceType first = n;
        while (true) {
            first.getTypeArguments().ifPresent(args -> args.forEach(t -> t.accept(this, arg)));
            first.getAnnotations().forEach(a -> a.accept(this, arg));
            if (first.getScope().isEmpty()) {
                break;
            }
            first = first.getScope().get();
        }
        String name = first.getName().getIdentifier();
        if (first != n && !TypeNames.capitalised(name)) {
            noteQualified(n.getNameWithScope());
        } else if (!TypeNames.isVar(n)) {
            reference(name);
        }
    }

    @Override
    public void visit(MarkerAnnotationExpr n, Void arg) {
        enterAnnotation(n.getName());
        try {
            super.visit(n, arg);
        } finally {
            annotationDepth--;
        }
    }

    @Override
    public void visit(SingleMemberAnnotationExpr n, Void arg) {
        enterAnnotation(n.getName());
        try {
            super.visit(n, arg);
        } finally {
            annotationDepth--;
        }
    }

    @Override
    public void visit(NormalAnnotationExpr n, Void arg) {
        enterAnnotation(n.getName());
        try {
            super.visit(n, arg);
        } finally {
            annotationDepth--;
        }
    }

    @Override
    public void visit(TypeParameter n, Void arg) {
        facts.hide(n.getNameAsString());
        super.visit(n, arg);
    }

    /** {@code Foo} in {@code Foo.bar()} or {@code Foo::bar} is a type unless a variable hides it. */
    private void noteNameScope(Expression scope) {
        if (scope instanceof NameExpr n) {
            String name = n.getNameAsString();
            if (TypeNames.capitalised(name) && typeOf(name) == null) {
                reference(name);
            }
        }
    }

    /** Names inside annotation values are not dependencies of the compiled class (as in jdeps). */
    private void reference(String simpleName) {
        if (annotationDepth == 0) {
            facts.reference(simpleName);
        }
    }

    /** Records an annotation's name; what its values name is not recorded. */
    private void enterAnnotation(Name name) {
        if (annotationDepth++ > 0) {
            return;
        }
        Name first = name;
        while (first.getQualifier().isPresent()) {
            first = first.getQualifier().get();
        }
        if (first == name) {
            facts.annotationReference(name.getIdentifier());
        } else if (TypeNames.capitalised(first.getIdentifier())) {
            facts.reference(first.getIdentifier());
        } else {
            facts.annotationReference(name.asString());
        }
    }

    /** Keeps a dotted name only if some segment after the first looks like a type. */
    private void noteQualified(String dotted) {
        if (dotted == null || annotationDepth > 0) {
            return;
        }
        int dot = dotted.indexOf('.');
        while (dot >= 0 && dot + 1 < dotted.length()) {
            if (Character.isUpperCase(dotted.charAt(dot + 1))) {
                facts.qualified(dotted);
                return;
            }
            dot = dotted.indexOf('.', dot + 1);
        }
    }
}
