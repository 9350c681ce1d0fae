package dev.graphmemory.indexer.java;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A method or constructor being visited: its facts index, its variables and its calls as written. */
final class FunctionScope {
    /** The most callees kept on a function node. */
    static final int MAX_CALLS = 200;

    final int index;
    final String key;
    final TypeScope owner;
    final Map<String, Object> props;
    private final Map<String, String> locals = new HashMap<>();
    private final Set<String> calls = new LinkedHashSet<>();

    FunctionScope(int index, String key, TypeScope owner, Map<String, Object> props) {
        this.index = index;
        this.key = key;
        this.owner = owner;
        this.props = props;
    }

    /** Declares a parameter or local variable with its receiver type ("" when unusable). */
    void declare(String name, String receiverType) {
        locals.put(name, receiverType);
    }

    String localType(String name) {
        return locals.get(name);
    }

    void addCall(String written) {
        if (calls.size() < MAX_CALLS) {
            calls.add(written);
        }
    }

    List<String> calls() {
        return List.copyOf(calls);
    }
}
