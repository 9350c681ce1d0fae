package dev.graphmemory.indexer.java;

import java.util.BitSet;

/**
 * What the linker needs from one parsed Java file, kept for every file until linking.
 *
 * <p>Design note: a large repository has tens of thousands of files and millions of call sites,
 * so this holds parallel arrays of interned strings instead of an object per declaration or call,
 * and never the syntax tree. Indexes into {@link Types} and {@link Functions} are local to the
 * file.
 *
 * @param path the repository-relative path (the module key)
 * @param pkg the package, or the empty string for the default package
 * @param test whether the module is a test module
 * @param singleImports single-type imports, e.g. {@code a.b.C} or {@code a.b.C.Nested}
 * @param onDemandImports on-demand imports without the {@code .*}, e.g. {@code a.b} or {@code a.b.C}
 * @param staticImports single static imports, e.g. {@code a.b.C.member}
 * @param staticOnDemandImports static on-demand imports without the {@code .*}, e.g. {@code a.b.C}
 * @param referenced simple type names the file refers to (as types and as static scopes), sorted
 * @param annotationRefs names the file uses only as annotations (simple, or qualified from a
 *     package), sorted; they count as dependencies only when the annotation is retained at run
 *     time, as in compiled classes
 * @param features what makes the compiled class depend on types the source does not name, as
 *     {@link ImplicitDependencies} bits
 * @param qualifiedRefs dotted names written inline whose first segment is lower-case, e.g. {@code
 *     java.util.List} or {@code a.b.C.CONSTANT}; the linker keeps the longest prefix that is a type
 * @param named class names given to class-loading calls ({@link ByNameCalls})
 * @param commands programs started with {@code ProcessBuilder} or {@code Runtime.exec}
 */
record JavaFacts(
        String path,
        String pkg,
        boolean test,
        int features,
        String[] singleImports,
        String[] onDemandImports,
        String[] staticImports,
        String[] staticOnDemandImports,
        String[] referenced,
        String[] annotationRefs,
        String[] qualifiedRefs,
        Types types,
        Functions functions,
        Fields fields,
        Calls calls,
        Named named,
        Commands commands)
        implements java.io.Serializable {

    /** The receiver of a call without scope: the enclosing class, its outer classes, their supertypes. */
    static final String UNQUALIFIED = "";
    /** The receiver {@code this}. */
    static final String THIS = "this";
    /** The receiver {@code super}: the superclass and interfaces of the enclosing class. */
    static final String SUPER = "super";
    /** The method name of a constructor, in call sites and in {@link Functions#names}. */
    static final String CONSTRUCTOR = "<init>";
    /** The name of a call site that only reads its receiver: a field access chain. */
    static final String FIELD_ACCESS = "<field>";

    /** The kinds of type declarations, with the name stored on class nodes. */
    enum Kind {
        CLASS("class"),
        INTERFACE("interface"),
        ENUM("enum"),
        RECORD("record"),
        ANNOTATION("annotation");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /**
     * The types declared in the file (top-level and member types, not local or anonymous ones).
     *
     * @param names canonical qualified names, e.g. {@code a.b.Outer.Inner}
     * @param outer the index of the enclosing type, or -1 for a top-level type
     * @param kinds the {@link Kind} ordinal of each type
     * @param superclasses the {@code extends} clause as written without generics (for an interface:
     *     the interfaces it extends)
     * @param interfaces the {@code implements} clause as written without generics
     * @param retained which annotation types are {@code @Retention(RUNTIME)}
     * @param entryPoints which types are entry points ({@code main}, picocli, Spring Boot)
     */
    record Types(
            String[] names,
            int[] outer,
            byte[] kinds,
            String[][] superclasses,
            String[][] interfaces,
            BitSet retained,
            BitSet entryPoints)
            implements java.io.Serializable {
        int size() {
            return names.length;
        }

        Kind kind(int i) {
            return Kind.values()[kinds[i]];
        }
    }

    /**
     * The methods and constructors of the declared types.
     *
     * @param keys the function keys, {@code <class>#<name>(<params>)}
     * @param names method names, {@link #CONSTRUCTOR} for constructors
     * @param owners the index of the declaring type in {@link Types}
     * @param paramCounts the number of parameters
     * @param varargs which functions end with a varargs parameter
     * @param returnTypes the return type as written without generics or array brackets, {@code
     *     null} for constructors
     */
    record Functions(
            String[] keys, String[] names, int[] owners, int[] paramCounts, BitSet varargs, String[] returnTypes)
            implements java.io.Serializable {
        int size() {
            return keys.length;
        }
    }

    /**
     * The fields of the declared types, with enum constants and record components.
     *
     * @param names field names
     * @param owners the index of the declaring type in {@link Types}
     * @param types the erased type as written, e.g. {@code Map.Entry} or {@code int[]}
     * @param values for a {@code final} field (any interface field) with an initializer, its value
     *     as {@link StringParts}; {@code null} otherwise
     */
    record Fields(String[] names, int[] owners, String[] types, String[] values) implements java.io.Serializable {
        int size() {
            return names.length;
        }
    }

    /**
     * The call sites of every function, deduplicated per function.
     *
     * @param functions the index of the calling function in {@link Functions}
     * @param receivers the receiver: {@link #UNQUALIFIED}, {@link #THIS}, {@link #SUPER}; a name as
     *     written that is not a local variable: a type ({@code Foo}, {@code Map.Entry}), a static
     *     field chain ({@code System.out}) or an inherited field ({@code log}); {@code Type#f.g}
     *     for fields {@code f.g} read from a value of {@code Type}, {@code #f} for a field of the
     *     enclosing classes; or {@code null} when unknown
     * @param names the method name, or {@link #CONSTRUCTOR}
     * @param argCounts the number of arguments
     */
    record Calls(int[] functions, String[] receivers, String[] names, int[] argCounts) implements java.io.Serializable {
        int size() {
            return functions.length;
        }
    }

    /**
     * Class names given to class-loading calls, one entry per call.
     *
     * @param types the local index of the enclosing type (for constants written without a type), or -1
     * @param functions the local index of the calling function, or -1 (an initializer)
     * @param values the name as {@link StringParts}
     * @param lines the line of the call
     */
    record Named(int[] types, int[] functions, String[] values, int[] lines) implements java.io.Serializable {
        int size() {
            return values.length;
        }
    }

    /**
     * Programs started by the file, one entry per call.
     *
     * @param types the local index of the enclosing type, or -1
     * @param functions the local index of the calling function, or -1 (an initializer)
     * @param args the command's arguments, each as {@link StringParts} (split at blanks by the linker)
     * @param lines the line of the call
     */
    record Commands(int[] types, int[] functions, String[][] args, int[] lines) implements java.io.Serializable {
        int size() {
            return args.length;
        }
    }
}
