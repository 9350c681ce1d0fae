package dev.graphmemory.queries.picture;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Collapses folders (or packages) into their parents until at most a given number remain: each
 * step folds the deepest folders that share a parent, the parent with the most of them first, so
 * the picture keeps as much detail as fits. A folder never folds above the scope asked for.
 */
final class FolderFold {
    private FolderFold() {}

    /** Each place mapped to the group it is drawn in (itself, or a folder above it). */
    static Map<String, String> fold(Collection<String> places, String scope, String sep, int max) {
        Map<String, String> groupOf = new HashMap<>();
        places.forEach(p -> groupOf.put(p, p));
        TreeSet<String> groups = new TreeSet<>(places);
        while (groups.size() > max) {
            int deepest = groups.stream().mapToInt(g -> depth(g, sep)).max().orElse(0);
            // Parents of the deepest groups, and how many of them each holds.
            Map<String, Integer> children = new TreeMap<>();
            for (String g : groups) {
                String parent = parent(g, sep);
                if (depth(g, sep) == deepest && parent != null && inScope(parent, scope, sep)) {
                    children.merge(parent, 1, Integer::sum);
                }
            }
            if (children.isEmpty()) {
                break; // nothing folds within the scope: the cap's +N more takes the rest
            }
            String parent = children.entrySet().stream()
                    .max(Comparator.comparingInt(Map.Entry<String, Integer>::getValue)
                            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                    .orElseThrow()
                    .getKey();
            TreeSet<String> next = new TreeSet<>();
            for (String g : groups) {
                next.add(depth(g, sep) == deepest && parent.equals(parent(g, sep)) ? parent : g);
            }
            groupOf.replaceAll((place, g) -> depth(g, sep) == deepest && parent.equals(parent(g, sep)) ? parent : g);
            groups = next;
        }
        return groupOf;
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
