package dev.graphmemory.indexer.knowledge;

import dev.graphmemory.indexer.model.EdgeRow;
import dev.graphmemory.queries.schema.NodeType;
import dev.graphmemory.queries.schema.RelType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Resolves the links of a run's knowledge documents into edges.
 *
 * <ul>
 *   <li>{@code dependencies} → {@code DEPENDS_ON}; an id no document of the run declares still
 *       gets an edge to {@code workflow:work_unit:<id>} (the writer drops it if that node is absent)
 *       and a warning.
 *   <li>{@code files_changed} → {@code TOUCHES} and path entries of {@code affects} → {@code
 *       AFFECTS}, to {@code architecture:module:<path>}; a path that is no indexed module gets a
 *       stub module node (see {@link ModuleTargets}).
 *   <li>{@code affects} entries that are a known document id, a full node id, or look like an id
 *       (no {@code /} or {@code .}, hyphenated, with a digit) are ids; {@code caused_by} entries
 *       are ids. A short id resolves case-insensitively to a document of the run; an unknown one
 *       with a known prefix ({@code ADR-}, ...) gets an edge to the node it would be, plus a
 *       warning; full node ids are used as they are.
 *   <li>ids named in the title, objective, root cause, description, summary or body → {@code
 *       MENTIONS} (see {@link IdMentionMatcher}), never to the document itself.
 * </ul>
 */
public final class KnowledgeLinker {
    private static final Pattern ID_LIKE = Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+");

    private final Predicate<String> isModulePath;
    private final Predicate<String> fileExists;

    /**
     * @param isModulePath whether an indexed module exists at a repository-relative path
     * @param fileExists whether a file exists at a repository-relative path in the working tree
     */
    public KnowledgeLinker(Predicate<String> isModulePath, Predicate<String> fileExists) {
        this.isModulePath = isModulePath;
        this.fileExists = fileExists;
    }

    /** Links the documents against each other. */
    public KnowledgeLinks link(List<KnowledgeDoc> docs) {
        return link(docs, IdMentionMatcher.forDocs(docs));
    }

    /**
     * Links the documents against the ids {@code known} knows (e.g. the run's documents plus those
     * already in the graph, for an incremental run).
     */
    public KnowledgeLinks link(List<KnowledgeDoc> docs, IdMentionMatcher known) {
        Run run = new Run(known, new ModuleTargets(isModulePath, fileExists));
        warnDuplicates(docs, run.warnings);
        for (KnowledgeDoc doc : docs) {
            run.link(doc);
        }
        return new KnowledgeLinks(run.targets.stubs(), new ArrayList<>(run.edges), run.warnings);
    }

    private static void warnDuplicates(List<KnowledgeDoc> docs, List<String> warnings) {
        Map<String, List<String>> pathsById = new LinkedHashMap<>();
        docs.forEach(d -> pathsById
                .computeIfAbsent(d.id().toUpperCase(Locale.ROOT), k -> new ArrayList<>())
                .add(d.path()));
        pathsById.forEach((id, paths) -> {
            if (paths.size() > 1) {
                warnings.add("id " + id + " is declared by " + paths.size() + " files (" + String.join(", ", paths)
                        + "); they write the same node");
            }
        });
    }

    /** The state of one {@link #link} call. */
    private static final class Run {
        final IdMentionMatcher known;
        final ModuleTargets targets;
        final Set<EdgeRow> edges = new LinkedHashSet<>();
        final List<String> warnings = new ArrayList<>();

        Run(IdMentionMatcher known, ModuleTargets targets) {
            this.known = known;
            this.targets = targets;
        }

        void link(KnowledgeDoc doc) {
            for (String dep : doc.dependencies()) {
                String target = resolve(dep).orElseGet(() -> {
                    warn(doc, "dependency", dep);
                    return NodeType.WORK_UNIT.id(dep);
                });
                edge(RelType.DEPENDS_ON, doc, target);
            }
            doc.filesChanged().forEach(p -> edge(RelType.TOUCHES, doc, targets.idFor(p)));
            for (String entry : doc.affects()) {
                if (resolve(entry).isPresent() || looksLikeId(entry)) {
                    idEdge(RelType.AFFECTS, doc, "affects", entry);
                } else {
                    edge(RelType.AFFECTS, doc, targets.idFor(entry));
                }
            }
            doc.causedBy().forEach(id -> idEdge(RelType.CAUSED_BY, doc, "caused_by", id));
            known.mentions(doc.mentionText()).forEach(target -> edge(RelType.MENTIONS, doc, target));
        }

        /** Hyphenated letters and digits with a digit somewhere, e.g. {@code BUG-ARCH-014}; never a path. */
        private static boolean looksLikeId(String entry) {
            return ID_LIKE.matcher(entry).matches() && entry.chars().anyMatch(Character::isDigit);
        }

        private Optional<String> resolve(String ref) {
            Optional<String> doc = known.resolve(ref);
            return doc.isPresent() || !IdMentionMatcher.isNodeId(ref) ? doc : Optional.of(ref);
        }

        private void idEdge(RelType type, KnowledgeDoc doc, String field, String ref) {
            Optional<String> target = resolve(ref);
            if (target.isPresent()) {
                edge(type, doc, target.get());
                return;
            }
            warn(doc, field, ref);
            DocTypes.fromIdPrefix(ref).ifPresent(t -> edge(type, doc, t.id(ref)));
        }

        private void edge(RelType type, KnowledgeDoc doc, String target) {
            if (!target.equals(doc.nodeId())) {
                edges.add(EdgeRow.of(type, doc.nodeId(), target));
            }
        }

        private void warn(KnowledgeDoc doc, String field, String ref) {
            warnings.add(doc.path() + ": " + field + " '" + ref + "' names no document of this run");
        }
    }
}
