package dev.graphmemory.indexer.java;

import dev.graphmemory.indexer.model.Copies;
import dev.graphmemory.queries.schema.NodeType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every type and function of the repository, numbered globally: type {@code t} of file {@code f}
 * is {@code typeBase[f] + t}, and likewise for functions. Holds the qualified-name index, member
 * types, methods by name and (once the linker has resolved them) supertypes.
 */
final class SymbolTable {
    private static final int[] NONE = new int[0];

    private final List<JavaFacts> files;
    private final int[] typeBase;
    private final int[] functionBase;
    private final int[] typeFile;
    private final int[] functionFile;
    private final Map<String, Integer> byName = new HashMap<>();
    /** Names declared by more than one type (copies in several files): every declaration. */
    private final Map<String, int[]> repeated = new HashMap<>();

    private final Copies copies;
    private final Map<String, Integer>[] members;
    private final Map<String, int[]>[] methods;
    private final int[][] supers;
    private final int[][] signatureFiles;
    private final int[] fieldBase;
    private final Map<String, Integer>[] fields;
    private final int[] fieldTypes;
    private final java.util.BitSet arrayFields = new java.util.BitSet();

    SymbolTable(List<JavaFacts> files) {
        this(files, Copies.NONE);
    }

    @SuppressWarnings({"unchecked", "rawtypes"}) // arrays of generic maps
    SymbolTable(List<JavaFacts> files, Copies copies) {
        this.files = files;
        this.copies = copies;
        typeBase = new int[files.size()];
        functionBase = new int[files.size()];
        fieldBase = new int[files.size()];
        int types = 0;
        int functions = 0;
        int fieldCount = 0;
        for (int f = 0; f < files.size(); f++) {
            typeBase[f] = types;
            functionBase[f] = functions;
            fieldBase[f] = fieldCount;
            types += files.get(f).types().size();
            functions += files.get(f).functions().size();
            fieldCount += files.get(f).fields().size();
        }
        fields = new Map[types];
        fieldTypes = new int[fieldCount];
        typeFile = new int[types];
        functionFile = new int[functions];
        members = new Map[types];
        methods = new Map[types];
        supers = new int[types][];
        signatureFiles = new int[functions][];
        for (int f = 0; f < files.size(); f++) {
            index(f);
        }
        // The copy that keeps the plain id is the one a name resolves to without context.
        repeated.forEach((name, all) -> byName.put(name, mainCopy(all)));
    }

    private void index(int f) {
        JavaFacts facts = files.get(f);
        JavaFacts.Types types = facts.types();
        for (int t = 0; t < types.size(); t++) {
            int global = typeBase[f] + t;
            typeFile[global] = f;
            Integer first = byName.putIfAbsent(types.names()[t], global);
            if (first != null) {
                repeated.merge(types.names()[t], new int[] {first, global}, (a, b) -> concat(a, new int[] {global}));
            }
            int outer = types.outer()[t];
            if (outer >= 0) {
                int globalOuter = typeBase[f] + outer;
                if (members[globalOuter] == null) {
                    members[globalOuter] = new HashMap<>(4);
                }
                members[globalOuter].putIfAbsent(simpleName(types.names()[t]), global);
            }
        }
        JavaFacts.Fields declared = facts.fields();
        for (int i = 0; i < declared.size(); i++) {
            int owner = typeBase[f] + declared.owners()[i];
            if (fields[owner] == null) {
                fields[owner] = new HashMap<>(8);
            }
            fields[owner].putIfAbsent(declared.names()[i], fieldBase[f] + i);
        }
        JavaFacts.Functions functions = facts.functions();
        for (int i = 0; i < functions.size(); i++) {
            int global = functionBase[f] + i;
            functionFile[global] = f;
            int owner = typeBase[f] + functions.owners()[i];
            if (methods[owner] == null) {
                methods[owner] = new HashMap<>(8);
            }
            methods[owner].merge(functions.names()[i], new int[] {global}, SymbolTable::concat);
        }
    }

    int fileCount() {
        return files.size();
    }

    JavaFacts file(int f) {
        return files.get(f);
    }

    String moduleId(int f) {
        return NodeType.MODULE.id(files.get(f).path());
    }

