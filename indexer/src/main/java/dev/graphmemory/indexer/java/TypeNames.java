package dev.graphmemory.indexer.java;

import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.IntersectionType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.UnionType;

/** Renders JavaParser types as short strings: erased for keys, as written for display. */
final class TypeNames {
    private TypeNames() {}

    /**
     * The type as written without generics and annotations, e.g. {@code Map.Entry} for {@code
     * Map.Entry<K, V>} and {@code char[]} for {@code char[]}; used in function keys.
     */
    static String erased(Type type) {
        if (type instanceof ClassOrInterfaceType c) {
            return c.getNameWithScope();
        }
        if (type instanceof ArrayType a) {
            return erased(a.getComponentType()) + "[]";
        }
        if (type instanceof PrimitiveType p) {
            return p.asString();
        }
        if (type instanceof UnionType u) {
            return join(u.getElements(), "|");
        }
        if (type instanceof IntersectionType i) {
            return join(i.getElements(), "&");
        }
        return type.asString();
    }

    /**
     * The class or interface name a variable of this type can call methods on, e.g. {@code
     * Map.Entry} for {@code Map.Entry<K, V>}; the empty string for primitives, arrays, {@code var}
     * and anything else without such a name.
     */
    static String receiverType(Type type) {
        return type instanceof ClassOrInterfaceType c && !isVar(c) ? c.getNameWithScope() : "";
    }

    /** {@code var} as a local variable type (a plain type name, the parser does not post-process it). */
    static boolean isVar(ClassOrInterfaceType type) {
        return type.getScope().isEmpty()
                && type.getTypeArguments().isEmpty()
                && type.getName().getIdentifier().equals("var");
    }

    /**
     * The erased type if a value of it has methods to call ({@code Foo}, {@code Map.Entry}); the
     * empty string for arrays, primitives and {@code var}.
     */
    static String usable(String erased) {
        if (erased.isEmpty() || erased.endsWith("]") || erased.equals("var")) {
            return "";
        }
        return switch (erased) {
            case "boolean", "byte", "char", "short", "int", "long", "float", "double" -> "";
            default -> erased;
        };
    }

    /** The type as written with generics, without annotations, e.g. {@code List<String>}. */
    static String written(Type type) {
        return type.asString();
    }

    /** Whether a name starts with an upper-case letter, as type names conventionally do. */
    static boolean capitalised(String name) {
        return !name.isEmpty() && Character.isUpperCase(name.charAt(0));
    }

    private static String join(Iterable<? extends Type> types, String separator) {
        StringBuilder out = new StringBuilder();
        for (Type t : types) {
            if (!out.isEmpty()) {
                out.append(separator);
            }
            out.append(erased(t));
        }
        return out.toString();
    }
}
