package dev.graphmemory.queries.workflow.gaps;

import dev.graphmemory.queries.graph.RepoGraph;
import dev.graphmemory.queries.graph.Values;
import dev.graphmemory.queries.schema.NodeType;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neo4j.driver.Record;

/**
 * Checks a build plan: for each module the plan creates, is there a planned or existing work unit
 * that wires it into an execution path?
 *
 * <p>The rule, applied until nothing changes: a planned module is wired when it looks like an entry
 * point itself ({@code main.py}, {@code __main__.py}, {@code cli.*}, {@code *_runner.py},
 * {@code Main.java}, a configured entry point), or when a work unit lists it, or names it in its
 * text, together with a module that is already wired: an existing module an entry point reaches,
 * or a planned module wired before. Changing a reached module in the same work unit is how a new
 * module gets called.
 */
final class PlanChecker {
    private static final Set<String> CODE = Set.of("java", "py", "ts", "tsx", "js", "jsx", "mjs", "cjs", "mts", "cts");
    private static final Pattern ENTRY_NAME = Pattern.compile(
            "(.*/)?(__main__\\.py|main\\.py|cli\\.[a-z]+|[^/]*_runner\\.py|Main\\.java|[^/]*Application\\.java|bin/[^/]+)");
    private static final Pattern WU_NUMBER = Pattern.compile("(?i)WU-(\\d+)");

    private static final String EXISTING = "MATCH (w:" + NodeType.WORK_UNIT.label() + " {repo: $repo})"
            + " RETURN w.key AS id, coalesce(w.title, '') + ' ' + coalesce(w.objective, '') + ' '"
            + " + coalesce(w.body, '') AS text, w.files_changed AS files";

    private final CodeGraph graph;
    private final BitSet reached;
    private final Exclusions exclusions;
    private final PathGlob entryPoints;
    private final RepoGraph repo;
    private final SuggestionFinder suggestions;

    PlanChecker(
            CodeGraph graph,
            BitSet reached,
            Exclusions exclusions,
            PathGlob entryPoints,
            RepoGraph repo,
            SuggestionFinder suggestions) {
        this.graph = graph;
        this.reached = reached;
        this.exclusions = exclusions;
        this.entryPoints = entryPoints;
        this.repo = repo;
        this.suggestions = suggestions;
    }

    /** Every module the plan creates, wired or not; unwired ones carry a draft. */
    List<PlannedModule> check(List<PlannedWork> plan, int suggestionCount) {
        Map<String, List<String>> created = new LinkedHashMap<>();
        for (PlannedWork w : plan) {
            for (String f : w.files()) {
                if (isNewModule(f)) {
                    created.computeIfAbsent(f, k -> new ArrayList<>()).add(w.id());
                }
            }
        }
        List<PlannedWork> all = new ArrayList<>(plan);
        all.addAll(existing());
        Map<String, String> wired = new LinkedHashMap<>();
        for (String path : created.keySet()) {
            if (ENTRY_NAME.matcher(path).matches() || entryPoints.matches(path)) {
                wired.put(path, "it is an entry point itself (by its name or the configured entry_points)");
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (PlannedWork w : all) {
                String via = wiredFile(w, wired);
                if (via == null) {
                    continue;
                }
                for (String path : created.keySet()) {
                    if (!wired.containsKey(path)
                            && !path.equals(via)
                            && (w.files().contains(path) || names(w, path))) {
                        wired.put(path, w.id() + " changes it along with " + via + ", which is on an execution path");
                        changed = true;
                    }
                }
            }
        }
        int next = nextNumber(all);
        List<PlannedModule> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : created.entrySet()) {
            String path = e.getKey();
            if (wired.containsKey(path)) {
                out.add(new PlannedModule(path, e.getValue(), wired.get(path), List.of(), null));
                continue;
            }
            List<Suggestion> s = suggestions.forPlanned(path, Math.max(1, suggestionCount));
            String host = s.isEmpty() ? null : s.get(0).path();
            String why = s.isEmpty() ? "" : s.get(0).reason();
            WorkUnitDraft draft =
                    WorkUnitDraft.integrate(String.format("WU-%03d", next++), path, host, e.getValue(), why);
            out.add(new PlannedModule(
                    path, e.getValue(), null, s.subList(0, Math.min(suggestionCount, s.size())), draft));
        }
        return out;
    }

    private boolean isNewModule(String path) {
        int dot = path.lastIndexOf('.');
        if (dot < 0 || !CODE.contains(path.substring(dot + 1)) || graph.at(path) != null) {
            return false;
        }
        CodeModule probe = new CodeModule(-1, path, path, "", null, false, List.of(), true);
        return exclusions.reason(probe, List.of()) == null;
    }

    /** A file the work unit lists that is already on an execution path, or null. */
    private String wiredFile(PlannedWork w, Map<String, String> wired) {
        for (String f : w.files()) {
            CodeModule m = graph.at(f);
            if ((m != null && reached.get(m.index())) || wired.containsKey(f)) {
                return f;
            }
        }
        return null;
    }

    /** Whether the work unit's text names the module's file or class name. */
    private static boolean names(PlannedWork w, String path) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        String stem = file.contains(".") ? file.substring(0, file.indexOf('.')) : file;
        String text = w.title() + " " + w.text();
        return text.contains(file)
                || (stem.length() >= 4
                        && Pattern.compile("\\b" + Pattern.quote(stem) + "\\b")
                                .matcher(text)
                                .find());
    }

    private List<PlannedWork> existing() {
        List<PlannedWork> out = new ArrayList<>();
        for (Record r : repo.read(EXISTING, Map.of())) {
            out.add(new PlannedWork(
                    r.get("id").isNull() ? "?" : r.get("id").asString(),
                    "",
                    r.get("text").asString(),
                    Values.strings(r.get("files")),
                    "graph"));
        }
        return out;
    }

    private static int nextNumber(List<PlannedWork> all) {
        int max = 0;
        for (PlannedWork w : all) {
            Matcher m = WU_NUMBER.matcher(w.id());
            if (m.matches()) {
                max = Math.max(max, Integer.parseInt(m.group(1)));
            }
        }
        return max + 1;
    }
}
