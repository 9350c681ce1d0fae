package dev.graphmemory.server.cli;

import dev.graphmemory.indexer.walk.InsideRepo;
import dev.graphmemory.queries.find.ToolException;
import dev.graphmemory.queries.workflow.DuplicateFinder;
import dev.graphmemory.queries.workflow.DuplicateReport;
import dev.graphmemory.queries.workflow.ProposedWork;
import dev.graphmemory.queries.workflow.WorkDates;
import dev.graphmemory.server.config.GraphMemoryConfig;
import dev.graphmemory.server.mcp.DuplicatesText;
import dev.graphmemory.server.store.GraphStore;
import dev.graphmemory.server.workflow.ProposalFile;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/** {@code graph-memory duplicates}: is a proposed work unit a duplicate of indexed work? */
@Command(
        name = "duplicates",
        mixinStandardHelpOptions = true,
        description = "Check a proposed work unit against the indexed work units and bugs. Exit code 0: no likely"
                + " duplicate; 3: a likely duplicate exists; 1: error; 2: usage.",
        footer = {
            "",
            "Examples:",
            "  graph-memory duplicates --file work-units/new-wu.md --json",
            "  graph-memory duplicates --title 'Improve auth timeout handling' --files src/auth/handler.py",
            "  graph-memory duplicates --id WU-123",
            "  graph-memory duplicates --file a.md --file b.md --json   (one JSON object per line)"
        })
final class DuplicatesCommand implements Callable<Integer> {
    /** Exit code when a likely duplicate exists. */
    static final int EXIT_DUPLICATE = 3;

    @ParentCommand
    GraphMemoryCommand parent;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--file",
            paramLabel = "MD",
            description = "A proposed work unit as markdown with YAML"
                    + " frontmatter (title, objective, files_changed, tier), inside the repository (links followed)."
                    + " Repeat for several: one result each.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--title", description = "The proposal's title.")
    String title;

    @Option(names = "--objective", description = "The proposal's objective.")
    String objective;

    @Option(
            names = "--files",
            split = ",",
            paramLabel = "PATH",
            description = "Files it expects to change," + " comma-separated, repository-relative.")
    List<String> changed = new ArrayList<>();

    @Option(names = "--tier", description = "task, story or epic.")
    String tier;

    @Option(
            names = "--created",
            paramLabel = "DATE",
            description = "When the proposal was filed (e.g. 2026-03-01, 2026-03-01 10:15:00+00:00, 1/Mar/26 10:15;"
                    + " ISO 8601, RFC 2822, git, Jira or epoch forms), if not now: it is then compared only with work"
                    + " filed before it.")
    String created;

    @Option(names = "--id", description = "An indexed work unit or bug (WU-123 or workflow:work_unit:WU-123).")
    String id;

    @Option(names = "--limit", description = "Candidates per proposal (1-50, default 5).")
    Integer limit;

    @Option(names = "--json", description = "Print JSON: the find_duplicate_work tool's structure.")
    boolean json;

    @Override
    public Integer call() {
        List<Request> requests = requests();
        Path root = parent.store.root();
        GraphMemoryConfig config = GraphMemoryConfig.load(root);
        try (GraphStore store = parent.store.open(root, config)) {
            DuplicateFinder finder =
                    new DuplicateFinder(store.driver(), store.repoKey(), config.mainWorktreeKeys(root));
            InsideRepo repo = new InsideRepo(root);
            boolean duplicate = false;
            for (Request r : requests) {
                DuplicateReport report;
                try {
                    report = r.run(repo, finder, limit);
                } catch (ToolException e) {
                    parent.err().println("graph-memory: " + e.getMessage());
                    return 1;
                }
                duplicate |= report.hasDuplicate();
                print(r, report);
            }
            return duplicate ? EXIT_DUPLICATE : 0;
        }
    }

    private List<Request> requests() {
        boolean fields = title != null || objective != null || !changed.isEmpty();
        if (created != null && !fields) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--created goes with the fields --title/--objective/--files; a --file gives its own date in"
                            + " its frontmatter (created:), an --id the indexed one's");
        }
        int modes = (files.isEmpty() ? 0 : 1) + (id == null ? 0 : 1) + (fields ? 1 : 0);
        if (modes != 1) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "give exactly one of --file MD, --id ID, or the fields --title/--objective/--files");
        }
        if (limit != null && (limit < 1 || limit > DuplicateFinder.MAX_LIMIT)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--limit must be 1.." + DuplicateFinder.MAX_LIMIT + ", got " + limit);
        }
        if (id != null) {
            return List.of(new Request(null, id, null));
        }
        if (fields) {
            try {
                Instant filed = WorkDates.argument("--created", created);
                return List.of(new Request(null, null, new ProposedWork(title, objective, changed, tier, null, filed)));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        return files.stream().map(f -> new Request(f, null, null)).toList();
    }

    private void print(Request r, DuplicateReport report) {
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            if (r.file() != null) {
                out.put("file", r.file().toString());
            }
            out.putAll(report.toMap());
            parent.out.println(JsonMapper.builder().build().writeValueAsString(out));
            return;
        }
        String what = r.file() != null ? r.file().toString() : report.queryId() != null ? report.queryId() : "proposal";
        parent.out.print(DuplicatesText.render(report.toMap(), what));
    }

    /** One proposal to check: a file, an indexed id, or fields. */
    private record Request(Path file, String id, ProposedWork fields) {
        DuplicateReport run(InsideRepo repo, DuplicateFinder finder, Integer limit) {
            if (file != null) {
                ProposalFile proposal =
                        ProposalFile.read(repo, "--file", file.toAbsolutePath().toString());
                return finder.find(proposal.proposal(), proposal.nodeId(), limit);
            }
            return id != null ? finder.findFor(id, limit) : finder.find(fields, limit);
        }
    }
}
