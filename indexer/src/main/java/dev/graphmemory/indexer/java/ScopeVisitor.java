package dev.graphmemory.indexer.java;

import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.TypePatternExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.visitor.VoidVisitorAdapter;

/**
 * Tracks where the visit is (the emitted type and function) and the variables in scope with their
 * declared types, so that calls on them can be given a receiver type.
 *
 * <p>Design note: scoping is per function, not per block: a name declared twice in one method
 * keeps the later declaration, which is right for code that reads top to bottom and costs no
 * scope stack.
 */
abstract class ScopeVisitor extends VoidVisitorAdapter<Void> implements CallNames.Variables {
    final FactsBuilder facts;
    TypeScope currentType;
    FunctionScope currentFunction;
    /** Initializers of the local variables of the current function, for {@link StringParts}. */
    final java.util.Map<String, com.github.javaparser.ast.expr.Expression> localValues = new java.util.HashMap<>();

    ScopeVisitor(FactsBuilder facts) {
        this.facts = facts;
    }

    @Override
    public String typeOf(String name) {
        if (currentFunction != null) {
            String local = currentFunction.localType(name);
            if (local != null) {
                return local;
            }
        }
        return fieldTypeOf(name);
    }

    @Override
    public String fieldTypeOf(String name) {
        for (TypeScope t = currentType; t != null; t = t.outer) {
            String field = t.fieldType(name);
            if (field != null) {
                return field;
            }
        }
        return null;
    }

    @Override
    public void visit(VariableDeclarationExpr n, Void arg) {
        declareVariables(n);
        super.visit(n, arg);
    }

    @Override
    public void visit(ForEachStmt n, Void arg) {
        declareVariables(n.getVariable());
        super.visit(n, arg);
    }

    @Override
    public void visit(LambdaExpr n, Void arg) {
        declareParameters(n.getParameters());
        super.visit(n, arg);
    }

    @Override
    public void visit(CatchClause n, Void arg) {
        declare(n.getParameter().getNameAsString(), n.getParameter().getType());
        super.visit(n, arg);
    }

    @Override
    public void visit(TypePatternExpr n, Void arg) {
        declare(n.getNameAsString(), n.getType());
        super.visit(n, arg);
    }

    void declareParameters(NodeList<Parameter> params) {
        for (Parameter p : params) {
            declare(p.getNameAsString(), p.getType());
        }
    }

    private void declareVariables(VariableDeclarationExpr n) {
        for (VariableDeclarator v : n.getVariables()) {
            declare(v.getNameAsString(), v.getType());
            v.getInitializer().ifPresent(init -> localValues.put(v.getNameAsString(), init));
        }
    }

    void declare(String name, Type type) {
        if (currentFunction != null) {
            currentFunction.declare(name, TypeNames.receiverType(type));
        }
    }
}
