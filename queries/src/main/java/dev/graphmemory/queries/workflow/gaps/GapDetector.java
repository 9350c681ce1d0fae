package dev.graphmemory.queries.workflow.gaps;

import dev.graphmemory.queries.find.AnswerBudget;
import dev.graphmemory.queries.find.Cursor;
import dev.graphmemory.queries.find.ToolException;
import dev.graphmemory.queries.graph.RepoGraph;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.neo4j.driver.Driver;

/**
 * Integration gaps: modules no entry point reaches through {@code IMPORTS}, {@code CALLS},
 * {@code EXTENDS}, {@code IMPLEMENTS}, {@code INVOKES} (and framework wiring), classified
 * {@code unreached} or {@code tests_only} and ranked by confidence, each with suggestions of where
 * it belongs; or, given a build plan, the planned modules no work unit wires in.
 *
 * <p>The answer: {@code mode} ({@code application} or {@code library}), {@code roots} (which roots
 * were used and why), {@code summary} (modules, excluded by reason, reached, gaps by status),
 * {@code gaps} (one page) or {@code plan} (for a build plan), {@code total}, {@code next_cursor}.
 *
 * <p>Design notes: the module graph is read once per index state ({@link CodeGraphReader}) and
 * walked in memory ({@link Reachability}); only suggestions, for one page of gaps, go back to the
 * database for history and work units. Weights live in {@link GapConfidence}.
 */
public final class GapDetector {
    private final CodeGraphReader reader;
    private final RepoGraph repo;

    public GapDetector(Driver driver, String repo) {
        this.reader = new CodeGraphReader(driver, repo);
        this.repo = new RepoGraph(driver, repo);
    }

    public GapReport detect(GapRequest req) {
        CodeGraph graph = reader.read();
        Exclusions exclusions = new Exclusions(req.exclude());
        List<String> excluded = new ArrayList<>(graph.size());
        for (CodeModule m : graph.modules()) {
            excluded.add(exclusions.reason(m, graph.types(m)));
        }
        Roots roots = new RootFinder(graph, excluded).find(req.entryPoints(), req.mode());
        BitSet reached = Reachability.from(graph, roots.kinds().keySet(), i -> Exclusions.TEST.equals(excluded.get(i)));
        List<Integer> tests = new ArrayList<>();
        for (int i = 0; i < graph.size(); i++) {
            if (Exclusions.TEST.equals(excluded.get(i))) {
                tests.add(i);
            }
        }
        BitSet testReached = Reachability.from(graph, tests, i -> false);
        List<Gap> gaps = new ArrayList<>();
        for (CodeModule m : graph.modules()) {
            if (excluded.get(m.index()) == null && !reached.get(m.index())) {
                gaps.add(classify(graph, m, testReached, excluded, roots.library()));
            }
        }
        gaps.sort(Comparator.comparingDouble(Gap::confidence).reversed().thenComparing(Gap::path));

        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("mode", roots.library() ? RootFinder.MODE_LIBRARY : RootFinder.MODE_APPLICATION);
        answer.put("roots", rootsMap(graph, roots));
        answer.put("summary", summary(graph, excluded, reached, gaps));
        SuggestionFinder suggestions = new SuggestionFinder(graph, hosts(graph, reached, excluded), roots, repo);
        String hash = Cursor.hash(
                req.entryPoints(),
                req.exclude(),
                req.mode(),
                req.status(),
                req.minConfidence(),
                req.suggestions(),
                req.plan() == null
                        ? null
                        : req.plan().stream().map(PlannedWork::source).toList());
        if (req.explain() != null) {
            Map<String, Object> explanation = explain(graph, req.explain(), excluded, roots, reached, gaps);
            answer.put("explain", explanation);
            int total = "gap".equals(explanation.get("verdict")) ? 1 : 0;
            answer.put("total", total);
            answer.put("next_cursor", null);
            return new GapReport(answer, total);
        }
        if (req.plan() != null) {
            PlanChecker checker = new PlanChecker(
                    graph, reached, exclusions, PathGlob.anyOf(req.entryPoints(), "entry_points"), repo, suggestions);
            List<PlannedModule> planned = checker.check(req.plan(), req.suggestions());
            List<PlannedModule> unwired =
                    planned.stream().filter(p -> !p.wired()).toList();
            Map<String, Object> plan = new LinkedHashMap<>();
            plan.put("work_units", req.plan().size());
            plan.put("new_modules", planned.size());
            plan.put(
                    "wired",
                    planned.stream()
                            .filter(PlannedModule::wired)
                            .map(PlannedModule::toMap)
                            .toList());
            plan.put("unwired_count", unwired.size());
            answer.put("plan", plan);
            page(answer, plan, "unwired", unwired, PlannedModule::toMap, req, hash);
            return new GapReport(answer, unwired.size());
        }
        List<Gap> wanted = gaps.stream()
                .filter(g -> req.status() == null || g.status().equals(req.status()))
                .filter(g -> g.confidence() >= req.minConfidence())
                .toList();
        int from = offset(req.cursor(), hash, wanted.size());
        List<Gap> slice = wanted.subList(from, Math.min(wanted.size(), from + req.pageSize()));
        Map<String, List<Suggestion>> s =
                suggestions.forGaps(slice.stream().map(g -> graph.at(g.path())).toList(), req.suggestions());
        List<Gap> withSuggestions = slice.stream()
                .map(g -> g.withSuggestions(s.getOrDefault(g.id(), List.of())))
                .toList();
        List<Gap> all = new ArrayList<>(wanted.subList(0, from));
        all.addAll(withSuggestions);
        all.addAll(wanted.subList(from + slice.size(), wanted.size()));
        page(answer, answer, "gaps", all, Gap::toMap, req, hash);
        return new GapReport(answer, wanted.size());
    }

