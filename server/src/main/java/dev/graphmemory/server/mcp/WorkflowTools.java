package dev.graphmemory.server.mcp;

import dev.graphmemory.indexer.walk.InsideRepo;
import dev.graphmemory.queries.find.ToolException;
import dev.graphmemory.queries.workflow.DuplicateFinder;
import dev.graphmemory.queries.workflow.DuplicateReport;
import dev.graphmemory.queries.workflow.ProposedWork;
import dev.graphmemory.queries.workflow.WorkDates;
import dev.graphmemory.queries.workflow.gaps.GapDetector;
import dev.graphmemory.queries.workflow.gaps.GapRequest;
import dev.graphmemory.queries.workflow.gaps.PlannedWork;
import dev.graphmemory.server.config.GapsConfig;
import dev.graphmemory.server.store.GraphStore;
import dev.graphmemory.server.workflow.PlanFiles;
import dev.graphmemory.server.workflow.ProposalFile;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The workflow tools: {@code find_duplicate_work}, {@code detect_integration_gaps}. */
public final class WorkflowTools {
    /** The gap tool's name. */
    public static final String GAPS = "detect_integration_gaps";

    private final StoreHandle handle;
    private final Path root;

    /**
     * @param handle the store
     * @param root the repository's working tree, against which a relative {@code file} resolves
     */
    public WorkflowTools(StoreHandle handle, Path root) {
        this.handle = handle;
        this.root = root.toAbsolutePath().normalize();
    }

    public List<ToolDef> all() {
        return List.of(findDuplicateWork(), detectIntegrationGaps());
    }

    private ToolDef detectIntegrationGaps() {
        return new ToolDef(
                GAPS,
                "Which modules does no entry point reach?",
                "Finds integration gaps: modules that no entry point reaches through imports, calls, extends,"
                        + " implements or invokes (ServiceLoader and Spring component scanning count as wiring),"
                        + " each 'unreached' or 'tests_only' (only tests use it: built and tested, never wired),"
                        + " ranked by confidence, with suggestions of the entry points or modules it likely belongs"
                        + " to (package proximity, names, co-change in git, work units touching both). Test and"
                        + " generated code and package-info are left out; .graph-memory.yml gaps.entry_points and"
                        + " gaps.exclude add roots and exclusions. A repository without entry points is treated"
                        + " as a library: its public API is the roots (the answer says so in roots.note). With"
                        + " plan (a folder or list of planned work unit markdown files) it checks the build plan"
                        + " instead: each planned new module that no planned or existing work unit wires into an"
                        + " execution path, with a drafted 'Integrate X into Y' work unit. With explain (a path) it"
                        + " says which rule made that module an entry point or reached it, or why none did."
                        + " Entry points include main methods, CLI and console scripts, ServiceLoader and Spring"
                        + " wiring, scripts HTML pages load, framework routes (Next.js, Remix, SvelteKit, Nuxt,"
                        + " Astro), Django settings and servers started from Dockerfiles. Example:"
                        + " detect_integration_gaps(status='tests_only'), detect_integration_gaps(plan='plans/') or"
                        + " detect_integration_gaps(explain='src/App.tsx').",
                WorkflowSchemas.GAPS_INPUT,
                WorkflowSchemas.GAPS_OUTPUT,
                true,
                Set.of(
                        "entry_points",
                        "exclude",
                        "mode",
                        "status",
                        "min_confidence",
                        "suggestions",
                        "plan",
                        "limit",
                        "cursor",
                        "explain",
                        "db_path"),
                this::gaps);
    }

    private Map<String, Object> gaps(Args args) {
        GapsConfig config = GapsConfig.load(root);
        List<String> entryPoints = new ArrayList<>(config.entryPoints());
        entryPoints.addAll(orEmpty(args.strings("entry_points")));
        List<String> exclude = new ArrayList<>(config.exclude());
        exclude.addAll(orEmpty(args.strings("exclude")));
        List<String> planArg = args.strings("plan");
        List<PlannedWork> plan = null;
        if (planArg != null) {
            if (planArg.isEmpty()) {
                throw new ToolException(GAPS + ": plan is empty; give a folder of planned work unit markdown files"
                        + " or a list of them, e.g. plan='plans/' or plan=['plans/WU-40.md']");
            }
            plan = PlanFiles.read(new InsideRepo(root), planArg);
        }
        Integer suggestions = args.integer("suggestions");
        GapRequest request = new GapRequest(
                entryPoints,
                exclude,
                args.string("mode"),
                args.string("status"),
                number(args.string("min_confidence")),
                suggestions == null ? GapRequest.DEFAULT_SUGGESTIONS : suggestions,
                args.integer("limit"),
                args.string("cursor"),
                plan,
                args.string("explain"));
        GraphStore store = handle.await(GraphTools.STORE_WAIT);
        return new GapDetector(store.driver(), store.repoKey()).detect(request).toMap();
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }

