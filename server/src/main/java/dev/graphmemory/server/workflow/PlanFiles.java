package dev.graphmemory.server.workflow;

import dev.graphmemory.indexer.knowledge.KnowledgeDoc;
import dev.graphmemory.indexer.knowledge.KnowledgeReader;
import dev.graphmemory.indexer.walk.InsideRepo;
import dev.graphmemory.queries.find.ToolException;
import dev.graphmemory.queries.workflow.gaps.PlannedWork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads a build plan: planned work units as markdown files (YAML frontmatter with {@code id},
 * {@code title}, {@code objective}, {@code files_changed}), given as files or folders (every
 * {@code *.md} below, sorted). Read with the indexer's {@link KnowledgeReader}, as if each sat in
 * {@code work-units/}, so a plan reads exactly as the indexer would read it; markdown that is not a
 * document (a README without frontmatter) is skipped.
 */
public final class PlanFiles {
    private PlanFiles() {}

    /**
     * Reads every planned work unit under {@code paths} (each relative to the repository root unless
     * absolute). Every path, and every file found below a folder, must lie inside the repository
     * with links followed ({@link InsideRepo#readable}); a missing or outside path, or an empty plan,
     * is a {@link ToolException} naming it.
     */
    public static List<PlannedWork> read(InsideRepo repo, List<String> paths) {
        List<PlannedWork> plan = new ArrayList<>();
        try {
            for (String given : paths) {
                Path p = repo.readable("plan", given);
                for (Path file : markdown(p)) {
                    one(repo, file).ifPresent(plan::add);
                }
            }
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new ToolException(e.getMessage());
        }
        if (plan.isEmpty()) {
            throw new ToolException("plan: no work unit markdown (YAML frontmatter with title and files_changed)"
                    + " found in " + paths);
        }
        return plan;
    }

    private static List<Path> markdown(Path p) {
        if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            return List.of(p);
        }
        // Links below are not followed into folders; a linked file is checked like any other path.
        try (Stream<Path> files = Files.walk(p)) {
            return files.filter(f -> f.toString().endsWith(".md"))
                    .filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)
                            || (Files.isSymbolicLink(f) && Files.isRegularFile(f)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new ToolException("plan: cannot list " + p + ": " + e.getMessage());
        }
    }

    private static Optional<PlannedWork> one(InsideRepo repo, Path file) {
        String text = repo.readText("plan", file);
        String name = file.getFileName().toString();
        Optional<KnowledgeDoc> doc = new KnowledgeReader().read("work-units/" + name, text);
        return doc.map(d -> new PlannedWork(
                d.id(),
                string(d, "title"),
                string(d, "objective") + "\n" + string(d, KnowledgeReader.BODY),
                d.filesChanged(),
                file.toString()));
    }

    private static String string(KnowledgeDoc doc, String key) {
        Object v = doc.properties().get(key);
        return v == null ? "" : v.toString();
    }
}
