package dev.graphmemory.indexer.java;

import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import java.util.Optional;

/** Names a call as written and works out its receiver type from local information only. */
final class CallNames {
    private CallNames() {}

    /** Where the visitor finds the declared types of names in scope. */
    interface Variables {
        /**
         * The receiver type of a parameter, local variable or field of an enclosing class: {@code
         * null} when no such variable is in scope, the empty string when it has no usable type.
         */
        String typeOf(String name);

        /** Like {@link #typeOf} but only for fields of the enclosing classes ({@code this.name}). */
        String fieldTypeOf(String name);
    }

    /**
     * The callee as written: {@code name}, {@code Scope.name} for a name or dotted-name scope
     * ({@code System.out.println}), a leading {@code this.} dropped; just {@code name} otherwise.
     */
    static String written(MethodCallExpr call) {
        String name = call.getNameAsString();
        if (call.getScope().isEmpty()) {
            return name;
        }
        String chain = nameChain(call.getScope().get());
        if (chain == null || chain.equals("this")) {
            return name;
        }
        if (chain.startsWith("this.")) {
            chain = chain.substring(5);
        }
        return chain + "." + name;
    }

    /**
     * The receiver of a call, for {@link JavaFacts.Calls#receivers}: unqualified, {@code this},
     * {@code super}, a type name as written, or {@code null} when it cannot be told locally.
     */
    static String receiver(Optional<Expression> scope, Variables variables) {
        if (scope.isEmpty()) {
            return JavaFacts.UNQUALIFIED;
        }
        Expression s = scope.get();
        if (s instanceof ThisExpr t) {
            return t.getTypeName().map(n -> n.asString()).orElse(JavaFacts.THIS);
        }
        if (s instanceof SuperExpr sup) {
            return sup.getTypeName().map(n -> n.asString()).orElse(JavaFacts.SUPER);
        }
        if (s instanceof NameExpr n) {
            String name = n.getNameAsString();
            String type = variables.typeOf(name);
            if (type != null) {
                return type.isEmpty() ? null : type;
            }
            // a type, or a field inherited or imported statically: the linker tells which
            return name;
        }
        if (s instanceof FieldAccessExpr f) {
            return fieldAccessReceiver(f, variables);
        }
        if (s instanceof ObjectCreationExpr o) {
            return o.getType().getNameWithScope();
        }
        if (s instanceof EnclosedExpr e && e.getInner() instanceof CastExpr c) {
            String type = TypeNames.receiverType(c.getType());
            return type.isEmpty() ? null : type;
        }
        return null;
    }

    /** Encodes a chain of names as a receiver; see {@link JavaFacts.Calls#receivers}. */
    private static String fieldAccessReceiver(FieldAccessExpr f, Variables variables) {
        String chain = nameChain(f);
        if (chain == null) {
            return null;
        }
        int dot = chain.indexOf('.');
        String first = chain.substring(0, dot);
        String rest = chain.substring(dot + 1);
        if (first.equals("this")) {
            int next = rest.indexOf('.');
            String type = variables.fieldTypeOf(next < 0 ? rest : rest.substring(0, next));
            if (type == null) {
                return "#" + rest;
            }
            return type.isEmpty() ? null : next < 0 ? type : type + "#" + rest.substring(next + 1);
        }
        String type = variables.typeOf(first);
        if (type == null) {
            return chain;
        }
        return type.isEmpty() ? null : type + "#" + rest;
    }

    /** The innermost scope of a field-access chain, e.g. {@code a} in {@code a.b.c}. */
    static Expression leftmost(FieldAccessExpr f) {
        Expression left = f.getScope();
        while (left instanceof FieldAccessExpr inner) {
            left = inner.getScope();
        }
        return left;
    }

    /**
     * The dotted text of a chain of names, e.g. {@code System.out} or {@code this.field}; {@code
     * null} when the expression is anything else.
     */
    static String nameChain(Expression e) {
        if (e instanceof NameExpr n) {
            return n.getNameAsString();
        }
        if (e instanceof ThisExpr t && t.getTypeName().isEmpty()) {
            return "this";
        }
        if (e instanceof FieldAccessExpr f) {
            String scope = nameChain(f.getScope());
            return scope == null ? null : scope + "." + f.getNameAsString();
        }
        return null;
    }
}
