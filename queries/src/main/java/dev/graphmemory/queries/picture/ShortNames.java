package dev.graphmemory.queries.picture;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shortest names that still tell a diagram's nodes apart: a path's last segments
 * ({@code GraphTools.java}, or {@code mcp/GraphTools.java} when two folders hold one), a qualified
 * name's last parts ({@code Handler#login(String)}, {@code server.mcp}), the {@code schema:type:}
 * prefix of a node id dropped (the box's shape says the type).
 */
public final class ShortNames {
    /** Node types whose key is a repository path, even one without a folder. */
    private static final List<String> PATH_TYPES = List.of("module", "cli_entry", "build_module");

    private ShortNames() {}

    /** Each key mapped to its short name, unique among {@code keys} (unless two keys are equal once shortened). */
    public static Map<String, String> of(Collection<String> keys) {
        Map<String, List<String>> segments = new LinkedHashMap<>();
        Map<String, String> separator = new HashMap<>();
        for (String key : keys) {
            String bare = withoutIdPrefix(key);
            String sep = bare.contains("/") || isPath(key) ? "/" : ".";
            separator.put(key, sep);
            segments.put(key, split(bare, sep));
        }
        Map<String, Integer> taken = new HashMap<>();
        segments.keySet().forEach(k -> taken.put(k, 1));
        boolean changed = true;
        Map<String, String> names = new LinkedHashMap<>();
        while (changed) {
            changed = false;
            names.clear();
            Map<String, List<String>> byName = new HashMap<>();
            for (String key : segments.keySet()) {
                String name = suffix(segments.get(key), taken.get(key), separator.get(key));
                names.put(key, name);
                byName.computeIfAbsent(name, n -> new ArrayList<>()).add(key);
            }
            for (List<String> clash : byName.values()) {
                if (clash.size() < 2) {
                    continue;
                }
                for (String key : clash) {
                    if (taken.get(key) < segments.get(key).size()) {
                        taken.put(key, taken.get(key) + 1);
                        changed = true;
                    }
                }
            }
        }
        return names;
    }

    /** Whether the key is the id of a node whose key is a path ({@code architecture:module:pom.xml}). */
    private static boolean isPath(String key) {
        return PATH_TYPES.stream().anyMatch(t -> key.startsWith("architecture:" + t + ":"));
    }

    /** {@code architecture:module:src/App.java} without {@code architecture:module:}; other keys as they are. */
    static String withoutIdPrefix(String key) {
        int first = key.indexOf(':');
        int second = first < 0 ? -1 : key.indexOf(':', first + 1);
        if (second < 0
                || key.substring(0, first).contains("/")
                || key.substring(0, first).contains(".")) {
            return key;
        }
        return key.substring(second + 1);
    }

    /**
     * The parts of a name: path segments, or the dot-separated parts of a qualified name before its
     * member ({@code #login(String)}) or parameter list, which stays with the last part.
     */
    private static List<String> split(String name, String sep) {
        if (sep.equals("/")) {
            return List.of(name.split("/", -1));
        }
        int end = name.length();
        for (char c : new char[] {'#', '(', ' '}) {
            int at = name.indexOf(c);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        String head = name.substring(0, end);
        int lastDot = head.lastIndexOf('.');
        if (lastDot < 0) {
            return List.of(name);
        }
        List<String> parts = new ArrayList<>(List.of(head.substring(0, lastDot).split("\\.", -1)));
        parts.add(name.substring(lastDot + 1));
        return parts;
    }

    private static String suffix(List<String> parts, int n, String sep) {
        return String.join(sep, parts.subList(Math.max(0, parts.size() - n), parts.size()));
    }
}
