package dev.graphmemory.queries.workflow.gaps;

import dev.graphmemory.queries.graph.RepoGraph;
import dev.graphmemory.queries.schema.Keys;
import dev.graphmemory.queries.schema.NodeType;
import dev.graphmemory.queries.schema.RelType;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Record;

/**
 * Suggests where a gap belongs: among the roots and the modules they reach, those most related to
 * it by folder proximity, shared name words, co-change in git history ({@code MODIFIES} of
 * commits) and work units that touch both. Weights: {@link GapConfidence}.
 *
 * <p>History and work units are read for one page of gaps at a time, so the cost follows the page,
 * not the repository.
 */
final class SuggestionFinder {
    private static final Set<String> STOP = Set.of(
            "impl",
            "default",
            "abstract",
            "base",
            "util",
            "utils",
            "main",
            "index",
            "init",
            "java",
            "py",
            "ts",
            "js",
            "the",
            "a",
            "an",
            "of",
            "to",
            "and",
            "for",
            "in",
            "on",
            "src",
            "lib");

    private static final String COCHANGE = "UNWIND $ids AS gid"
            + " MATCH (g:" + Keys.ENTITY_LABEL + " {repo: $repo, id: gid})<-[:" + RelType.MODIFIES.name() + "]-(c:"
            + NodeType.COMMIT.label() + ")"
            + " WITH gid, c, COUNT { (c)-[:" + RelType.MODIFIES.name() + "]->() } AS size WHERE size <= $max"
            + " WITH gid, collect(c) AS commits"
            + " UNWIND commits AS c"
            + " MATCH (c)-[:" + RelType.MODIFIES.name() + "]->(o:" + NodeType.MODULE.label() + ")"
            + " WHERE o.id <> gid"
            + " RETURN gid, size(commits) AS total, o.path AS other, count(DISTINCT c) AS together";

    private static final String WORK = "UNWIND $ids AS gid"
            + " MATCH (g:" + Keys.ENTITY_LABEL + " {repo: $repo, id: gid})<-[:" + RelType.TOUCHES.name() + "|"
            + RelType.MENTIONS.name() + "]-(w:" + NodeType.WORK_UNIT.label() + ")-[:" + RelType.TOUCHES.name() + "|"
            + RelType.MENTIONS.name() + "]->(o:" + NodeType.MODULE.label() + ")"
            + " WHERE o.id <> gid"
            + " RETURN gid, o.path AS other, collect(DISTINCT w.key)[..3] AS units";

    private final CodeGraph graph;
    private final BitSet hosts;
    private final Roots roots;
    private final RepoGraph repo;
    private final Map<Integer, Set<String>> words = new HashMap<>();

    /**
     * @param hosts the modules a gap may be wired into: roots and what they reach, no tests
     */
    SuggestionFinder(CodeGraph graph, BitSet hosts, Roots roots, RepoGraph repo) {
        this.graph = graph;
        this.hosts = hosts;
        this.roots = roots;
        this.repo = repo;
    }

    /** Suggestions for each of the gaps (by id), at most {@code n} each. */
    Map<String, List<Suggestion>> forGaps(List<CodeModule> gaps, int n) {
        Map<String, List<Suggestion>> out = new HashMap<>();
        if (gaps.isEmpty() || n == 0) {
            return out;
        }
        List<String> ids = gaps.stream().map(CodeModule::id).toList();
        Map<String, Map<String, double[]>> cochange = new HashMap<>();
        for (Record r : repo.read(COCHANGE, Map.of("ids", ids, "max", GapConfidence.MAX_COMMIT_MODULES))) {
            cochange.computeIfAbsent(r.get("gid").asString(), k -> new HashMap<>())
                    .put(r.get("other").asString(), new double[] {
                        r.get("together").asLong(), r.get("total").asLong()
                    });
        }
        Map<String, Map<String, List<String>>> work = new HashMap<>();
        for (Record r : repo.read(WORK, Map.of("ids", ids))) {
            work.computeIfAbsent(r.get("gid").asString(), k -> new HashMap<>())
                    .put(r.get("other").asString(), r.get("units").asList(v -> v.isNull() ? "?" : v.asString()));
        }
        for (CodeModule g : gaps) {
            out.put(
                    g.id(),
                    rank(
                            g.path(),
                            place(g),
                            true,
                            cochange.getOrDefault(g.id(), Map.of()),
                            work.getOrDefault(g.id(), Map.of()),
                            n));
        }
        return out;
    }