    private static <T> void page(
            Map<String, Object> answer,
            Map<String, Object> into,
            String key,
            List<T> rows,
            Function<T, Map<String, Object>> toMap,
            GapRequest req,
            String hash) {
        int from = offset(req.cursor(), hash, rows.size());
        AnswerBudget budget =
                new AnswerBudget(req.limit() == null ? AnswerBudget.DEFAULT_CHARS : AnswerBudget.MAX_CHARS);
        List<Map<String, Object>> page = new ArrayList<>();
        int i = from;
        while (i < rows.size() && page.size() < req.pageSize()) {
            Map<String, Object> row = toMap.apply(rows.get(i));
            if (!budget.admit(row, page.isEmpty())) {
                break;
            }
            page.add(row);
            i++;
        }
        into.put(key, page);
        answer.put("total", rows.size());
        answer.put("next_cursor", i < rows.size() ? new Cursor(Integer.toString(i), hash).encode() : null);
    }

    private static int offset(String cursor, String hash, int size) {
        String after = Cursor.afterFor(cursor, hash);
        if (after == null) {
            return 0;
        }
        try {
            int at = Integer.parseInt(after);
            if (at < 0 || at > size) {
                throw new NumberFormatException();
            }
            return at;
        } catch (NumberFormatException e) {
            throw new ToolException("cursor is out of date (the graph changed since); leave cursor out to start over");
        }
    }

