package dev.graphmemory.server.reindex;

import dev.graphmemory.indexer.walk.TreeSignature;
import dev.graphmemory.queries.graph.IndexState;
import dev.graphmemory.queries.graph.RepoGraph;
import dev.graphmemory.server.mcp.Staleness;
import dev.graphmemory.server.store.DaemonEndpoint;
import dev.graphmemory.server.store.EmbeddedStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.neo4j.driver.Driver;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code index_status} and {@code graph-memory status} answer: the indexed commit and HEAD,
 * the files changed since, whether a run is under way or owed, the last run's figures, and the
 * daemon serving the store.
 */
public final class IndexStatusReport {
    private static final int LISTED = 20;

    private IndexStatusReport() {}

    public static Map<String, Object> of(Driver driver, String repoKey, Path worktree, String storeDescription) {
        IndexState state = new RepoGraph(driver, repoKey).state();
        IndexRunner runner = new IndexRunner(worktree);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("repo", repoKey);
        out.put("indexed_commit", state.indexedCommit());
        out.put("head", head(worktree));
        out.put("complete", state.complete());
        // What the index saw, not what git says: files the index read while uncommitted, and
        // files it never reads, do not make it behind (the stamp's `stale` uses the same test).
        String behind = Staleness.reason(state, (String) out.get("head"), () -> TreeSignature.of(worktree));
        out.put("current", behind == null);
        if (behind != null) {
            out.put("behind", behind);
        }
        TreeSet<String> changed =
                state.indexedCommit() == null ? null : ChangedFiles.since(worktree, state.indexedCommit());
        if (changed != null) {
            out.put("files_changed_since", changed.size());
            if (!changed.isEmpty()) {
                out.put("changed_files", List.copyOf(changed).subList(0, Math.min(LISTED, changed.size())));
            }
        }
        RunStatus run = runner.status();
        out.put("run_under_way", run.running());
        out.put("reindex_owed", runner.requestPending());
        out.put("run", run.asMap());
        if (state.lastRunJson() != null) {
            Map<String, Object> last =
                    new LinkedHashMap<>(JsonMapper.builder().build().readValue(state.lastRunJson(), Map.class));
            // What carries nothing in an answer: empty lists and maps, false flags, and the commit
            // the answer names already (indexed_commit).
            last.values()
                    .removeIf(v -> (v instanceof java.util.Collection<?> c && c.isEmpty())
                            || (v instanceof Map<?, ?> m && m.isEmpty())
                            || Boolean.FALSE.equals(v));
            if (java.util.Objects.equals(last.get("indexedCommit"), state.indexedCommit())) {
                last.remove("indexedCommit");
            }
            out.put("last_run", last);
        }
        out.put("store", storeDescription);
        EmbeddedStore.runningDaemon(worktree).map(IndexStatusReport::daemon).ifPresent(d -> out.put("daemon", d));
        return out;
    }

    private static Map<String, Object> daemon(DaemonEndpoint e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pid", e.pid());
        m.put("bolt_port", e.boltPort());
        m.put("version", e.version());
        m.put("started", e.started());
        return m;
    }

    private static String head(Path worktree) {
        try (Repository repo = new FileRepositoryBuilder()
                .setWorkTree(worktree.toFile())
                .findGitDir(worktree.toFile())
                .build()) {
            ObjectId id = repo.resolve("HEAD");
            return id == null ? null : id.name();
        } catch (IOException e) {
            return null;
        }
    }
}
