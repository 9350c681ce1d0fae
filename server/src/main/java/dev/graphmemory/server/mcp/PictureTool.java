package dev.graphmemory.server.mcp;

import dev.graphmemory.queries.find.ToolException;
import dev.graphmemory.queries.graph.RepoGraph;
import dev.graphmemory.queries.picture.DependencyPicture;
import dev.graphmemory.queries.picture.Diagram;
import dev.graphmemory.queries.picture.Format;
import dev.graphmemory.queries.picture.GapsPicture;
import dev.graphmemory.queries.picture.NeighborsPicture;
import dev.graphmemory.queries.picture.Picture;
import dev.graphmemory.queries.picture.WorkUnitPicture;
import dev.graphmemory.queries.workflow.DuplicateFinder;
import dev.graphmemory.server.config.GapsConfig;
import dev.graphmemory.server.config.GraphMemoryConfig;
import dev.graphmemory.server.store.GraphStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code graph_picture}: a diagram of part of the graph as text an agent can paste (Mermaid, DOT or
 * GraphML): a node's neighbourhood, a folder's or package's dependency map, the integration gaps
 * with their suggested wiring, or a work unit's footprint. The text content is the diagram itself,
 * stamped with the indexed commit in a comment line of its format, so it still parses.
 */
public final class PictureTool {
    /** The tool's name. */
    public static final String NAME = "graph_picture";

    /** The subjects, and the arguments each takes besides subject, format and max_boxes. */
    static final Map<String, Set<String>> SUBJECTS = Map.of(
            "neighbors", Set.of("node_id", "direction", "relationship", "depth"),
            "dependencies", Set.of("path", "package"),
            "gaps",
                    Set.of(
                            "status",
                            "min_confidence",
                            "mode",
                            "entry_points",
                            "exclude",
                            "suggestions",
                            "limit",
                            "cursor"),
            "work_unit", Set.of("node_id"));

    private static final Set<String> COMMON = Set.of("subject", "format", "max_boxes", "db_path");

    private final StoreHandle handle;
    private final Path root;

    /**
     * @param handle the store
     * @param root the repository's working tree (its {@code .graph-memory.yml} gives gap entry points)
     */
    public PictureTool(StoreHandle handle, Path root) {
        this.handle = handle;
        this.root = root.toAbsolutePath().normalize();
    }

    public ToolDef definition() {
        Set<String> all = new java.util.HashSet<>(COMMON);
        SUBJECTS.values().forEach(all::addAll);
        return new ToolDef(
                NAME,
                "Draw part of the graph as a diagram",
                "Draw a diagram of part of the graph as text to paste: Mermaid flowchart (default), Graphviz DOT or"
                        + " GraphML. subject: neighbors (a node's neighbourhood; node_id, direction, relationship,"
                        + " depth as graph_neighbors), dependencies (the imports among the modules under a folder"
                        + " path or in a package; collapsed to folders/packages when there are many, arrows"
                        + " counting imports, cycles in red), gaps (integration gaps with dashed arrows to where"
                        + " each likely belongs; paged by cursor as detect_integration_gaps) or work_unit (a work"
                        + " unit's files, bugs, decisions, commits and likely duplicates, dashed). At most"
                        + " max_boxes boxes (default 40): the rest is one '+N more' box. Labels are the shortest"
                        + " unique names; the answer's text is the diagram alone. Example:"
                        + " graph_picture(subject='neighbors', node_id='architecture:module:src/auth/Handler.java',"
                        + " direction='in', relationship='IMPORTS', depth=2), graph_picture(subject='dependencies',"
                        + " path='src/main/java/com/acme', format='dot').",
                PictureSchemas.INPUT,
                PictureSchemas.OUTPUT,
                true,
                Set.copyOf(all),
                this::call);
    }