    int typeCount() {
        return typeFile.length;
    }

    /** The global index of a file's local type. */
    int type(int f, int local) {
        return typeBase[f] + local;
    }

    /** The global index of a file's local function. */
    int function(int f, int local) {
        return functionBase[f] + local;
    }

    /** The type with this canonical qualified name, or -1; of several copies, the main one. */
    int type(String qualifiedName) {
        Integer t = byName.get(qualifiedName);
        return t == null ? -1 : t;
    }

    /**
     * The type with this canonical qualified name as seen from file {@code from}: of several
     * copies, the one nearest to it, as a compiler with the build's source sets would pick it: the
     * same source folder first, then the same build module, then the one that keeps the plain id.
     * Nearness is the number of leading folders the two paths share.
     */
    int type(String qualifiedName, int from) {
        return type(qualifiedName, files.get(from).path());
    }

    /** As {@link #type(String, int)}, seen from a repository path (a file that declares no type, e.g. a resource). */
    int type(String qualifiedName, String fromPath) {
        int[] all = repeated.get(qualifiedName);
        return all == null ? type(qualifiedName) : nearest(all, fromPath)[0];
    }

    /**
     * The copies of {@code type}'s name that are as near to file {@code from} as {@code type} is,
     * itself included, when there are several: a reference the build's layout cannot settle.
     * Empty for a name declared once or a copy nearer than all others.
     */
    int[] tiedWith(int type, int from) {
        int[] all = repeated.get(qualifiedName(type));
        if (all == null) {
            return NONE;
        }
        int[] near = nearest(all, files.get(from).path());
        if (near.length < 2) {
            return NONE;
        }
        for (int t : near) {
            if (t == type) {
                return near;
            }
        }
        return NONE;
    }

    /** The nearest of several copies, the one keeping the plain id first among equals. */
    private int[] nearest(int[] candidates, String from) {
        List<String> paths = new java.util.ArrayList<>(candidates.length);
        for (int t : candidates) {
            paths.add(files.get(typeFile[t]).path());
        }
        int[] indexes = copies.nearness().nearest(from, paths);
        int[] found = new int[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            found[i] = candidates[indexes[i]];
        }
        if (found.length > 1) {
            found = java.util.Arrays.stream(found)
                    .boxed()
                    .sorted(java.util.Comparator.comparing(
                            t -> files.get(typeFile[t]).path(), Copies.RANK))
                    .mapToInt(Integer::intValue)
                    .toArray();
        }
        return found;
    }

    /** The copy that keeps the plain id. */
    private int mainCopy(int[] candidates) {
        int best = candidates[0];
        for (int t : candidates) {
            if (Copies.RANK.compare(
                            files.get(typeFile[t]).path(),
                            files.get(typeFile[best]).path())
                    < 0) {
                best = t;
            }
        }
        return best;
    }

    /** The id of a type's class node (its copy's id when its name is declared more than once). */
    String classId(int type) {
        String path = files.get(typeFile[type]).path();
        return copies.id(path, NodeType.CLASS.id(qualifiedName(type)));
    }

    /**
     * The type named by the longest prefix of a dotted name, e.g. {@code a.b.C} of {@code a.b.C.m},
     * as seen from file {@code from} (its nearest copy); -1 if none.
     */
    int longestPrefix(String dotted, int from) {
        String name = dotted;
        while (true) {
            int t = type(name, from);
            if (t >= 0) {
                return t;
            }
            int dot = name.lastIndexOf('.');
            if (dot < 0) {
                return -1;
            }
            name = name.substring(0, dot);
        }
    }

    int fileOf(int type) {
        return typeFile[type];
    }

    String qualifiedName(int type) {
        int f = typeFile[type];
        return files.get(f).types().names()[type - typeBase[f]];
    }

    boolean hasSimpleName(int type, String simple) {
        String qn = qualifiedName(type);
        int start = qn.length() - simple.length();
        return qn.endsWith(simple) && (start == 0 || qn.charAt(start - 1) == '.');
    }

    JavaFacts.Kind kind(int type) {
        int f = typeFile[type];
        return files.get(f).types().kind(type - typeBase[f]);
    }

