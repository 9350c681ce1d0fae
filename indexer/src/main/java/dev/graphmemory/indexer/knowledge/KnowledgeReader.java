package dev.graphmemory.indexer.knowledge;

import dev.graphmemory.indexer.knowledge.YamlFields.Parsed;
import dev.graphmemory.queries.schema.Keys;
import dev.graphmemory.queries.schema.NodeType;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one knowledge document (markdown with YAML frontmatter) into a {@link KnowledgeDoc}.
 *
 * <p>Rules, in order:
 *
 * <ul>
 *   <li><b>Skip:</b> a file without frontmatter whose name does not start with a document id (a
 *       folder's {@code README.md}, {@code index.md}, a template) is not a document: empty.
 *   <li><b>Id:</b> the {@code id:} field, else the id the file name starts with ({@code
 *       WU-281-fix-auth.md} → {@code WU-281}), else the file name without {@code .md}.
 *   <li><b>Type:</b> the {@code type:} field ({@code work_unit}, {@code work-unit}, {@code
 *       workunit}, {@code wu}, {@code bug}, {@code adr}, {@code decision}, {@code anti_pattern},
 *       {@code anti-pattern}), else the id prefix ({@code WU-}, {@code BUG-}, {@code ADR-}, {@code
 *       ANTI-PATTERN-}, {@code AP-}), else the folder ({@code work-units}, {@code bugs}, {@code
 *       adr}, {@code decisions}, {@code anti-patterns}); a file none of these types is skipped.
 *   <li><b>Broken frontmatter</b> (not YAML, not a mapping, never closed) still yields the
 *       document, with {@code parse_ok=false}, a {@code parse_error} naming the file line and
 *       column, its body, and the {@code id}/{@code type}/{@code title} lines picked up as text.
 * </ul>
 *
 * <p>Thread-safe and stateless; {@link #read} never throws.
 */
public final class KnowledgeReader {
    /** The property holding the markdown after the frontmatter. */
    public static final String BODY = "body";
    /** The most characters of body kept on a node. */
    public static final int BODY_LIMIT = 20_000;

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeReader.class);

    /**
     * Reads a document.
     *
     * @param path the repository-relative path ({@code /} or {@code \} separators)
     * @param text the file's content
     * @return the document, or empty when the file is not one (see the class comment)
     */
    public Optional<KnowledgeDoc> read(String path, String text) {
        try {
            return Optional.ofNullable(readOrNull(RepoPaths.normalise(path), text));
        } catch (RuntimeException e) { // a defect here must not stop the run
            // One line for the user; the stack trace (a defect to report) at DEBUG, shown by --verbose.
            LOG.warn("knowledge document {} could not be read: {}", path, e.toString());
            LOG.debug("knowledge document {} could not be read", path, e);
            return Optional.empty();
        }
    }

    private static KnowledgeDoc readOrNull(String path, String text) {
        Frontmatter fm = Frontmatter.split(text);
        String fileName = RepoPaths.fileName(path);
        if (!fm.opened() && DocTypes.idInFileName(fileName).isEmpty()) {
            return null;
        }
        Parsed parsed = YamlFields.parse(fm);
        Map<String, Object> fields = parsed.fields();
        String id = idOf(fields, fileName);
        Optional<NodeType> type = typeOf(fields, id, path);
        if (type.isEmpty()) {
            LOG.debug("knowledge document {} skipped: no type field, id prefix or typed folder", path);
            return null;
        }
        Object deps = fields.containsKey("dependencies") ? fields.get("dependencies") : fields.get("depends_on");
        return new KnowledgeDoc(
                type.get(),
                id,
                path,
                DocProperties.build(fields, id, path, fm.body(), parsed.error()),
                LinkValues.ids(deps),
                LinkValues.paths(fields.get("files_changed")),
                LinkValues.entries(fields.get("affects")),
                LinkValues.ids(fields.get("caused_by")));
    }

    private static String idOf(Map<String, Object> fields, String fileName) {
        Object raw = fields.get(Keys.ID);
        if (!(raw instanceof Map<?, ?>) && !(raw instanceof Iterable<?>)) {
            String id = PropertyValues.text(raw);
            if (id != null && !id.isBlank()) {
                return id.strip();
            }
        }
        return DocTypes.idInFileName(fileName).orElseGet(() -> DocTypes.stripMd(fileName));
    }

    private static Optional<NodeType> typeOf(Map<String, Object> fields, String id, String path) {
        String word = PropertyValues.text(fields.get(Keys.TYPE));
        Optional<NodeType> byWord = word == null ? Optional.empty() : DocTypes.fromWord(word);
        if (byWord.isPresent()) {
            return byWord;
        }
        Optional<NodeType> byPrefix = DocTypes.fromIdPrefix(id);
        return byPrefix.isPresent() ? byPrefix : DocTypes.fromFolder(path);
    }
}
