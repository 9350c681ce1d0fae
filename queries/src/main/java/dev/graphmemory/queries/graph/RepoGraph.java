package dev.graphmemory.queries.graph;

import dev.graphmemory.queries.schema.Keys;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

/** One repository's part of the graph: its bookkeeping node and whole-graph operations on it. */
public final class RepoGraph {
    /** The properties of the bookkeeping node, which are not properties of graph nodes. */
    public static final java.util.Set<String> STATE_KEYS = java.util.Set.of(
            "indexed_commit", "input_digest", "complete", "last_run", "graph_version", "tree_signature", "cache_token");

    /**
     * The bookkeeping node and whole-repository deletes done by the process that holds the store
     * (the store daemon, on its own database) instead of Cypher over Bolt: a run in a daemon just
     * started then plans no Cypher at all (the first statements of a JVM cost it about a second).
     */
    public interface Local {
        /** The bookkeeping node's properties; empty when the repository has none. */
        Optional<Map<String, Object>> stateProperties();

        /** Creates the bookkeeping node, or replaces all of its properties, with {@code properties}. */
        void replaceState(Map<String, Object> properties);

        /** Deletes every node of the repository with its relationships; returns how many nodes. */
        long deleteAll();
    }

    /** Nodes deleted per transaction when a repository's graph is cleared. */
    public static final int CLEAR_BATCH = 20_000;

    private final Driver driver;
    private final String repo;
    private final Local local;

    public RepoGraph(Driver driver, String repo) {
        this(driver, repo, null);
    }

    /** A repository graph whose bookkeeping goes through {@code local} (null: Cypher over the driver). */
    public RepoGraph(Driver driver, String repo, Local local) {
        this.driver = driver;
        this.repo = repo;
        this.local = local;
    }

    /** The repository key every node of this repository carries. */
    public String repo() {
        return repo;
    }

    /** Reads the index state, or {@link IndexState#none()}. */
    public IndexState state() {
        if (local != null) {
            return local.stateProperties().map(RepoGraph::stateOf).orElse(IndexState.none());
        }
        try (Session session = Sessions.read(driver)) {
            return session.executeRead(tx -> {
                var result = tx.run(
                        "MATCH (s:" + Keys.STATE_LABEL + " {repo: $repo}) RETURN properties(s) AS p",
                        Map.of("repo", repo));
                if (!result.hasNext()) {
                    return IndexState.none();
                }
                return stateOf(result.next().get("p").asMap());
            });
        }
    }

    private static IndexState stateOf(Map<String, Object> properties) {
        Map<String, Object> p = new HashMap<>(properties);
        String commit = (String) p.remove("indexed_commit");
        String digest = (String) p.remove("input_digest");
        Object complete = p.remove("complete");
        String lastRun = (String) p.remove("last_run");
        p.remove(Keys.REPO);
        return new IndexState(commit, digest, Boolean.TRUE.equals(complete), lastRun, p);
    }

    /** Records the index state, replacing what was there. */
    public void saveState(IndexState state) {
        Map<String, Object> props = new HashMap<>(state.extra());
        props.put("repo", repo);
        props.put("indexed_commit", state.indexedCommit());
        props.put("input_digest", state.inputDigest());
        props.put("complete", state.complete());
        props.put("last_run", state.lastRunJson());
        props.values().removeIf(v -> v == null);
        if (local != null) {
            local.replaceState(props);
            return;
        }
        try (Session session = Sessions.write(driver)) {
            session.executeWriteWithoutResult(tx -> tx.run(
                    "MERGE (s:" + Keys.STATE_LABEL + " {repo: $repo}) SET s = $props",
                    Map.of("repo", repo, "props", props)));
        }
    }

    /** Deletes every node and relationship of this repository, in batches. Returns nodes deleted. */
    public long clear() {
        if (local != null) {
            return local.deleteAll();
        }
        long deleted = 0;
        try (Session session = Sessions.write(driver)) {
            while (true) {
                long n = session.executeWrite(tx -> tx.run(
                                "MATCH (n:" + Keys.ENTITY_LABEL + " {repo: $repo}) WITH n LIMIT " + CLEAR_BATCH
                                        + " DETACH DELETE n RETURN count(*) AS c",
                                Map.of("repo", repo))
                        .single()
                        .get("c")
                        .asLong());
                deleted += n;
                if (n == 0) {
                    return deleted;
                }
            }
        }
    }

    /** Runs a read query with the repository bound to {@code $repo}; for small results. */
    public java.util.List<Record> read(String cypher, Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("repo", repo);
        try (Session session = Sessions.read(driver)) {
            return session.executeRead(tx -> tx.run(cypher, all).list());
        }
    }
}
