package dev.graphmemory.indexer.java;

import com.github.javaparser.Range;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import dev.graphmemory.queries.schema.Keys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the properties of class and function nodes from declarations. */
final class Declarations {
    private Declarations() {}

    static Map<String, Object> classProps(
            TypeDeclaration<?> type, String qualifiedName, JavaFacts.Kind kind, String path) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put(Keys.NAME, type.getNameAsString());
        props.put(Keys.QUALIFIED_NAME, qualifiedName);
        props.put(Keys.KIND, kind.label);
        props.put(Keys.PATH, path);
        putLines(props, type);
        props.put("modifiers", modifiers(type.getModifiers()));
        props.put("annotations", annotations(type.getAnnotations()));
        List<String> literals = classLiterals(type.getAnnotations());
        if (!literals.isEmpty()) {
            props.put(ANNOTATION_TYPES, literals);
        }
        return props;
    }

    /**
     * The properties of a function node, without {@code calls}.
     *
     * @param returnType the return type as written, or {@code null} for a constructor
     */
    static Map<String, Object> functionProps(
            Node declaration,
            String name,
            String ownerQualifiedName,
            String signature,
            NodeList<Parameter> params,
            String returnType,
            NodeList<Modifier> modifiers,
            NodeList<AnnotationExpr> annotations,
            String path) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put(Keys.NAME, name);
        props.put(Keys.QUALIFIED_NAME, ownerQualifiedName + "#" + name);
        props.put(Keys.SIGNATURE, signature);
        props.put("parameters", parameters(params));
        props.put("return_type", returnType);
        props.put("annotations", annotations(annotations));
        props.put("modifiers", modifiers(modifiers));
        props.put(Keys.PATH, path);
        putLines(props, declaration);
        props.put("is_constructor", returnType == null);
        return props;
    }

    /** {@code name(String,char[])}: parameter types as written, without generics or annotations. */
    static String signature(String name, NodeList<Parameter> params) {
        StringBuilder out = new StringBuilder(name).append('(');
        for (int i = 0; i < params.size(); i++) {
            Parameter p = params.get(i);
            if (i > 0) {
                out.append(',');
            }
            out.append(TypeNames.erased(p.getType()));
            if (p.isVarArgs()) {
                out.append("...");
            }
        }
        return out.append(')').toString();
    }

    /** Whether a type is an annotation type declared {@code @Retention(RUNTIME)}. */
    static boolean runtimeRetained(TypeDeclaration<?> type) {
        if (!type.isAnnotationDeclaration()) {
            return false;
        }
        for (AnnotationExpr a : type.getAnnotations()) {
            if (a.getName().getIdentifier().equals("Retention")
                    && a.getChildNodes().stream().anyMatch(v -> v.toString().endsWith("RUNTIME"))) {
                return true;
            }
        }
        return false;
    }

    static boolean endsWithVarargs(NodeList<Parameter> params) {
        return !params.isEmpty() && params.getLast().orElseThrow().isVarArgs();
    }

    static List<String> modifiers(NodeList<Modifier> modifiers) {
        List<String> out = new ArrayList<>(modifiers.size());
        for (Modifier m : modifiers) {
            out.add(m.getKeyword().asString());
        }
        return out;
    }

    /**
     * The property listing the types an annotation value names as class literals, as written
     * ({@code @Command(subcommands = IndexCommand.class)} gives {@code IndexCommand}). They are not
     * {@code IMPORTS} (the compiled class does not depend on them, as jdeps agrees), but a framework
     * instantiates them: gap detection counts them as wiring.
     */
    static final String ANNOTATION_TYPES = "annotation_types";

    static List<String> classLiterals(NodeList<AnnotationExpr> annotations) {
        List<String> out = new ArrayList<>();
        for (AnnotationExpr a : annotations) {
            for (ClassExpr c : a.findAll(ClassExpr.class)) {
                String name = TypeNames.erased(c.getType());
                if (!name.isEmpty()
                        && Character.isUpperCase(name.charAt(name.lastIndexOf('.') + 1))
                        && !out.contains(name)) {
                    out.add(name);
                }
            }
        }
        return out;
    }

    static List<String> annotations(NodeList<AnnotationExpr> annotations) {
        List<String> out = new ArrayList<>(annotations.size());
        for (AnnotationExpr a : annotations) {
            out.add(a.getName().getIdentifier());
        }
        return out;
    }

    static int line(Node node) {
        return node.getRange().map(r -> r.begin.line).orElse(0);
    }

    private static List<String> parameters(NodeList<Parameter> params) {
        List<String> out = new ArrayList<>(params.size());
        for (Parameter p : params) {
            out.add(TypeNames.written(p.getType()) + (p.isVarArgs() ? "... " : " ") + p.getNameAsString());
        }
        return out;
    }

    private static void putLines(Map<String, Object> props, Node node) {
        node.getRange().ifPresent((Range r) -> {
            props.put(Keys.LINE_START, r.begin.line);
            props.put(Keys.LINE_END, r.end.line);
        });
    }
}
