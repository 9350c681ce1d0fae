package dev.graphmemory.queries.workflow;

import dev.graphmemory.queries.graph.IndexState;
import dev.graphmemory.queries.graph.LruCache;
import dev.graphmemory.queries.graph.RepoGraph;
import dev.graphmemory.queries.graph.Values;
import dev.graphmemory.queries.schema.GraphSchema;
import dev.graphmemory.queries.schema.Keys;
import dev.graphmemory.queries.schema.NodeType;
import dev.graphmemory.queries.schema.RelType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

/**
 * Reads a repository's work units and bugs into a {@link WorkCorpus}: text, status, tier, files
 * ({@code files_changed} plus {@code TOUCHES} and {@code AFFECTS} targets) and the latest commit
 * that names each one ({@code MENTIONS}).
 *
 * <p>Design note: term weights need the whole corpus, so it is read whole, once per index state
 * (indexed commit, input digest and last run) and kept in a small process-wide cache; a reindex
 * changes the state and so the key. A few thousand items read in well under a second.
 */
public final class WorkCorpusReader {
    private static final int CACHE_SIZE = 4;
    private static final LruCache<String, WorkCorpus> CACHE = new LruCache<>(CACHE_SIZE);

    private static final String CYPHER = "MATCH (n:" + Keys.ENTITY_LABEL + " {repo: $repo}) WHERE n:"
            + NodeType.WORK_UNIT.label() + " OR n:" + NodeType.BUG.label()
            + " OPTIONAL MATCH (n)-[:" + RelType.TOUCHES.name() + "|" + RelType.AFFECTS.name() + "]->(m:"
            + NodeType.MODULE.label() + ")"
            + " WITH n, collect(DISTINCT m.path) AS touched"
            + " OPTIONAL MATCH (c:" + NodeType.COMMIT.label() + " {repo: $repo})-[:" + RelType.MENTIONS.name()
            + "]->(n)"
            + " WITH n, touched, c ORDER BY c.time DESC"
            + " WITH n, touched, collect(c)[0] AS last"
            + " RETURN n.id AS id, properties(n) AS props, touched,"
            + " last.sha AS sha, last.time AS time"
            + " ORDER BY id";

    private final Driver driver;
    private final String repo;

    public WorkCorpusReader(Driver driver, String repo) {
        this.driver = driver;
        this.repo = repo;
    }

    /** The corpus for the repository's current index state, from the cache when it is there. */
    public WorkCorpus read() {
        RepoGraph graph = new RepoGraph(driver, repo);
        IndexState state = graph.state();
        return CACHE.get(
                repo + '\u0000' + state.version(),
                () -> WorkCorpus.of(graph.read(CYPHER, Map.of()).stream()
                        .map(WorkCorpusReader::item)
                        .toList()));
    }

    private static WorkItem item(Record r) {
        // Every property comes once, in props: the text fields, the fields a filing date may be in,
        // and the stored embedding.
        Map<String, Object> props = r.get("props").asMap();
        String id = r.get("id").asString();
        List<String> files = new ArrayList<>(Values.strings(r.get("props").get("files_changed")));
        files.addAll(Values.strings(r.get("touched")));
        String sha = Objects.toString(r.get("sha").asObject(), null);
        return new WorkItem(
                id,
                (String) props.get(Keys.TYPE),
                WorkItem.titleOf(props, String.valueOf(props.get(Keys.KEY))),
                WorkItem.textOf(props),
                Objects.toString(props.get(Keys.STATUS), null),
                Objects.toString(props.get("tier"), null),
                files.stream().map(ProposedWork::normalisePath).toList(),
                sha == null
                        ? null
                        : new WorkItem.CommitRef(
                                sha, Objects.toString(r.get("time").asObject(), null)),
                WorkDates.created(props).orElse(null),
                embedding(props));
    }

    /** The stored vector, when the current model made it; otherwise {@code null}. */
    static float[] embedding(Map<String, Object> props) {
        if (!Embeddings.MODEL.equals(props.get(Keys.EMBEDDING_MODEL))
                || !(props.get(Keys.EMBEDDING) instanceof List<?> list)
                || list.size() != GraphSchema.VECTOR_DIMENSIONS) {
            return null;
        }
        float[] v = new float[list.size()];
        for (int i = 0; i < v.length; i++) {
            if (!(list.get(i) instanceof Number n)) {
                return null;
            }
            v[i] = n.floatValue();
        }
        return v;
    }
}
