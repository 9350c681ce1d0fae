package dev.graphmemory.server.workflow;

import dev.graphmemory.indexer.knowledge.KnowledgeDoc;
import dev.graphmemory.indexer.knowledge.KnowledgeReader;
import dev.graphmemory.indexer.walk.InsideRepo;
import dev.graphmemory.queries.find.ToolException;
import dev.graphmemory.queries.workflow.ProposedWork;
import dev.graphmemory.queries.workflow.WorkDates;
import java.nio.file.Path;

/**
 * Reads a proposed work unit from its markdown file (YAML frontmatter with {@code title}, {@code
 * objective}, {@code files_changed}, {@code tier}; the markdown after it as body) with the
 * indexer's {@link KnowledgeReader}, so a proposal reads exactly as the indexer would read it. A
 * filing date in the frontmatter ({@link WorkDates}) dates the proposal.
 *
 * @param proposal the proposal
 * @param nodeId the node id the file would have once indexed, e.g. {@code workflow:work_unit:WU-9}
 */
public record ProposalFile(ProposedWork proposal, String nodeId) {
    /**
     * Reads the proposal at {@code given} (relative to the repository root unless absolute). It must
     * lie inside the repository, links followed ({@link InsideRepo#readable}); a missing, outside,
     * unreadable or empty file is a {@link ToolException} naming it.
     *
     * @param what names the argument in messages, e.g. {@code "find_duplicate_work: file"}
     */
    public static ProposalFile read(InsideRepo repo, String what, String given) {
        Path file;
        String text;
        try {
            file = repo.readable(what, given);
            text = repo.readText(what, file);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new ToolException(e.getMessage());
        }
        // A proposal need not declare a type or an id: read it as if it sat in work-units/.
        String name =
                file.getFileName() == null ? "proposal.md" : file.getFileName().toString();
        KnowledgeDoc doc = new KnowledgeReader()
                .read("work-units/" + (name.endsWith(".md") ? name : name + ".md"), text)
                .orElseThrow(() -> new ToolException(file + " is not a work unit document: expected markdown with"
                        + " YAML frontmatter (title, objective, files_changed, tier)"));
        try {
            return new ProposalFile(
                    new ProposedWork(
                            string(doc, "title"),
                            string(doc, "objective"),
                            doc.filesChanged(),
                            string(doc, "tier"),
                            string(doc, KnowledgeReader.BODY),
                            WorkDates.created(doc.properties()).orElse(null)),
                    doc.nodeId());
        } catch (IllegalArgumentException e) {
            throw new ToolException(file + ": " + e.getMessage());
        }
    }

    private static String string(KnowledgeDoc doc, String key) {
        Object v = doc.properties().get(key);
        return v == null ? null : v.toString();
    }
}
