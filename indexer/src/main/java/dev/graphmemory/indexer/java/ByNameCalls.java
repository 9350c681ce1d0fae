package dev.graphmemory.indexer.java;

import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.util.List;
import java.util.Set;

/**
 * Recognises the calls that name code in a string: class loading by name ({@code Class.forName},
 * {@code ClassLoader.loadClass}, {@code MethodHandles.Lookup.findClass}, Spring's {@code
 * ClassUtils.forName}) and programs started with {@code new ProcessBuilder(...)}, {@code
 * ProcessBuilder.command(...)} or {@code Runtime.exec(...)}. It records the argument as {@link
 * StringParts} for the linker; what the string names is only known there.
 */
final class ByNameCalls {
    private static final Set<String> CLASS_SCOPES = Set.of("Class", "java.lang.Class");
    private static final Set<String> CLASS_UTILS = Set.of("ClassUtils", "org.springframework.util.ClassUtils");
    private static final Set<String> PROCESS_BUILDER = Set.of("ProcessBuilder", "java.lang.ProcessBuilder");
    private static final Set<String> RUNTIME = Set.of("Runtime", "java.lang.Runtime");
    private static final Set<String> LIST_FACTORIES =
            Set.of("List.of", "Arrays.asList", "java.util.List.of", "java.util.Arrays.asList", "Stream.of");

    private final CallNames.Variables variables;
    private final StringParts parts;

    ByNameCalls(CallNames.Variables variables, StringParts parts) {
        this.variables = variables;
        this.parts = parts;
    }

    /** The encoded class name a loading call takes, or {@code null} when {@code call} loads nothing by name. */
    String loadedClass(MethodCallExpr call) {
        int args = call.getArguments().size();
        String scope = call.getScope().map(CallNames::nameChain).orElse(null);
        Expression name =
                switch (call.getNameAsString()) {
                    case "forName" -> {
                        if (scope != null && CLASS_SCOPES.contains(scope) && (args == 1 || args == 3)) {
                            yield call.getArgument(0);
                        }
                        if (scope != null && CLASS_SCOPES.contains(scope) && args == 2) {
                            yield call.getArgument(1); // Class.forName(Module, String)
                        }
                        yield scope != null && CLASS_UTILS.contains(scope) && args == 2 ? call.getArgument(0) : null;
                    }
                    case "loadClass" -> args == 1 || args == 2 ? call.getArgument(0) : null;
                    case "findClass" -> args == 1 ? call.getArgument(0) : null;
                    default -> null;
                };
        return name == null ? null : known(parts.encode(name));
    }

    /** The encoded arguments of a program start, or {@code null} when {@code call} starts none. */
    String[] command(MethodCallExpr call) {
        String name = call.getNameAsString();
        if (call.getArguments().isEmpty() || call.getScope().isEmpty()) {
            return null;
        }
        Expression scope = call.getScope().get();
        if (name.equals("command") && isA(scope, PROCESS_BUILDER)) {
            return elements(call.getArguments());
        }
        if (name.equals("exec") && isRuntime(scope)) {
            return elements(List.of(call.getArgument(0)));
        }
        return null;
    }

    /** The encoded arguments of {@code new ProcessBuilder(...)}, or {@code null} for another type. */
    String[] command(ObjectCreationExpr creation) {
        if (!PROCESS_BUILDER.contains(creation.getType().getNameWithScope())
                || creation.getArguments().isEmpty()) {
            return null;
        }
        return elements(creation.getArguments());
    }

    private boolean isA(Expression scope, Set<String> types) {
        if (scope instanceof ObjectCreationExpr o) {
            return types.contains(o.getType().getNameWithScope());
        }
        return scope instanceof NameExpr n && types.contains(variables.typeOf(n.getNameAsString()));
    }

    private boolean isRuntime(Expression scope) {
        if (scope instanceof MethodCallExpr m && m.getNameAsString().equals("getRuntime")) {
            String owner = m.getScope().map(CallNames::nameChain).orElse(null);
            return owner != null && RUNTIME.contains(owner);
        }
        return isA(scope, RUNTIME);
    }

    /** One vararg list, or a single list or array argument (a local variable's initializer included). */
    private String[] elements(List<Expression> args) {
        List<Expression> items = args;
        if (args.size() == 1) {
            Expression only = parts.dereference(args.get(0));
            if (only instanceof MethodCallExpr m) {
                String callee = CallNames.written(m);
                if (LIST_FACTORIES.contains(callee)) {
                    items = m.getArguments();
                }
            } else if (only instanceof ArrayCreationExpr a && a.getInitializer().isPresent()) {
                items = a.getInitializer().get().getValues();
            } else if (only instanceof ArrayInitializerExpr init) {
                items = init.getValues();
            }
        }
        String[] out = new String[items.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = parts.encode(items.get(i));
        }
        return out;
    }

    private static String known(String encoded) {
        return encoded.equals(StringParts.UNKNOWN) ? null : encoded;
    }
}
