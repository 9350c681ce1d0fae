package dev.graphmemory.server.view;

import dev.graphmemory.queries.picture.DependencyPicture;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of a map answer that lets the page fold and unfold folders in place: every module the
 * map stands for, with its place (folder or package), file name and gap count, and the imports among
 * them as pairs of indexes into that list (a repository's imports outnumber its modules several
 * times over, and an index is much shorter than an id).
 *
 * <p>Design notes: the server folds a large map into at most 60 boxes ({@code DependencyPicture});
 * the page starts from those boxes and, when a folder is opened or closed, counts the arrows again
 * from these imports, so that it needs no round trip and the drawing keeps its place.
 */
final class MapTree {
    private static final String MODULE = "architecture:module:";

    private MapTree() {}

    static Map<String, Object> of(DependencyPicture.ModuleGraph graph, List<String> gapPaths) {
        Set<String> gaps = new HashSet<>(gapPaths);
        List<Map<String, Object>> modules = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (DependencyPicture.Module m : graph.modules().values()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", m.id());
            row.put("place", m.place());
            row.put("label", m.file());
            boolean gap = m.id().startsWith(MODULE) && gaps.contains(m.id().substring(MODULE.length()));
            row.put("gaps", gap ? 1 : 0);
            index.put(m.id(), modules.size());
            modules.add(row);
        }
        List<int[]> imports = new ArrayList<>();
        for (String[] i : graph.imports()) {
            if (!i[0].equals(i[1])) {
                imports.add(new int[] {index.get(i[0]), index.get(i[1])});
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", graph.byPackage() ? "package" : "folder");
        out.put("separator", graph.separator());
        out.put("scope", graph.scope());
        out.put("modules", modules);
        out.put("imports", imports);
        return out;
    }
}