    private Map<String, Object> call(Args args) {
        String subject = args.requiredString("subject", "neighbors");
        Set<String> own = SUBJECTS.get(subject);
        if (own == null) {
            throw new ToolException(NAME + ": subject must be one of "
                    + SUBJECTS.keySet().stream().sorted().toList() + ", got '" + subject + "'");
        }
        refuseOthers(args, subject, own);
        Format format = Format.of(args.string("format"));
        Integer max = args.integer("max_boxes");
        int maxBoxes = max == null ? Diagram.DEFAULT_MAX_BOXES : max;
        if (maxBoxes < Diagram.MIN_MAX_BOXES || maxBoxes > Diagram.MAX_MAX_BOXES) {
            throw new ToolException(NAME + ": max_boxes must be from " + Diagram.MIN_MAX_BOXES + " to "
                    + Diagram.MAX_MAX_BOXES + ", got " + maxBoxes);
        }
        GraphStore store = handle.await(GraphTools.STORE_WAIT);
        Picture picture =
                switch (subject) {
                    case "neighbors" ->
                        new NeighborsPicture(store.driver(), store.repoKey())
                                .draw(
                                        args.requiredString("node_id", "architecture:module:src/app/Main.java"),
                                        args.string("direction"),
                                        args.strings("relationship"),
                                        args.integer("depth"),
                                        maxBoxes);
                    case "dependencies" ->
                        new DependencyPicture(new RepoGraph(store.driver(), store.repoKey()))
                                .draw(args.string("path"), args.string("package"), maxBoxes);
                    case "gaps" -> gaps(args, store, maxBoxes);
                    default ->
                        new WorkUnitPicture(store.driver(), store.repoKey())
                                .draw(
                                        args.requiredString("node_id", "WU-281"),
                                        id -> new DuplicateFinder(
                                                        store.driver(),
                                                        store.repoKey(),
                                                        GraphMemoryConfig.load(root)
                                                                .mainWorktreeKeys(root))
                                                .findFor(id, 3)
                                                .candidates(),
                                        maxBoxes);
                };
        return answer(picture, format);
    }

    /** An argument of another subject is a mistake worth naming: it would be ignored silently. */
    private static void refuseOthers(Args args, String subject, Set<String> own) {
        for (Map.Entry<String, Set<String>> e : SUBJECTS.entrySet()) {
            for (String name : e.getValue()) {
                if (!own.contains(name) && present(args, name)) {
                    throw new ToolException(
                            NAME + ": argument '" + name + "' belongs to subject=" + e.getKey() + "; subject=" + subject
                                    + " takes " + own.stream().sorted().toList());
                }
            }
        }
    }

    private static boolean present(Args args, String name) {
        return switch (name) {
            case "relationship", "entry_points", "exclude" -> args.strings(name) != null;
            case "depth", "suggestions", "limit" -> args.integer(name) != null;
            default -> args.string(name) != null;
        };
    }

    private Picture gaps(Args args, GraphStore store, int maxBoxes) {
        GapsConfig config = GapsConfig.load(root);
        List<String> entryPoints = new ArrayList<>(config.entryPoints());
        if (args.strings("entry_points") != null) {
            entryPoints.addAll(args.strings("entry_points"));
        }
        List<String> exclude = new ArrayList<>(config.exclude());
        if (args.strings("exclude") != null) {
            exclude.addAll(args.strings("exclude"));
        }
        double minConfidence;
        try {
            minConfidence = args.string("min_confidence") == null
                    ? 0
                    : Double.parseDouble(args.string("min_confidence").trim());
        } catch (NumberFormatException e) {
            throw new ToolException(NAME + ": argument 'min_confidence' must be a number from 0 to 1, got '"
                    + args.string("min_confidence") + "'");
        }
        return new GapsPicture(store.driver(), store.repoKey())
                .draw(
                        GapsPicture.request(
                                entryPoints,
                                exclude,
                                args.string("mode"),
                                args.string("status"),
                                minConfidence,
                                args.integer("suggestions"),
                                args.integer("limit"),
                                args.string("cursor")),
                        maxBoxes);
    }

    static Map<String, Object> answer(Picture picture, Format format) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("subject", picture.subject());
        out.put("format", format.wire());
        if (picture.focus() != null) {
            out.put("focus", picture.focus());
        }
        out.put("diagram", format.write(picture.diagram(), picture.notes()));
        out.put("boxes", picture.diagram().boxes());
        out.put("edges", picture.diagram().edges().size());
        out.put("more", picture.diagram().hidden());
        out.put("total", picture.total());
        if (picture.truncated()) {
            out.put("truncated", true);
        }
        out.put("next_cursor", picture.nextCursor());
        return out;
    }

    /**
     * The text content of an answer: the diagram, then the stamp as one comment line of its format
     * ({@code %% indexed_commit=...; stale=false}), so the whole text still parses.
     */
    public static String text(Map<String, Object> answer) {
        String diagram = String.valueOf(answer.get("diagram"));
        String stamp = RowsText.stamp(answer);
        if (stamp == null) {
            return diagram;
        }
        return diagram + Format.of(String.valueOf(answer.get("format"))).comment(stamp);
    }
}
