package dev.graphmemory.server.view;

import dev.graphmemory.queries.find.FindQuery;
import dev.graphmemory.queries.find.NeighborsQuery;
import dev.graphmemory.queries.find.PropertyKeys;
import dev.graphmemory.queries.find.ToolException;
import dev.graphmemory.queries.graph.RepoGraph;
import dev.graphmemory.queries.picture.DependencyPicture;
import dev.graphmemory.queries.picture.Diagram;
import dev.graphmemory.queries.picture.Picture;
import dev.graphmemory.queries.picture.WorkUnitPicture;
import dev.graphmemory.queries.workflow.DuplicateFinder;
import dev.graphmemory.server.config.GraphMemoryConfig;
import dev.graphmemory.server.mcp.McpServerFactory;
import dev.graphmemory.server.store.GraphStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The view's JSON endpoints, each a read through the code the tools use, with the request's
 * parameters as the reads' parameters: {@code map} (the dependency picture's boxes and arrows, gaps
 * marked, and the modules and imports they fold, {@link MapTree}), {@code node} (a node's neighbours, in sections for a module), {@code work_unit} (the
 * work-unit picture's footprint) and {@code find} (ids, and titles of work, bugs and decisions,
 * containing a text). Every answer carries the
 * tools' stamp ({@code indexed_commit}, {@code stale}).
 */
public final class ViewApi {
    /** The answer to one request: an HTTP status and its JSON body. */
    public record Answer(int status, String json) {}

    /** One section of a module's page: a relationship in one direction (and depth). */
    private record Section(String title, String direction, String relationship, int depth) {}

    private static final List<Section> MODULE_SECTIONS = List.of(
            new Section("imports", "out", "IMPORTS", 1),
            new Section("imported by", "in", "IMPORTS", 1),
            new Section("declares (classes and functions)", "out", "DECLARES", 2),
            new Section("tested by", "in", "TESTS", 1),
            new Section("work units", "in", "TOUCHES", 1),
            new Section("commits", "in", "MODIFIES", 1));

    /** The types the search box looks in, in the order its answers are listed. */
    private static final List<String[]> FIND_TYPES = List.of(
            new String[] {"architecture", "module"},
            new String[] {"architecture", "class"},
            new String[] {"architecture", "function"},
            new String[] {"workflow", "work_unit"},
            new String[] {"issues", "bug"},
            new String[] {"decisions", "adr"});

    private static final int SECTION_LIMIT = 200;
    private static final int FIND_LIMIT = 10;
    private static final int MAP_BOXES = 60;
    /** Up to this many modules the map answer carries them all, for the page to expand folders in place. */
    private static final int TREE_MODULES = 5000;

    private static final Logger LOG = LoggerFactory.getLogger(ViewApi.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GraphStore store;
    private final Path root;
    private final Supplier<Map<String, Object>> stamp;

    /**
     * @param store the open store
     * @param root the repository's working tree (its configuration gives gap entry points)
     * @param stamp the tools' stamp of an answer
     */
    public ViewApi(GraphStore store, Path root, Supplier<Map<String, Object>> stamp) {
        this.store = store;
        this.root = root;
        this.stamp = stamp;
    }

    /** Answers the endpoint {@code name} with the request's parameters. */
    public Answer answer(String name, Map<String, String> params) {
        try {
            Map<String, Object> body =
                    switch (name) {
                        case "map" -> map(blankToNull(params.get("path")), blankToNull(params.get("package")));
                        case "node" -> node(required(params, "id"));
                        case "work_unit" -> workUnit(required(params, "id"));
                        case "find" -> find(required(params, "q"));
                        default -> null;
                    };
            if (body == null) {
                return error(404, "no endpoint '" + name + "'; the view has map, node, work_unit and find");
            }
            body.putAll(stamp.get());
            return new Answer(200, JSON.writeValueAsString(body));
        } catch (RuntimeException e) {
            if (McpServerFactory.isCallerMistake(e)) {
                return error(400, e.getMessage());
            }
            LOG.error("view: {} failed", name, e);
            return error(500, "the view's " + name + " failed inside graph-memory: " + e);
        }
    }

    private Map<String, Object> map(String path, String pkg) {
        DependencyPicture pictures = new DependencyPicture(new RepoGraph(store.driver(), store.repoKey()));
        DependencyPicture.ModuleGraph modules = pictures.modules(path, pkg);
        Map<String, Object> out = PictureJson.of(pictures.draw(modules, MAP_BOXES));
        List<String> gaps = GapMarks.paths(store, root);
        GapMarks.mark(out, gaps);
        out.put("gap_total", gaps.size());
        if (modules.modules().size() <= TREE_MODULES) {
            out.put("tree", MapTree.of(modules, gaps));
        }
        return out;
    }

    private Map<String, Object> node(String id) {
        NeighborsQuery query = new NeighborsQuery(store.driver(), store.repoKey());
        List<Map<String, Object>> sections = new ArrayList<>();
        String node;
        if (id.startsWith("architecture:module:")) {
            node = null;
            for (Section s : MODULE_SECTIONS) {
                NeighborsQuery.Page page = query.run(new NeighborsQuery.Request(
                        id, s.direction(), List.of(s.relationship()), s.depth(), SECTION_LIMIT, null));
                node = page.node();
                sections.add(section(s.title(), page));
            }
        } else {
            NeighborsQuery.Page page = query.run(new NeighborsQuery.Request(id, "both", null, 1, SECTION_LIMIT, null));
            node = page.node();
            sections.add(section("neighbours", page));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("node", node);
        out.put("sections", sections);
        return out;
    }

    private static Map<String, Object> section(String title, NeighborsQuery.Page page) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("title", title);
        out.put("rows", page.rows());
        out.put("total", page.total());
        out.put("more", page.nextCursor() != null);
        return out;
    }

    private Map<String, Object> workUnit(String id) {
        List<String> alsoFrom = GraphMemoryConfig.load(root).mainWorktreeKeys(root);
        Picture picture = new WorkUnitPicture(store.driver(), store.repoKey())
                .draw(
                        id,
                        wu -> new DuplicateFinder(store.driver(), store.repoKey(), alsoFrom)
                                .findFor(wu, 3)
                                .candidates(),
                        Diagram.MAX_MAX_BOXES);
        return PictureJson.of(picture);
    }

    private Map<String, Object> find(String text) {
        PropertyKeys keys = new PropertyKeys(store.driver());
        FindQuery query = new FindQuery(store.driver(), store.repoKey(), keys);
        var byId = JSON.createObjectNode();
        byId.putObject("id").put("$contains", text.strip());
        // Code is named by its id (path, qualified name, signature); work, bugs and decisions also by title.
        var byIdOrTitle = JSON.createObjectNode();
        var any = byIdOrTitle.putArray("$or");
        any.add(byId);
        any.addObject().putObject("title").put("$contains", text.strip());
        List<Map<String, Object>> rows = new ArrayList<>();
        long total = 0;
        for (String[] t : FIND_TYPES) {
            var where = t[0].equals("architecture") ? byId : byIdOrTitle;
            FindQuery.Page page = query.run(new FindQuery.Request(t[0], t[1], where, FIND_LIMIT, null, null));
            rows.addAll(page.rows());
            total += page.total();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("q", text);
        out.put("rows", rows);
        out.put("total", total);
        return out;
    }

    private static String required(Map<String, String> params, String name) {
        String v = blankToNull(params.get(name));
        if (v == null) {
            throw new ToolException("parameter '" + name + "' is required");
        }
        return v;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static Answer error(int status, String message) {
        return new Answer(status, JSON.writeValueAsString(Map.of("error", message)));
    }
}