    /** Suggestions for a module that does not exist yet (a planned one): proximity and names only. */
    List<Suggestion> forPlanned(String path, int n) {
        return rank(
                path, path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "", false, Map.of(), Map.of(), n);
    }

    private List<Suggestion> rank(
            String path,
            String place,
            boolean byPackage,
            Map<String, double[]> cochange,
            Map<String, List<String>> work,
            int n) {
        Set<String> own = words(stemOf(path));
        List<Suggestion> scored = new ArrayList<>();
        for (int i = hosts.nextSetBit(0); i >= 0; i = hosts.nextSetBit(i + 1)) {
            CodeModule h = graph.module(i);
            if (h.path().equals(path)) {
                continue;
            }
            double proximity = proximity(place, byPackage ? place(h) : h.folder());
            Set<String> shared = new HashSet<>(own);
            shared.retainAll(wordsOf(h));
            Set<String> union = new HashSet<>(own);
            union.addAll(wordsOf(h));
            double names = union.isEmpty() ? 0 : (double) shared.size() / union.size();
            double[] cc = cochange.get(h.path());
            double co = cc == null || cc[1] == 0 ? 0 : cc[0] / cc[1];
            List<String> units = work.get(h.path());
            boolean entry = roots.isRoot(i) && !roots.library();
            double score = GapConfidence.W_PROXIMITY * proximity
                    + GapConfidence.W_NAMES * names
                    + GapConfidence.W_COCHANGE * co
                    + (units == null ? 0 : GapConfidence.W_WORK)
                    + (entry ? GapConfidence.ENTRY_BONUS : 0);
            if (score < GapConfidence.MIN_SUGGESTION || (proximity == 0 && names == 0 && co == 0 && units == null)) {
                continue;
            }
            List<String> why = new ArrayList<>();
            if (proximity == 1) {
                why.add("same package/folder");
            } else if (proximity > 0) {
                why.add("nearby package/folder (" + Math.round(proximity * 100) + "% of the path shared)");
            }
            if (!shared.isEmpty()) {
                why.add("shares the name word" + (shared.size() > 1 ? "s " : " ")
                        + String.join(", ", new java.util.TreeSet<>(shared)));
            }
            if (cc != null) {
                why.add("changed together in " + (long) cc[0] + " of its " + (long) cc[1] + " commits");
            }
            if (units != null) {
                why.add("work unit " + String.join(", ", units) + " touches both");
            }
            if (entry) {
                why.add("an entry point (" + String.join(", ", roots.kinds().get(i)) + ")");
            } else if (roots.isRoot(i)) {
                why.add("public API");
            }
            scored.add(new Suggestion(h.id(), h.path(), entry, Math.min(1, score), String.join("; ", why)));
        }
        scored.sort(
                Comparator.comparingDouble(Suggestion::confidence).reversed().thenComparing(Suggestion::path));
        return List.copyOf(scored.subList(0, Math.min(n, scored.size())));
    }

    /** Where a module lives: its Java package as a path when it has one, else its folder. */
    private static String place(CodeModule m) {
        return m.language().equals("java") && m.pkg() != null ? m.pkg().replace('.', '/') : m.folder();
    }

    private Set<String> wordsOf(CodeModule m) {
        return words.computeIfAbsent(m.index(), k -> words(m.stem()));
    }

    /** Share of leading folder segments two folders have in common (1: same folder). */
    static double proximity(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        String[] x = a.isEmpty() ? new String[0] : a.split("/");
        String[] y = b.isEmpty() ? new String[0] : b.split("/");
        int common = 0;
        while (common < x.length && common < y.length && x[common].equals(y[common])) {
            common++;
        }
        return (double) common / Math.max(x.length, y.length);
    }

    private static String stemOf(String path) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        int dot = file.indexOf('.');
        return dot <= 0 ? file : file.substring(0, dot);
    }

    /** The words of a name: split at camelCase, digits, {@code _} and {@code -}, lower-cased, stop words out. */
    static Set<String> words(String name) {
        Set<String> out = new HashSet<>();
        for (String w : name.split("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|[_\\-.\\s]+")) {
            String lower = w.toLowerCase(Locale.ROOT);
            if (lower.length() > 1 && !STOP.contains(lower)) {
                out.add(lower);
            }
        }
        return out;
    }
}