    private static double number(String text) {
        if (text == null) {
            return 0;
        }
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new ToolException(
                    GAPS + ": argument 'min_confidence' must be a number from 0 to 1, got '" + text + "'");
        }
    }

    private ToolDef findDuplicateWork() {
        return new ToolDef(
                "find_duplicate_work",
                "Is this work already done or in progress?",
                "Before filing a work unit, check it against the indexed work units and bugs. Give the proposal as"
                        + " fields (title, objective, files, tier), as the path of its markdown file (file), or as"
                        + " the id of an indexed one (id). Answers the candidates best first, each with confidence"
                        + " 0..1 (calibrated: about that share of such answers is right), verdict duplicate (>= 0.4) /"
                        + " review (>= 0.2: unsure, read it) / overlap (shares files, other work) / distinct, and"
                        + " evidence: text"
                        + " similarity and matched words, shared files, tier, status, how long before it was filed"
                        + " (when both are dated; work filed after a dated proposal is left out), and 'already done"
                        + " in <sha>, <date>' or 'in progress'. "
                        + String.format(
                                java.util.Locale.ROOT,
                                "A proposal's title may have at most %,d characters, its objective (or a file's"
                                        + " body) %,d, its files %,d paths; a larger one is refused.",
                                ProposedWork.MAX_TITLE_CHARS,
                                ProposedWork.MAX_TEXT_CHARS,
                                ProposedWork.MAX_FILES)
                        + " Example: find_duplicate_work(title='Improve auth timeout"
                        + " handling', files=['src/auth/handler.py']).",
                WorkflowSchemas.DUPLICATES_INPUT,
                WorkflowSchemas.DUPLICATES_OUTPUT,
                true,
                Set.of("title", "objective", "files", "tier", "created", "file", "id", "limit", "db_path"),
                this::duplicates);
    }

    private Map<String, Object> duplicates(Args args) {
        String file = args.string("file");
        String id = args.string("id");
        String title = args.string("title");
        String objective = args.string("objective");
        List<String> files = args.strings("files");
        boolean fields = title != null || objective != null || files != null;
        if (args.string("created") != null && !fields) {
            throw new ToolException("find_duplicate_work: created goes with the fields title/objective/files; a file"
                    + " gives its own date in its frontmatter (created:), an id the indexed one's");
        }
        int modes = (file == null ? 0 : 1) + (id == null ? 0 : 1) + (fields ? 1 : 0);
        if (modes != 1) {
            throw new ToolException("find_duplicate_work: give exactly one of title/objective/files (the fields of"
                    + " the proposal), file (its markdown path) or id (an indexed work unit), e.g."
                    + " find_duplicate_work(title='Improve auth timeout handling', files=['src/auth/handler.py'])");
        }
        Integer limit = args.integer("limit");
        GraphStore store = handle.await(GraphTools.STORE_WAIT);
        DuplicateFinder finder = new DuplicateFinder(
                store.driver(),
                store.repoKey(),
                dev.graphmemory.server.config.GraphMemoryConfig.load(root).mainWorktreeKeys(root));
        DuplicateReport report;
        if (file != null) {
            ProposalFile proposal = ProposalFile.read(new InsideRepo(root), "find_duplicate_work: file", file);
            report = finder.find(proposal.proposal(), proposal.nodeId(), limit);
        } else if (id != null) {
            report = finder.findFor(id, limit);
        } else {
            Instant filed;
            try {
                filed = WorkDates.argument("created", args.string("created"));
            } catch (IllegalArgumentException e) {
                throw new ToolException("find_duplicate_work: " + e.getMessage());
            }
            report = finder.find(new ProposedWork(title, objective, files, args.string("tier"), null, filed), limit);
        }
        return report.toMap();
    }
}
