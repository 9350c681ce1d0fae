package dev.graphmemory.indexer.knowledge;

import dev.graphmemory.indexer.ProgressListener;
import dev.graphmemory.indexer.model.EdgeRow;
import dev.graphmemory.indexer.model.NodeRow;
import dev.graphmemory.indexer.walk.InsideRepo;
import dev.graphmemory.indexer.write.GraphWriter;
import dev.graphmemory.queries.graph.Sessions;
import dev.graphmemory.queries.schema.Keys;
import dev.graphmemory.queries.schema.NodeType;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * Records knowledge an agent hands over: writes it as a markdown file with YAML frontmatter in the
 * knowledge folder (the file is the source of truth), then indexes that one document at once and
 * links it ({@code DEPENDS_ON}, {@code TOUCHES}, {@code AFFECTS}, {@code CAUSED_BY},
 * {@code MENTIONS}).
 *
 * <p>Ids are checked for clashes against the graph and the file system; an existing document is
 * replaced only with {@code update}, in place, so edges into it (commits that mention it) stay.
 * Ids are compared ignoring case: an id that differs only in case from an indexed document or a
 * file in the folder ({@code bug-001} beside {@code BUG-001}, one file on a case-insensitive file
 * system) is refused, naming the existing one. An id is at most {@value #MAX_ID} characters and a
 * title at most {@value #MAX_TITLE}; everything is checked before anything is written.
 *
 * <p>The file is written through {@link InsideRepo}: never through a symbolic link (a linked
 * knowledge folder, or a link planted at the file's name, is refused), via an exclusively created
 * temporary file renamed over the target. The file is read back through {@link KnowledgeReader}
 * before anything is written to the graph, so what the graph holds is what a full reindex of the
 * file gives.
 */
public final class KnowledgeRecorder {
    /** The longest id recorded: it becomes a file name, and file names are at most 255 bytes. */
    public static final int MAX_ID = 100;

    /** The longest title recorded (longer text belongs in the body). */
    public static final int MAX_TITLE = 1000;

    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)+");
    private static final Map<NodeType, String> PREFIX = Map.of(
            NodeType.WORK_UNIT, "WU",
            NodeType.BUG, "BUG",
            NodeType.ADR, "ADR",
            NodeType.ANTI_PATTERN, "ANTI-PATTERN");

    private final Driver driver;
    private final String repo;
    private final InsideRepo files;
    private final KnowledgeConfig config;

    public KnowledgeRecorder(Driver driver, String repo, Path root, KnowledgeConfig config) {
        this.driver = driver;
        this.repo = repo;
        this.files = new InsideRepo(root);
        this.config = config;
    }

    /** What was recorded: the id, node id, file, whether it was new, and what it links to. */
    public record Recorded(String id, String nodeId, String path, boolean created, Map<String, Long> links) {}

    /** Records {@code entry}; a caller's mistake is an {@link IllegalArgumentException} saying how to fix it. */
    public Recorded record(KnowledgeEntry entry) {
        if (!PREFIX.containsKey(entry.type())) {
            throw new IllegalArgumentException("kind must be one of work_unit, bug, adr, anti_pattern; was "
                    + entry.type().type());
        }
        if (entry.title() == null || entry.title().isBlank()) {
            throw new IllegalArgumentException("title is required: one line that says what this "
                    + entry.type().type() + " is about");
        }
        if (entry.title().length() > MAX_TITLE) {
            throw new IllegalArgumentException("title is " + entry.title().length() + " characters; a title is at most "
                    + MAX_TITLE + ": say it in one line and put the rest in the body (nothing was written)");
        }
        String id = entry.id() == null || entry.id().isBlank() ? nextId(entry.type()) : checkId(entry);
        refuseCaseVariantNode(entry.type(), id);
        Map<String, Object> existing = existing(entry.type(), id);
        String path = existing != null && existing.get(Keys.PATH) instanceof String p
                ? p
                : KnowledgeFiles.pathFor(config, entry.type(), id);
        String what = "cannot record " + id;
        if (!config.accepts(path)) {
            throw new IllegalArgumentException(what + " at " + path + ": it must be inside the"
                    + " repository and match the knowledge globs " + config.globs());
        }
        files.writable(what, path);
        files.caseVariant(path).ifPresent(other -> {
            throw new IllegalArgumentException(what + " at " + path + ": " + other + " is already there and differs"
                    + " only in case (ids are compared ignoring case: on a case-insensitive file system they are one"
                    + " file); use that id, with update to replace it, or another id");
        });
        if ((existing != null || files.exists(path)) && !entry.update()) {
            throw new IllegalArgumentException(id + " already exists (" + path + "); pass update: true to replace it,"
                    + " or leave id out to get a new one");
        }
        String text = KnowledgeFiles.render(entry, id);
        KnowledgeDoc doc = new KnowledgeReader()
                .read(path, text)
                .filter(d -> d.parseOk() && d.id().equals(id) && d.type() == entry.type())
                .orElseThrow(() -> new IllegalArgumentException("the fields of " + id + " do not make a valid"
                        + " document (frontmatter values must be strings, numbers, booleans or lists of those)"));
        files.write(what, path, text);
        Map<String, Long> links = index(doc, existing != null);
        return new Recorded(id, doc.nodeId(), path, existing == null, links);
    }

    private String checkId(KnowledgeEntry entry) {
        String id = entry.id().trim();
        String prefix = PREFIX.get(entry.type());
        if (id.length() > MAX_ID) {
            throw new IllegalArgumentException("id is " + id.length() + " characters; an id is at most " + MAX_ID
                    + ", like " + prefix + "-123 (or leave id out to get the next free one)");
        }
        if (!ID.matcher(id).matches() || !id.toUpperCase(java.util.Locale.ROOT).startsWith(prefix + "-")) {
            throw new IllegalArgumentException("id '" + id + "' must look like " + prefix + "-123 for a "
                    + entry.type().type() + " (or leave id out to get the next free one)");
        }
        return id;
    }

    /** The next free {@code PREFIX-n}, keeping the widest zero-padding in use. */
    private String nextId(NodeType type) {
        String prefix = PREFIX.get(type);
        Pattern numbered = Pattern.compile("(?i)" + Pattern.quote(prefix) + "-(\\d+)");
        long max = 0;
        int width = 3;
        try (Session session = Sessions.read(driver)) {
            List<String> keys = session.executeRead(tx -> tx.run(
                            "MATCH (n:" + Keys.ENTITY_LABEL + ":" + type.label() + " {repo: $repo}) RETURN n.key AS k",
                            Map.of("repo", repo))
                    .list(r -> r.get("k").asString()));
            for (String key : keys) {
                Matcher m = numbered.matcher(key);
                if (m.matches() && m.group(1).length() <= 18) { // a longer number is no sequence to continue
                    max = Math.max(max, Long.parseLong(m.group(1)));
                    width = Math.max(width, m.group(1).length());
                }
            }
        }
        String id;
        do {
            id = prefix + "-" + String.format("%0" + width + "d", ++max);
        } while (taken(KnowledgeFiles.pathFor(config, type, id)));
        return id;
    }

    private boolean taken(String path) {
        return files.exists(path) || files.caseVariant(path).isPresent();
    }

    /** Refuses an id that an indexed document of the same type spells in another case. */
    private void refuseCaseVariantNode(NodeType type, String id) {
        try (Session session = Sessions.read(driver)) {
            List<String> other = session.executeRead(tx -> tx.run(
                            "MATCH (n:" + Keys.ENTITY_LABEL + ":" + type.label() + " {repo: $repo})"
                                    + " WHERE toLower(n.key) = toLower($key) AND n.key <> $key"
                                    + " RETURN n.key + coalesce(' (' + n.path + ')', '') AS k ORDER BY k LIMIT 1",
                            Map.of("repo", repo, "key", id))
                    .list(r -> r.get("k").asString()));
            if (!other.isEmpty()) {
                throw new IllegalArgumentException("id '" + id + "' differs only in case from the existing "
                        + other.get(0) + " (ids are compared ignoring case); use that id, with update to replace it,"
                        + " or another id");
            }
        }
    }

    private Map<String, Object> existing(NodeType type, String id) {
        try (Session session = Sessions.read(driver)) {
            var rows = session.executeRead(tx -> tx.run(
                            "MATCH (n:" + Keys.ENTITY_LABEL + " {repo: $repo, id: $id}) RETURN properties(n) AS p",
                            Map.of("repo", repo, "id", type.id(id)))
                    .list());
            return rows.isEmpty() ? null : new HashMap<>(rows.get(0).get("p").asMap());
        }
    }

    /** Writes the document's node (in place when it exists) and its outgoing links. */
    private Map<String, Long> index(KnowledgeDoc doc, boolean replace) {
        // With its embedding, as a reindex writes it (the next run's cache misses it and embeds it again).
        NodeRow row = DocEmbeddings.configured(null)
                .nodes(List.of(doc), ProgressListener.NONE)
                .get(0);
        Map<String, String> docIds = new HashMap<>();
        Set<String> modulePaths = new HashSet<>();
        Set<String> existingIds = new HashSet<>();
        try (Session session = Sessions.write(driver)) {
            session.executeRead(tx -> tx.run(
                                    "MATCH (n:" + Keys.ENTITY_LABEL
                                            + " {repo: $repo}) WHERE n:WorkUnit OR n:Bug OR n:Adr"
                                            + " OR n:AntiPattern OR n:Module RETURN n.key AS k, n.id AS id,"
                                            + " n:Module AS module",
                                    Map.of("repo", repo))
                            .list())
                    .forEach(r -> {
                        existingIds.add(r.get("id").asString());
                        if (r.get("module").asBoolean()) {
                            modulePaths.add(r.get("k").asString());
                        } else {
                            docIds.put(r.get("k").asString(), r.get("id").asString());
                        }
                    });
            docIds.put(doc.id(), doc.nodeId());
            if (replace) {
                Map<String, Object> props = new HashMap<>(row.properties());
                props.put(Keys.REPO, repo);
                props.put(Keys.ID, row.id());
                props.put(Keys.KEY, row.key());
                props.put(Keys.SCHEMA, row.type().schema());
                props.put(Keys.TYPE, row.type().type());
                props.put(Keys.TYPES, row.types().stream().map(NodeType::type).toList());
                session.executeWriteWithoutResult(tx -> tx.run(
                        "MATCH (n:" + Keys.ENTITY_LABEL + " {repo: $repo, id: $id}) OPTIONAL MATCH (n)-[r]->()"
                                + " DELETE r SET n = $props",
                        Map.of("repo", repo, "id", row.id(), "props", props)));
            }
        }
        KnowledgeLinks links = new KnowledgeLinker(modulePaths::contains, files::isPlainFile)
                .link(List.of(doc), IdMentionMatcher.of(docIds));
        Map<String, Long> counts = new java.util.TreeMap<>();
        try (GraphWriter writer = new GraphWriter(driver, repo, 1000)) {
            if (!replace) {
                writer.add(row);
            }
            links.nodes().stream().filter(n -> !existingIds.contains(n.id())).forEach(writer::add);
            writer.flush();
            for (EdgeRow e : links.edges()) {
                writer.add(e);
                counts.merge(e.type().name(), 1L, Long::sum);
            }
        }
        return counts;
    }
}