    /** Whether an annotation type is retained at run time (and so visible in compiled classes). */
    boolean retained(int type) {
        int f = typeFile[type];
        return files.get(f).types().retained().get(type - typeBase[f]);
    }

    /** The enclosing type, or -1 for a top-level type. */
    int outer(int type) {
        int f = typeFile[type];
        int outer = files.get(f).types().outer()[type - typeBase[f]];
        return outer < 0 ? -1 : typeBase[f] + outer;
    }

    /** The member type of {@code type} with this simple name, or -1. */
    int member(int type, String simple) {
        Map<String, Integer> m = members[type];
        Integer t = m == null ? null : m.get(simple);
        return t == null ? -1 : t;
    }

    /** The functions of {@code type} with this name ({@link JavaFacts#CONSTRUCTOR} for constructors). */
    int[] methods(int type, String name) {
        Map<String, int[]> m = methods[type];
        int[] found = m == null ? null : m.get(name);
        return found == null ? NONE : found;
    }

    /** The resolved repository supertypes, superclass first; empty until the linker sets them. */
    /** Supertypes visited at most by {@link #inSupertypes}, which bounds walks over cyclic or deep hierarchies. */
    private static final int MAX_SUPER_WALK = 64;

    /**
     * The first non-negative answer of {@code lookup} over the supertypes of {@code type}, breadth
     * first (not {@code type} itself), or -1.
     */
    int inSupertypes(int type, java.util.function.IntUnaryOperator lookup) {
        int[] queue = new int[MAX_SUPER_WALK];
        int head = 0;
        int tail = 0;
        for (int s : supers(type)) {
            if (tail < queue.length) {
                queue[tail++] = s;
            }
        }
        while (head < tail) {
            int t = queue[head++];
            int found = lookup.applyAsInt(t);
            if (found >= 0) {
                return found;
            }
            for (int s : supers(t)) {
                if (tail < queue.length) {
                    queue[tail++] = s;
                }
            }
        }
        return -1;
    }

    int[] supers(int type) {
        int[] s = supers[type];
        return s == null ? NONE : s;
    }

    void setSupers(int type, int[] resolved) {
        supers[type] = resolved;
    }

    /** The global index of a file's local field. */
    int field(int f, int local) {
        return fieldBase[f] + local;
    }

    /** The field of {@code type} (not of its supertypes) with this name, or -1. */
    int field(int type, String name) {
        Map<String, Integer> m = fields[type];
        Integer found = m == null ? null : m.get(name);
        return found == null ? -1 : found;
    }

    /**
     * The value of the constant {@code name} declared in {@code type} as {@link StringParts}, or
     * {@code null} when there is no such field or it has no known value.
     */
    String fieldValue(int type, String name) {
        int field = field(type, name);
        if (field < 0) {
            return null;
        }
        int f = typeFile[type];
        String[] values = files.get(f).fields().values();
        return values == null ? null : values[field - fieldBase[f]];
    }

    /** The repository type of a field (its element type for an array), or -1. */
    int fieldType(int field) {
        return fieldTypes[field];
    }

    boolean isArrayField(int field) {
        return arrayFields.get(field);
    }

    void setFieldType(int field, int type, boolean array) {
        fieldTypes[field] = type;
        arrayFields.set(field, array);
    }

    /** The files declaring the types of a function's signature; empty until the linker sets them. */
    int[] signatureFiles(int function) {
        int[] s = signatureFiles[function];
        return s == null ? NONE : s;
    }

    void setSignatureFiles(int function, int[] files) {
        signatureFiles[function] = files;
    }

    String functionId(int function) {
        int f = functionFile[function];
        return copies.id(
                files.get(f).path(),
                NodeType.FUNCTION.id(files.get(f).functions().keys()[function - functionBase[f]]));
    }

    /** Whether a function accepts this many arguments. */
    boolean accepts(int function, int args) {
        int f = functionFile[function];
        JavaFacts.Functions functions = files.get(f).functions();
        int local = function - functionBase[f];
        int params = functions.paramCounts()[local];
        return params == args || (functions.varargs().get(local) && args >= params - 1);
    }

    static String simpleName(String qualifiedName) {
        return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
