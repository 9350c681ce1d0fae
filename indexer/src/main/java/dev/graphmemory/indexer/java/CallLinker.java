package dev.graphmemory.indexer.java;

import dev.graphmemory.indexer.model.EdgeRow;
import dev.graphmemory.indexer.model.LanguagePlugin.LinkOutput;
import dev.graphmemory.queries.schema.RelType;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/** Emits {@code CALLS} edges for the call sites of one file at a time. */
final class CallLinker {
    private static final int[] NONE = new int[0];

    private final SymbolTable table;
    private final MethodLookup lookup;
    private final ReceiverResolver receivers;
    private final Consumer<LinkOutput> out;

    CallLinker(SymbolTable table, Consumer<LinkOutput> out) {
        this.table = table;
        this.lookup = new MethodLookup(table);
        this.receivers = new ReceiverResolver(table);
        this.out = out;
    }

    /**
     * Emits the calls of one file and adds to {@code dependencies} the files declaring the types in
     * the signatures of the functions it calls.
     */
    void link(FileScope scope, Set<Integer> dependencies) {
        JavaFacts facts = scope.facts();
        JavaFacts.Calls calls = facts.calls();
        Set<Long> seen = new HashSet<>();
        int lastCaller = -1;
        String callerId = null;
        for (int i = 0; i < calls.size(); i++) {
            int local = calls.functions()[i];
            int caller = table.function(scope.file(), local);
            int context = table.type(scope.file(), facts.functions().owners()[local]);
            int[] targets =
                    targets(scope, context, calls.receivers()[i], calls.names()[i], calls.argCounts()[i], dependencies);
            addSignatureFiles(targets, scope.file(), dependencies);
            for (int target : targets) {
                if (seen.add(((long) caller << 32) | target)) {
                    if (caller != lastCaller) {
                        lastCaller = caller;
                        callerId = table.functionId(caller);
                    }
                    out.accept(EdgeRow.of(RelType.CALLS, callerId, table.functionId(target)));
                }
            }
        }
    }

    /**
     * The signature files of the callee; of several overloads, only those all share, since the
     * compiled call names one of them.
     */
    private void addSignatureFiles(int[] targets, int self, Set<Integer> dependencies) {
        if (targets.length == 0) {
            return;
        }
        outer:
        for (int file : table.signatureFiles(targets[0])) {
            for (int i = 1; i < targets.length; i++) {
                if (!contains(table.signatureFiles(targets[i]), file)) {
                    continue outer;
                }
            }
            if (file != self) {
                dependencies.add(file);
            }
        }
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    private int[] targets(
            FileScope scope, int context, String receiver, String name, int args, Set<Integer> dependencies) {
        if (receiver == null) {
            return NONE;
        }
        boolean constructor = name.equals(JavaFacts.CONSTRUCTOR);
        if (receiver.equals(JavaFacts.THIS)) {
            return constructor ? lookup.constructors(context, args) : lookup.find(context, name, args);
        }
        if (receiver.equals(JavaFacts.SUPER)) {
            return onSupertypes(context, name, args, constructor);
        }
        if (receiver.equals(JavaFacts.UNQUALIFIED)) {
            return unqualified(scope, context, name, args);
        }
        if (constructor) {
            int type = scope.resolve(receiver, context, true);
            return type < 0 ? NONE : lookup.constructors(type, args);
        }
        int type = receivers.resolve(scope, context, receiver, dependencies);
        if (type < 0 || name.equals(JavaFacts.FIELD_ACCESS)) {
            return NONE;
        }
        return lookup.find(type, name, args);
    }

    private int[] onSupertypes(int context, String name, int args, boolean constructor) {
        for (int s : table.supers(context)) {
            if (constructor) {
                // super(...) runs the superclass constructor, which comes first among the supertypes
                return table.kind(s) == JavaFacts.Kind.INTERFACE ? NONE : lookup.constructors(s, args);
            }
            int[] found = lookup.find(s, name, args);
            if (found.length > 0) {
                return found;
            }
        }
        return NONE;
    }

    /** The enclosing class, then its outer classes (each with supertypes), then static imports. */
    private int[] unqualified(FileScope scope, int context, String name, int args) {
        for (int t = context; t >= 0; t = table.outer(t)) {
            int[] found = lookup.find(t, name, args);
            if (found.length > 0) {
                return found;
            }
        }
        JavaFacts facts = scope.facts();
        for (String member : facts.staticImports()) {
            int dot = member.lastIndexOf('.');
            if (dot > 0 && member.substring(dot + 1).equals(name)) {
                int type = table.type(member.substring(0, dot), scope.file());
                if (type >= 0) {
                    return lookup.find(type, name, args);
                }
            }
        }
        for (String typeName : facts.staticOnDemandImports()) {
            int type = table.type(typeName, scope.file());
            if (type >= 0) {
                int[] found = lookup.find(type, name, args);
                if (found.length > 0) {
                    return found;
                }
            }
        }
        return NONE;
    }
}
