package dev.graphmemory.server.workflow;

import dev.graphmemory.indexer.knowledge.KnowledgeDoc;
import dev.graphmemory.indexer.knowledge.KnowledgeReader;
import dev.graphmemory.queries.find.ToolException;
import dev.graphmemory.queries.workflow.gaps.PlannedWork;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

    /** Reads every planned work unit under {@code paths}; a missing path or an empty plan is a {@link ToolException}. */
    public static List<PlannedWork> read(List<Path> paths) {
        List<PlannedWork> plan = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new ToolException("plan: " + p + " does not exist; give a folder of planned work unit markdown"
                        + " files or the files themselves");
            }
            for (Path file : markdown(p)) {
                one(file).ifPresent(plan::add);
            }
        }
        if (plan.isEmpty()) {
            throw new ToolException("plan: no work unit markdown (YAML frontmatter with title and files_changed)"
                    + " found in " + paths);
        }
        return plan;
    }

    private static List<Path> markdown(Path p) {
        if (!Files.isDirectory(p)) {
            return List.of(p);
        }
        try (Stream<Path> files = Files.walk(p)) {
            return files.filter(f -> Files.isRegularFile(f) && f.toString().endsWith(".md"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new ToolException("plan: cannot list " + p + ": " + e.getMessage());
        }
    }

    private static Optional<PlannedWork> one(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ToolException("plan: cannot read " + file + ": " + e.getMessage());
        }
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
