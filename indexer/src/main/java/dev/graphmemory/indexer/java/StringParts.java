package dev.graphmemory.indexer.java;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Evaluates a string expression as far as the file alone allows, into parts the linker finishes:
 * literal text, references to constants (resolved across files by the linker) and unknowns.
 *
 * <p>Encoded as one string (parts joined by {@link #SEP}) so that facts stay flat arrays: a
 * literal part starts with {@code '}, a constant reference with {@code #} ({@code #NAME}, {@code
 * #Type.NAME}, {@code #a.b.Type.NAME}), an unknown part is {@code ?}. Paths built with {@code
 * Path.of}, {@code Paths.get}, {@code resolve}, {@code new File(a, b)} and {@code File.separator}
 * join their pieces with {@code /}; {@code toString()}, {@code toAbsolutePath()} and the like keep
 * the value. A local variable stands for its initializer (a few levels deep, not its later
 * assignments).
 */
final class StringParts {
    static final char SEP = '\u0001';
    static final String UNKNOWN = "?";
    private static final int MAX_DEPTH = 4;

    /** Calls that keep a path's or string's value. */
    private static final Set<String> SAME_VALUE = Set.of(
            "toString",
            "toAbsolutePath",
            "normalize",
            "toFile",
            "toPath",
            "getPath",
            "getAbsolutePath",
            "getCanonicalPath",
            "getAbsoluteFile",
            "getCanonicalFile",
            "toRealPath",
            "strip",
            "trim");

    private final Function<String, Expression> locals;

    /** @param locals the initializer of a local variable in scope, or {@code null} */
    StringParts(Function<String, Expression> locals) {
        this.locals = locals;
    }

    /** The encoded parts of {@code e}; {@link #UNKNOWN} alone when nothing is known. */
    String encode(Expression e) {
        List<String> parts = new ArrayList<>();
        add(e, parts, 0);
        return join(parts);
    }

    static String join(List<String> parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (!b.isEmpty()) {
                b.append(SEP);
            }
            b.append(p);
        }
        return b.toString();
    }

    static List<String> split(String encoded) {
        return List.of(encoded.split(String.valueOf(SEP), -1));
    }

    /** A local variable's initializer when {@code e} names one, else {@code e} itself. */
    Expression dereference(Expression e) {
        Expression at = e;
        for (int depth = 0; depth < MAX_DEPTH && at instanceof NameExpr n; depth++) {
            Expression init = locals.apply(n.getNameAsString());
            if (init == null) {
                break;
            }
            at = init;
        }
        return at;
    }

    private void add(Expression e, List<String> parts, int depth) {
        if (depth > MAX_DEPTH * 4) {
            parts.add(UNKNOWN);
            return;
        }
        switch (e) {
            case StringLiteralExpr s -> parts.add("'" + s.asString());
            case EnclosedExpr en -> add(en.getInner(), parts, depth + 1);
            case CastExpr c -> add(c.getExpression(), parts, depth + 1);
            case BinaryExpr b
            when b.getOperator() == BinaryExpr.Operator.PLUS -> {
                add(b.getLeft(), parts, depth + 1);
                add(b.getRight(), parts, depth + 1);
            }
            case NameExpr n -> {
                Expression init = locals.apply(n.getNameAsString());
                if (init != null) {
                    add(init, parts, depth + 4);
                } else {
                    parts.add("#" + n.getNameAsString());
                }
            }
            case FieldAccessExpr f -> fieldAccess(f, parts);
            case MethodCallExpr m -> call(m, parts, depth);
            case ObjectCreationExpr o
            when isFile(o.getType().getNameWithScope()) && !o.getArguments().isEmpty() ->
                joinPath(o.getArguments(), parts, depth);
            default -> parts.add(UNKNOWN);
        }
    }

    private static void fieldAccess(FieldAccessExpr f, List<String> parts) {
        String chain = CallNames.nameChain(f);
        if (chain == null) {
            parts.add(UNKNOWN);
        } else if (chain.endsWith("File.separator") || chain.endsWith("File.separatorChar")) {
            parts.add("'/");
        } else {
            parts.add("#" + chain);
        }
    }

    private void call(MethodCallExpr m, List<String> parts, int depth) {
        String name = m.getNameAsString();
        String scope = m.getScope().map(CallNames::nameChain).orElse(null);
        boolean pathFactory = (name.equals("of") && scope != null && (scope.equals("Path") || scope.endsWith(".Path")))
                || (name.equals("get") && scope != null && (scope.equals("Paths") || scope.endsWith(".Paths")));
        if (pathFactory && !m.getArguments().isEmpty()) {
            joinPath(m.getArguments(), parts, depth);
        } else if ((name.equals("resolve") || name.equals("concat"))
                && m.getScope().isPresent()
                && m.getArguments().size() == 1) {
            add(m.getScope().get(), parts, depth + 1);
            if (name.equals("resolve")) {
                parts.add("'/");
            }
            add(m.getArgument(0), parts, depth + 1);
        } else if (SAME_VALUE.contains(name)
                && m.getArguments().isEmpty()
                && m.getScope().isPresent()) {
            add(m.getScope().get(), parts, depth + 1);
        } else if (name.equals("valueOf")
                && "String".equals(scope)
                && m.getArguments().size() == 1) {
            add(m.getArgument(0), parts, depth + 1);
        } else {
            parts.add(UNKNOWN);
        }
    }

    private void joinPath(List<Expression> pieces, List<String> parts, int depth) {
        for (int i = 0; i < pieces.size(); i++) {
            if (i > 0) {
                parts.add("'/");
            }
            add(pieces.get(i), parts, depth + 1);
        }
    }

    private static boolean isFile(String type) {
        return type.equals("File") || type.equals("java.io.File");
    }
}
