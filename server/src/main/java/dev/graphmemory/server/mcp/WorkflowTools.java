package dev.graphmemory.server.mcp;

import dev.graphmemory.queries.find.ToolException;
import dev.graphmemory.queries.workflow.DuplicateFinder;
import dev.graphmemory.queries.workflow.DuplicateReport;
import dev.graphmemory.queries.workflow.ProposedWork;
import dev.graphmemory.server.store.GraphStore;
import dev.graphmemory.server.workflow.ProposalFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The workflow tools: {@code find_duplicate_work}. */
final class WorkflowTools {
    private final StoreHandle handle;
    private final Path root;

    /**
     * @param handle the store
     * @param root the repository's working tree, against which a relative {@code file} resolves
     */
    WorkflowTools(StoreHandle handle, Path root) {
        this.handle = handle;
        this.root = root.toAbsolutePath().normalize();
    }

    List<ToolDef> all() {
        return List.of(findDuplicateWork());
    }

    private ToolDef findDuplicateWork() {
        return new ToolDef(
                "find_duplicate_work",
                "Is this work already done or in progress?",
                "Before filing a work unit, check it against the indexed work units and bugs. Give the proposal as"
                        + " fields (title, objective, files, tier), as the path of its markdown file (file), or as"
                        + " the id of an indexed one (id). Answers the candidates best first, each with confidence"
                        + " 0..1, verdict duplicate (>= 0.7) / overlap (>= 0.4) / distinct, and evidence: text"
                        + " similarity and matched words, shared files, tier, status, and 'already done in <sha>,"
                        + " <date>' or 'in progress'. Example: find_duplicate_work(title='Improve auth timeout"
                        + " handling', files=['src/auth/handler.py']).",
                WorkflowSchemas.DUPLICATES_INPUT,
                WorkflowSchemas.DUPLICATES_OUTPUT,
                true,
                Set.of("title", "objective", "files", "tier", "file", "id", "limit", "db_path"),
                this::duplicates);
    }

    private Map<String, Object> duplicates(Args args) {
        String file = args.string("file");
        String id = args.string("id");
        String title = args.string("title");
        String objective = args.string("objective");
        List<String> files = args.strings("files");
        boolean fields = title != null || objective != null || files != null;
        int modes = (file == null ? 0 : 1) + (id == null ? 0 : 1) + (fields ? 1 : 0);
        if (modes != 1) {
            throw new ToolException("find_duplicate_work: give exactly one of title/objective/files (the fields of"
                    + " the proposal), file (its markdown path) or id (an indexed work unit), e.g."
                    + " find_duplicate_work(title='Improve auth timeout handling', files=['src/auth/handler.py'])");
        }
        Integer limit = args.integer("limit");
        GraphStore store = handle.await(GraphTools.STORE_WAIT);
        DuplicateFinder finder = new DuplicateFinder(store.driver(), store.repoKey());
        DuplicateReport report;
        if (file != null) {
            ProposalFile proposal = ProposalFile.read(inRepository(file));
            report = finder.find(proposal.proposal(), proposal.nodeId(), limit);
        } else if (id != null) {
            report = finder.findFor(id, limit);
        } else {
            report = finder.find(ProposedWork.of(title, objective, files, args.string("tier")), limit);
        }
        return report.toMap();
    }

    /** The file, relative to the repository root unless absolute; it must lie inside the repository. */
    private Path inRepository(String file) {
        Path path = root.resolve(file).normalize();
        if (!path.startsWith(root)) {
            throw new ToolException("find_duplicate_work: file '" + file + "' is outside the repository " + root
                    + "; give a path inside it, e.g. work-units/WU-123.md");
        }
        return path;
    }
}
