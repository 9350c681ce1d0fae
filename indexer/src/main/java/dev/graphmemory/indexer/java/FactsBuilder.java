package dev.graphmemory.indexer.java;

import com.github.javaparser.ast.ImportDeclaration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects the {@link JavaFacts} of one file while its tree is visited; not thread-safe. */
final class FactsBuilder {
    private static final String[] NONE = new String[0];

    private final String path;
    private final String pkg;
    private final List<String> singleImports = new ArrayList<>();
    private final List<String> onDemandImports = new ArrayList<>();
    private final List<String> staticImports = new ArrayList<>();
    private final List<String> staticOnDemandImports = new ArrayList<>();
    private final Set<String> referenced = new HashSet<>();
    private final Set<String> annotationRefs = new HashSet<>();
    private final Set<String> hidden = new HashSet<>();
    private final Set<String> qualifiedRefs = new LinkedHashSet<>();

    private final List<String> typeNames = new ArrayList<>();
    private final List<Integer> typeOuter = new ArrayList<>();
    private final List<JavaFacts.Kind> typeKinds = new ArrayList<>();
    private final List<String[]> superclasses = new ArrayList<>();
    private final List<String[]> interfaces = new ArrayList<>();
    private final BitSet retained = new BitSet();
    private final BitSet entryPoints = new BitSet();

    private final List<String> functionKeys = new ArrayList<>();
    private final List<String> functionNames = new ArrayList<>();
    private final List<Integer> functionOwners = new ArrayList<>();
    private final List<Integer> paramCounts = new ArrayList<>();
    private final BitSet varargs = new BitSet();
    private final List<String> returnTypes = new ArrayList<>();

    private final List<String> fieldNames = new ArrayList<>();
    private final List<Integer> fieldOwners = new ArrayList<>();
    private final List<String> fieldTypes = new ArrayList<>();
    private final List<String> fieldValues = new ArrayList<>();
    private final List<int[]> namedAt = new ArrayList<>();
    private final List<String> namedValues = new ArrayList<>();
    private final List<int[]> commandsAt = new ArrayList<>();
    private final List<String[]> commandArgs = new ArrayList<>();
    private final Set<CallSite> calls = new LinkedHashSet<>();
    private int features;

    private record CallSite(int function, String receiver, String name, int args) {}

    FactsBuilder(String path, String pkg) {
        this.path = path;
        this.pkg = pkg;
    }

    void addImport(ImportDeclaration i) {
        if (i.isModule()) {
            return;
        }
        String name = i.getNameAsString();
        List<String> target = i.isStatic()
                ? (i.isAsterisk() ? staticOnDemandImports : staticImports)
                : (i.isAsterisk() ? onDemandImports : singleImports);
        target.add(name);
    }

