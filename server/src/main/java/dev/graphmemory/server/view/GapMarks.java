package dev.graphmemory.server.view;

import dev.graphmemory.queries.workflow.gaps.GapDetector;
import dev.graphmemory.queries.workflow.gaps.GapRequest;
import dev.graphmemory.server.config.GapsConfig;
import dev.graphmemory.server.store.GraphStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Marks the boxes of a dependency map that hold integration gaps: the gaps {@code
 * detect_integration_gaps} finds with the repository's configured entry points and exclusions (its
 * largest page, 100), each counted in the deepest box that holds it (a module, or the folder its
 * path lies under; a folded folder also holds its subfolders' boxes, and a gap counts once).
 */
final class GapMarks {
    private GapMarks() {}

    /** Puts {@code gaps} (a count) on the boxes of {@code answer} that hold the gaps at {@code paths}. */
    static void mark(Map<String, Object> answer, List<String> paths) {
        List<String> keys = PictureJson.nodes(answer).stream()
                .map(n -> (String) n.get("id"))
                .toList();
        Map<String, Long> counts = new HashMap<>();
        for (String path : paths) {
            keys.stream()
                    .filter(key -> holds(key, path))
                    .max(Comparator.comparingInt(String::length))
                    .ifPresent(key -> counts.merge(key, 1L, Long::sum));
        }
        for (Map<String, Object> n : PictureJson.nodes(answer)) {
            Long count = counts.get((String) n.get("id"));
            if (count != null) {
                n.put("gaps", count);
            }
        }
    }

    /** Whether the box {@code key} (a module or a folder) holds the module at {@code path}. */
    static boolean holds(String key, String path) {
        if (key.equals("architecture:module:" + path)) {
            return true;
        }
        if (!key.startsWith("folder:")) {
            return false;
        }
        String folder = key.substring("folder:".length());
        return folder.isEmpty() ? !path.contains("/") : path.startsWith(folder + "/");
    }

    /** The paths of the modules that are integration gaps, as the repository's configuration finds them. */
    @SuppressWarnings("unchecked")
    static List<String> paths(GraphStore store, Path root) {
        GapsConfig config = GapsConfig.load(root);
        Map<String, Object> answer = new GapDetector(store.driver(), store.repoKey())
                .detect(new GapRequest(
                        config.entryPoints(),
                        config.exclude(),
                        null,
                        null,
                        0,
                        0,
                        GapRequest.MAX_LIMIT,
                        null,
                        null,
                        null))
                .toMap();
        List<String> out = new ArrayList<>();
        for (Map<String, Object> gap : (List<Map<String, Object>>) answer.getOrDefault("gaps", List.of())) {
            out.add(String.valueOf(gap.get("path")));
        }
        return out;
    }
}
