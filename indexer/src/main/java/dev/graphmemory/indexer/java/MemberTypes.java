package dev.graphmemory.indexer.java;

import java.util.Arrays;

/**
 * Resolves the types of members, in the scope of the file that declares them: the type of each
 * field, and per function the repository files that declare the types in its signature
 * (parameter and return types). A call to the function makes the caller depend on them, as the
 * compiled call does through the method descriptor: {@code repo.find(id)} depends on {@code Item}
 * when {@code find} returns one, though the caller never names it.
 */
final class MemberTypes {
    private static final int[] NONE = new int[0];

    private MemberTypes() {}

    /** Resolves the field types and signature files of one file and stores them in the table. */
    static void compute(SymbolTable table, FileScope scope) {
        JavaFacts.Fields fields = scope.facts().fields();
        for (int local = 0; local < fields.size(); local++) {
            int context = table.type(scope.file(), fields.owners()[local]);
            String type = fields.types()[local];
            String element = FactsBuilder.elementType(type);
            int resolved = element.isEmpty() || isPrimitive(element) ? -1 : scope.resolve(element, context, true);
            table.setFieldType(table.field(scope.file(), local), resolved, !element.equals(type));
        }
        JavaFacts.Functions functions = scope.facts().functions();
        for (int local = 0; local < functions.size(); local++) {
            int context = table.type(scope.file(), functions.owners()[local]);
            int[] files = new int[functions.paramCounts()[local] + 1];
            int n = 0;
            String key = functions.keys()[local];
            int open = key.indexOf('(');
            int close = key.lastIndexOf(')');
            int start = open + 1;
            while (start < close) {
                int comma = key.indexOf(',', start);
                int end = comma < 0 || comma > close ? close : comma;
                n = add(table, scope, context, FactsBuilder.elementType(key.substring(start, end)), files, n);
                start = end + 1;
            }
            String returnType = functions.returnTypes()[local];
            if (returnType != null) {
                n = add(table, scope, context, returnType, files, n);
            }
            table.setSignatureFiles(table.function(scope.file(), local), n == 0 ? NONE : Arrays.copyOf(files, n));
        }
    }

    private static int add(SymbolTable table, FileScope scope, int context, String type, int[] files, int n) {
        if (type.isEmpty() || !Character.isJavaIdentifierStart(type.charAt(0)) || isPrimitive(type)) {
            return n;
        }
        int resolved = scope.resolve(type, context, true);
        if (resolved < 0) {
            return n;
        }
        int file = table.fileOf(resolved);
        for (int i = 0; i < n; i++) {
            if (files[i] == file) {
                return n;
            }
        }
        files[n] = file;
        return n + 1;
    }

    private static boolean isPrimitive(String type) {
        return switch (type) {
            case "void", "boolean", "byte", "char", "short", "int", "long", "float", "double" -> true;
            default -> false;
        };
    }
}