    /** Which rule made a module a root or reached it, or why none did. */
    private static Map<String, Object> explain(
            CodeGraph graph, String path, List<String> excluded, Roots roots, BitSet reached, List<Gap> gaps) {
        String p = path.strip().replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        CodeModule m = graph.at(p);
        if (m == null) {
            throw new ToolException(
                    "explain: no code module at '" + path + "' in the graph; give the repository-relative"
                            + " path of an indexed source file, e.g. src/main/java/com/acme/App.java or src/main.ts"
                            + " (documents, assets and files of languages not parsed are no modules)");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("path", m.path());
        String reason = excluded.get(m.index());
        if (reason != null) {
            out.put("verdict", "excluded");
            out.put("rules", List.of(reason));
            out.put(
                    "why",
                    "left out of gap detection as " + reason.replace('_', ' ')
                            + " (summary.excluded counts these): it is not expected to be reached from an entry point");
            return out;
        }
        if (roots.isRoot(m.index())) {
            out.put("verdict", "root");
            out.put("rules", roots.kinds().get(m.index()));
            out.put(
                    "why",
                    "an entry point by " + String.join(", ", roots.kinds().get(m.index())));
            return out;
        }
        if (reached.get(m.index())) {
            List<Integer> chain = Reachability.chain(
                    graph, roots.kinds().keySet(), i -> Exclusions.TEST.equals(excluded.get(i)), m.index());
            out.put("verdict", "reached");
            out.put("rules", roots.kinds().get(chain.get(0)));
            out.put("via", chain.stream().map(i -> graph.module(i).path()).toList());
            out.put(
                    "why",
                    "reached from the entry point " + graph.module(chain.get(0)).path() + " ("
                            + String.join(", ", roots.kinds().get(chain.get(0))) + ") in " + (chain.size() - 1)
                            + " step"
                            + (chain.size() == 2 ? "" : "s"));
            return out;
        }
        Gap gap =
                gaps.stream().filter(g -> g.path().equals(m.path())).findFirst().orElseThrow();
        out.put("verdict", "gap");
        out.put("rules", List.of());
        out.put("status", gap.status());
        out.put("confidence", gap.confidence());
        if (!gap.usedBy().isEmpty()) {
            out.put("used_by", gap.usedBy());
        }
        out.put("why", "no rule makes it an entry point and no root reaches it: " + gap.reason() + "; " + roots.note());
        return out;
    }

    private static Gap classify(
            CodeGraph graph, CodeModule m, BitSet testReached, List<String> excluded, boolean library) {
        List<String> users = new ArrayList<>();
        for (int u : graph.in(m.index())) {
            users.add(graph.module(u).path());
        }
        users.sort(null);
        String status;
        double confidence;
        String reason;
        if (testReached.get(m.index())) {
            status = Gap.TESTS_ONLY;
            confidence = GapConfidence.TESTS_ONLY;
            List<String> direct = users.stream()
                    .filter(p -> Exclusions.TEST.equals(excluded.get(graph.at(p).index())))
                    .toList();
            reason = direct.isEmpty()
                    ? "only tests reach it, through modules that are themselves reached only from tests"
                    : "only tests use it (" + direct.size() + " test module" + (direct.size() == 1 ? "" : "s")
                            + "); no entry point reaches it";
            users = direct.isEmpty() ? users : direct;
        } else if (users.isEmpty()) {
            status = Gap.UNREACHED;
            confidence = GapConfidence.ORPHAN;
            reason = "nothing imports, calls, extends, implements or invokes it";
        } else {
            status = Gap.UNREACHED;
            confidence = GapConfidence.ISLAND;
            reason = "used only by " + users.size() + " other unreached module" + (users.size() == 1 ? "" : "s");
        }
        if (!m.parseOk()) {
            confidence *= GapConfidence.PARSE_FAILED;
            reason += "; its file did not parse, so uses of it may be missing";
        }
        List<String> wiring = graph.types(m).stream()
                .flatMap(t -> t.annotations().stream())
                .filter(GapConfidence.WIRING_ANNOTATIONS::contains)
                .distinct()
                .toList();
        if (!wiring.isEmpty()) {
            confidence *= GapConfidence.ANNOTATED;
            reason += "; annotated @" + String.join(", @", wiring) + ": a framework may create it without a"
                    + " reference in code";
        }
        if (library) {
            confidence *= GapConfidence.LIBRARY;
        }
        return new Gap(
                m.id(), m.path(), status, confidence, reason, users.subList(0, Math.min(3, users.size())), List.of());
    }

    /** Where a gap may be wired: reached modules that are not test code. */
    private static BitSet hosts(CodeGraph graph, BitSet reached, List<String> excluded) {
        BitSet hosts = (BitSet) reached.clone();
        for (int i = hosts.nextSetBit(0); i >= 0; i = hosts.nextSetBit(i + 1)) {
            if (excluded.get(i) != null) {
                hosts.clear(i);
            }
        }
        return hosts;
    }

    private static Map<String, Object> rootsMap(CodeGraph graph, Roots roots) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("note", roots.note());
        m.put("count", roots.kinds().size());
        m.put("by_kind", roots.countsByKind());
        m.put(
                "sample",
                roots.kinds().keySet().stream()
                        .limit(10)
                        .map(i -> graph.module(i).path())
                        .toList());
        return m;
    }

    private static Map<String, Object> summary(CodeGraph graph, List<String> excluded, BitSet reached, List<Gap> gaps) {
        Map<String, Integer> byReason = new TreeMap<>();
        excluded.stream().filter(r -> r != null).forEach(r -> byReason.merge(r, 1, Integer::sum));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("modules", graph.size());
        m.put("module_edges", graph.edgeCount());
        m.put("excluded", byReason);
        m.put("reached", reached.cardinality());
        m.put(
                "unreached",
                gaps.stream().filter(g -> g.status().equals(Gap.UNREACHED)).count());
        m.put(
                "tests_only",
                gaps.stream().filter(g -> g.status().equals(Gap.TESTS_ONLY)).count());
        return m;
    }
}
