package dev.graphmemory.indexer.java;

import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the entry points a module declares: {@code main} methods (classic and the Java 25 forms),
 * picocli commands with a {@code main}, and Spring Boot applications.
 */
final class EntryPoints {
    static final String MAIN = "main";
    static final String PICOCLI = "picocli";
    static final String SPRING_BOOT = "spring_boot";

    private static final Set<String> COMMAND = Set.of("Command", "CommandLine.Command", "picocli.CommandLine.Command");

    private final Set<String> kinds = new LinkedHashSet<>();
    private final Set<String> classes = new LinkedHashSet<>();

    /** Checks one top-level or member type (never a local or anonymous one); true for an entry point. */
    boolean inspect(TypeDeclaration<?> type, String qualifiedName, boolean topLevel) {
        boolean main = hasMain(type, topLevel);
        boolean spring = annotatedSpringBoot(type);
        if (main) {
            kinds.add(MAIN);
            if (annotated(type, COMMAND)) {
                kinds.add(PICOCLI);
            }
        }
        if (spring) {
            kinds.add(SPRING_BOOT);
        }
        if (main || spring) {
            classes.add(qualifiedName);
        }
        return main || spring;
    }

    List<String> kinds() {
        return List.copyOf(kinds);
    }

    List<String> classes() {
        return List.copyOf(classes);
    }

    private static boolean hasMain(TypeDeclaration<?> type, boolean topLevel) {
        boolean inInterface = type instanceof ClassOrInterfaceDeclaration c && c.isInterface();
        for (BodyDeclaration<?> member : type.getMembers()) {
            if (member instanceof MethodDeclaration m && isMain(m, topLevel, inInterface)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A {@code public static void main(String[])} anywhere; a non-private static one with a {@code
     * String[]} parameter anywhere (JEP 512); instance and no-argument forms only in top-level types.
     */
    static boolean isMain(MethodDeclaration m, boolean topLevel, boolean inInterface) {
        if (!m.getNameAsString().equals("main") || !m.getType().isVoidType() || m.isPrivate()) {
            return false;
        }
        int params = m.getParameters().size();
        if (params > 1 || (params == 1 && !isStringArray(m.getParameter(0)))) {
            return false;
        }
        boolean isStatic = m.isStatic();
        if (isStatic && params == 1) {
            return true;
        }
        return topLevel && (isStatic || !inInterface);
    }

    private static boolean isStringArray(Parameter p) {
        String type = TypeNames.erased(p.getType());
        String element = p.isVarArgs() ? type : type.endsWith("[]") ? type.substring(0, type.length() - 2) : null;
        return "String".equals(element) || "java.lang.String".equals(element);
    }

    private static boolean annotatedSpringBoot(TypeDeclaration<?> type) {
        for (AnnotationExpr a : type.getAnnotations()) {
            if (a.getName().getIdentifier().equals("SpringBootApplication")) {
                return true;
            }
        }
        return false;
    }

    private static boolean annotated(TypeDeclaration<?> type, Set<String> names) {
        for (AnnotationExpr a : type.getAnnotations()) {
            if (names.contains(a.getNameAsString())) {
                return true;
            }
        }
        return false;
    }
}