    /** Whether the file imports JUnit or TestNG, which makes it a test module. */
    boolean importsTestFramework() {
        for (List<String> list : List.of(singleImports, onDemandImports, staticImports, staticOnDemandImports)) {
            for (String name : list) {
                if (name.startsWith("org.junit") || name.startsWith("org.testng")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Records a simple name used as a type (or as the scope of a static member). */
    void reference(String simpleName) {
        referenced.add(simpleName);
    }

    /** Records an {@link ImplicitDependencies} feature bit. */
    void feature(int bit) {
        features |= bit;
    }

    /** Records a simple name used as an annotation. */
    void annotationReference(String simpleName) {
        annotationRefs.add(simpleName);
    }

    /** Records a name that is not a type of another file here: a type parameter or a declared type. */
    void hide(String simpleName) {
        hidden.add(simpleName);
    }

    /** Records a dotted name written inline that starts with a package, e.g. {@code java.util.List}. */
    void qualified(String dottedName) {
        qualifiedRefs.add(dottedName);
    }

    int addType(
            String qualifiedName,
            int outer,
            JavaFacts.Kind kind,
            String[] supers,
            String[] ifaces,
            boolean runtimeRetained,
            boolean entryPoint) {
        retained.set(typeNames.size(), runtimeRetained);
        entryPoints.set(typeNames.size(), entryPoint);
        typeNames.add(qualifiedName);
        typeOuter.add(outer);
        typeKinds.add(kind);
        superclasses.add(intern(supers));
        interfaces.add(intern(ifaces));
        hide(qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1));
        return typeNames.size() - 1;
    }

    /** Adds a function; {@code returnType} as written, {@code null} for a constructor. */
    int addFunction(String key, String name, int owner, int params, boolean isVarargs, String returnType) {
        returnTypes.add(returnType == null ? null : elementType(returnType).intern());
        functionKeys.add(key);
        functionNames.add(name.intern());
        functionOwners.add(owner);
        paramCounts.add(params);
        varargs.set(functionKeys.size() - 1, isVarargs);
        return functionKeys.size() - 1;
    }

    void addField(int owner, String name, String erasedType, String value) {
        fieldOwners.add(owner);
        fieldNames.add(name.intern());
        fieldTypes.add(erasedType.intern());
        fieldValues.add(value);
    }

    /** Records a class name given to a class-loading call, as {@link StringParts}. */
    void addNamed(int type, int function, String value, int line) {
        namedAt.add(new int[] {type, function, line});
        namedValues.add(value);
    }

    /** Records a program start with its arguments as {@link StringParts}. */
    void addCommand(int type, int function, String[] args, int line) {
        commandsAt.add(new int[] {type, function, line});
        commandArgs.add(args);
    }

    void addCall(int function, String receiver, String name, int args) {
        calls.add(new CallSite(function, receiver, name, args));
    }

    JavaFacts build(boolean test) {
        Set<String> refs = new HashSet<>(referenced);
        refs.removeAll(hidden);
        Set<String> annotationOnly = new HashSet<>(annotationRefs);
        annotationOnly.removeAll(hidden);
        annotationOnly.removeAll(refs);
        JavaFacts.Types types = new JavaFacts.Types(
                typeNames.toArray(NONE),
                typeOuter.stream().mapToInt(Integer::intValue).toArray(),
                bytes(typeKinds),
                superclasses.toArray(new String[0][]),
                interfaces.toArray(new String[0][]),
                retained,
                entryPoints);
        JavaFacts.Functions functions = new JavaFacts.Functions(
                functionKeys.toArray(NONE),
                functionNames.toArray(NONE),
                functionOwners.stream().mapToInt(Integer::intValue).toArray(),
                paramCounts.stream().mapToInt(Integer::intValue).toArray(),
                varargs,
                returnTypes.toArray(NONE));
        return new JavaFacts(
                path,
                pkg.intern(),
                test,
                features,
                intern(singleImports),
                intern(onDemandImports),
                intern(staticImports),
                intern(staticOnDemandImports),
                sorted(intern(refs)),
                sorted(intern(annotationOnly)),
                intern(qualifiedRefs),
                types,
                functions,
                new JavaFacts.Fields(
                        fieldNames.toArray(NONE),
                        fieldOwners.stream().mapToInt(Integer::intValue).toArray(),
                        fieldTypes.toArray(NONE),
                        fieldValues.toArray(NONE)),
                calls(),
                new JavaFacts.Named(
                        column(namedAt, 0), column(namedAt, 1), namedValues.toArray(NONE), column(namedAt, 2)),
                new JavaFacts.Commands(
                        column(commandsAt, 0),
                        column(commandsAt, 1),
                        commandArgs.toArray(new String[0][]),
                        column(commandsAt, 2)));
    }

    private static int[] column(List<int[]> rows, int i) {
        int[] out = new int[rows.size()];
        for (int r = 0; r < out.length; r++) {
            out[r] = rows.get(r)[i];
        }
        return out;
    }

    private JavaFacts.Calls calls() {
        int n = calls.size();
        int[] functions = new int[n];
        String[] receivers = new String[n];
        String[] names = new String[n];
        int[] args = new int[n];
        int i = 0;
        for (CallSite c : calls) {
            functions[i] = c.function();
            receivers[i] = c.receiver() == null ? null : c.receiver().intern();
            names[i] = c.name().intern();
            args[i] = c.args();
            i++;
        }
        return new JavaFacts.Calls(functions, receivers, names, args);
    }

    /** {@code Map.Entry} for {@code Map.Entry<K, V>[]}. */
    static String elementType(String written) {
        int end = written.length();
        int generic = written.indexOf('<');
        if (generic >= 0) {
            end = generic;
        }
        int array = written.indexOf('[');
        if (array >= 0 && array < end) {
            end = array;
        }
        int dots = written.indexOf("...");
        if (dots >= 0 && dots < end) {
            end = dots;
        }
        return written.substring(0, end);
    }

    private static String[] sorted(String[] values) {
        java.util.Arrays.sort(values);
        return values;
    }

    private static byte[] bytes(List<JavaFacts.Kind> kinds) {
        byte[] out = new byte[kinds.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) kinds.get(i).ordinal();
        }
        return out;
    }

    private static String[] intern(java.util.Collection<String> values) {
        return intern(values.toArray(NONE));
    }

    private static String[] intern(String[] values) {
        if (values.length == 0) {
            return NONE;
        }
        for (int i = 0; i < values.length; i++) {
            values[i] = values[i].intern();
        }
        return values;
    }
}
