package dev.graphmemory.queries.picture;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Collapses folders (or packages) into folders above them until at most a given number remain,
 * keeping as much detail as fits: each step folds one folder's whole subtree into it, choosing the
 * fold that leaves the most groups within the limit (when that is at least half the limit), or else
 * the fold that removes the fewest groups, deepest first.
 * A folder never folds above the scope asked for; when nothing more folds, the caller's cap
 * ({@code +N more}) takes the rest.
 */
final class FolderFold {
    private FolderFold() {}

    /** Each place mapped to the group it is drawn in (itself, or a folder above it). */
    static Map<String, String> fold(Collection<String> places, String scope, String sep, int max) {
        Map<String, String> groupOf = new HashMap<>();
        places.forEach(p -> groupOf.put(p, p));
        TreeSet<String> groups = new TreeSet<>(places);
        while (groups.size() > max) {
            // The fold that lands highest within the limit, unless it would undershoot by half; else the
            // smallest step (deepest first), which keeps the choice open for the next step.
            String landing = null;
            int landingCount = 0;
            String step = null;
            int stepCount = 0;
            for (Map.Entry<String, Integer> c : groupsUnder(groups, scope, sep).entrySet()) {
                String candidate = c.getKey();
                int count = groups.size() - c.getValue() + (groups.contains(candidate) ? 0 : 1);
                if (count >= groups.size()) {
                    continue;
                }
                if (count <= max && count * 2 >= max && count > landingCount) {
                    landing = candidate;
                    landingCount = count;
                }
                if (step == null
                        || count > stepCount
                        || (count == stepCount && depth(candidate, sep) > depth(step, sep))) {
                    step = candidate;
                    stepCount = count;
                }
            }
            String best = landing != null ? landing : step;
            if (best == null) {
                break;
            }
            String into = best;
            groupOf.replaceAll((place, g) -> under(g, into, sep) ? into : g);
            groups.removeIf(g -> under(g, into, sep));
            groups.add(into);
        }
        return groupOf;
    }

    /**
     * The folders a fold may collapse into (every ancestor of a group, within the scope), each with how
     * many groups lie below it; one pass over the groups, so a step costs groups times depth.
     */
    private static Map<String, Integer> groupsUnder(TreeSet<String> groups, String scope, String sep) {
        Map<String, Integer> out = new TreeMap<>();
        for (String g : groups) {
            for (String p = parent(g, sep); p != null && inScope(p, scope, sep); p = parent(p, sep)) {
                out.merge(p, 1, Integer::sum);
            }
        }
        return out;
    }

    /** Whether {@code g} lies strictly below {@code folder}. */
    private static boolean under(String g, String folder, String sep) {
        return folder.isEmpty() ? !g.isEmpty() : g.startsWith(folder + sep);
    }

    private static int depth(String place, String sep) {
        return place.isEmpty() ? 0 : place.split(java.util.regex.Pattern.quote(sep), -1).length;
    }

    private static String parent(String place, String sep) {
        if (place.isEmpty()) {
            return null;
        }
        int at = place.lastIndexOf(sep);
        return at < 0 ? "" : place.substring(0, at);
    }

    /** Whether {@code place} is the scope or inside it (folding stops at the scope). */
    private static boolean inScope(String place, String scope, String sep) {
        return scope.isEmpty() || place.equals(scope) || place.startsWith(scope + sep);
    }
}
