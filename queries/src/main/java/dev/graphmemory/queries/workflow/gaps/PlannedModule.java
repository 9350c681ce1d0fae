package dev.graphmemory.queries.workflow.gaps;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A module a build plan creates (in a planned work unit's {@code files_changed}, not yet in the
 * graph), whether some work unit wires it into an execution path, and if not, a draft of the
 * missing work unit.
 *
 * @param path its planned path
 * @param plannedBy the planned work units that list it
 * @param wiredBy how it is wired (a work unit and the reached module it changes along), or null
 * @param suggestions where it likely belongs
 * @param draft the missing "Integrate X into Y" work unit, or null when wired
 */
public record PlannedModule(
        String path, List<String> plannedBy, String wiredBy, List<Suggestion> suggestions, WorkUnitDraft draft) {
    public PlannedModule {
        plannedBy = List.copyOf(plannedBy);
        suggestions = List.copyOf(suggestions);
    }

    public boolean wired() {
        return wiredBy != null;
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", path);
        m.put("planned_by", plannedBy);
        m.put("wired", wired());
        if (wired()) {
            m.put("wired_by", wiredBy);
            return m;
        }
        m.put("suggestions", suggestions.stream().map(Suggestion::toMap).toList());
        m.put("draft", draft.toMap());
        return m;
    }
}
