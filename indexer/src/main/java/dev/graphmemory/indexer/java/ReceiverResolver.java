package dev.graphmemory.indexer.java;

import java.util.Set;

/**
 * Resolves the receiver of a call site (see {@link JavaFacts.Calls#receivers}) to a repository
 * type, following field chains through the declared field types: {@code System.out} is a static
 * field of {@code System}, {@code log} may be a field inherited from a superclass or imported
 * statically, {@code Repo#items} is the field {@code items} of a {@code Repo} value. Each field
 * read adds the file of the field's type to the caller's dependencies, as the compiled field
 * access does through its descriptor.
 */
final class ReceiverResolver {

    private final SymbolTable table;

    ReceiverResolver(SymbolTable table) {
        this.table = table;
    }

    /** The receiver's type, or a negative number when it is unknown or outside the repository. */
    int resolve(FileScope scope, int context, String receiver, Set<Integer> dependencies) {
        int hash = receiver.indexOf('#');
        if (hash == 0) {
            return fromContext(scope, context, receiver.substring(1), dependencies);
        }
        if (hash > 0) {
            int start = scope.resolve(receiver.substring(0, hash), context, true);
            return start < 0 ? -1 : follow(start, receiver.substring(hash + 1), dependencies);
        }
        int type = scope.resolve(receiver, context, true);
        if (type != -1) {
            return type;
        }
        for (int dot = receiver.lastIndexOf('.'); dot > 0; dot = receiver.lastIndexOf('.', dot - 1)) {
            int prefix = scope.resolve(receiver.substring(0, dot), context, true);
            if (prefix == FileScope.EXTERNAL) {
                return -1;
            }
            if (prefix >= 0) {
                return follow(prefix, receiver.substring(dot + 1), dependencies);
            }
        }
        return fromContext(scope, context, receiver, dependencies);
    }

    /** A chain starting with a field of the enclosing classes or a statically imported field. */
    private int fromContext(FileScope scope, int context, String chain, Set<Integer> dependencies) {
        int dot = chain.indexOf('.');
        String first = dot < 0 ? chain : chain.substring(0, dot);
        String rest = dot < 0 ? "" : chain.substring(dot + 1);
        for (int t = context; t >= 0; t = table.outer(t)) {
            int field = fieldIncludingInherited(t, first);
            if (field >= 0) {
                return read(field, rest, dependencies);
            }
        }
        for (String member : scope.facts().staticImports()) {
            if (member.endsWith(first)
                    && member.length() > first.length()
                    && member.charAt(member.length() - first.length() - 1) == '.') {
                int owner = table.type(member.substring(0, member.length() - first.length() - 1), scope.file());
                int field = owner < 0 ? -1 : fieldIncludingInherited(owner, first);
                if (field >= 0) {
                    return read(field, rest, dependencies);
                }
            }
        }
        for (String typeName : scope.facts().staticOnDemandImports()) {
            int owner = table.type(typeName, scope.file());
            int field = owner < 0 ? -1 : fieldIncludingInherited(owner, first);
            if (field >= 0) {
                return read(field, rest, dependencies);
            }
        }
        return -1;
    }

    /** Follows the fields named in {@code chain} (dot-separated, possibly empty) from a value of {@code type}. */
    private int follow(int type, String chain, Set<Integer> dependencies) {
        int t = type;
        int start = 0;
        while (t >= 0 && start < chain.length()) {
            int dot = chain.indexOf('.', start);
            String name = dot < 0 ? chain.substring(start) : chain.substring(start, dot);
            int field = fieldIncludingInherited(t, name);
            if (field < 0) {
                return -1;
            }
            t = read(field, "", dependencies);
            start = dot < 0 ? chain.length() : dot + 1;
        }
        return t;
    }

    /** Reads one field: its type becomes a dependency and the value for the rest of the chain. */
    private int read(int field, String rest, Set<Integer> dependencies) {
        int type = table.fieldType(field);
        if (type >= 0) {
            dependencies.add(table.fileOf(type));
        }
        if (type < 0 || table.isArrayField(field)) {
            return -1;
        }
        return rest.isEmpty() ? type : follow(type, rest, dependencies);
    }

    private int fieldIncludingInherited(int type, String name) {
        int direct = table.field(type, name);
        if (direct >= 0 || table.supers(type).length == 0) {
            return direct;
        }
        return table.inSupertypes(type, t -> table.field(t, name));
    }
}
