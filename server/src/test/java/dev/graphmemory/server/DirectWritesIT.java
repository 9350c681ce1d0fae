package dev.graphmemory.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.indexer.IndexOptions;
import dev.graphmemory.indexer.IndexSummary;
import dev.graphmemory.indexer.Indexer;
import dev.graphmemory.indexer.LanguagePlugins;
import dev.graphmemory.indexer.ProgressListener;
import dev.graphmemory.indexer.knowledge.KnowledgeConfig;
import dev.graphmemory.indexer.model.EdgeRow;
import dev.graphmemory.indexer.model.NodeRow;
import dev.graphmemory.indexer.model.NodeUpdate;
import dev.graphmemory.indexer.write.DirectWrites;
import dev.graphmemory.indexer.write.GraphWriter;
import dev.graphmemory.queries.graph.Fingerprint;
import dev.graphmemory.queries.graph.IndexState;
import dev.graphmemory.queries.graph.RepoGraph;
import dev.graphmemory.queries.schema.GraphSchema;
import dev.graphmemory.queries.schema.NodeType;
import dev.graphmemory.queries.schema.RelType;
import dev.graphmemory.queries.testkit.TestNeo4j;
import dev.graphmemory.server.store.EmbeddedWrites;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;

/**
 * The store daemon's full runs create nodes and relationships through its own database ({@link
 * EmbeddedWrites}) instead of Cypher over Bolt: the graph must be the same one, property for
 * property, and a row Neo4j refuses must be left out alone, as the Cypher path does.
 */
class DirectWritesIT {
    private static final Driver DRIVER = TestNeo4j.driver();

    @TempDir
    Path tmp;

    @BeforeAll
    static void schema() {
        GraphSchema.ensure(DRIVER);
    }

    @Test
    void aFullRunWrittenDirectlyIsTheGraphCypherWrites() {
        long updates = 0;
        for (Path repo : List.of(
                FixtureRepo.workflowRepo(tmp.resolve("workflow")),
                FixtureRepo.committed("mixed-repo", tmp.resolve("mixed")))) {
            BothPaths both = BothPaths.index(repo);

            assertThat(both.cypher().nodesWritten()).isPositive();
            both.assertSameGraph();
            // Everything but renames went the direct way, the linkers' node updates too.
            assertThat(both.directNodes().get()).isEqualTo(both.direct().nodesWritten());
            assertThat(both.directEdges().get()).isEqualTo(both.direct().relationshipsWritten());
            updates += both.directUpdates().get();
        }
        assertThat(updates).isPositive();
    }

    @Test
    void batchesWrittenOnTwoThreadsGiveTheGraphCypherWrites() {
        // 3,000 methods and 3,000 calls between classes: the node and the CALLS batches are large
        // enough to be written as two transactions at once.
        BothPaths both = BothPaths.index(FixtureRepo.manyCalls(tmp.resolve("many"), 30, 100));

        assertThat(both.cypher().relationshipsWritten()).isGreaterThan(6_000);
        both.assertSameGraph();
        assertThat(both.directEdges().get()).isPositive();
        try (var session = DRIVER.session()) {
            long calls = session.run(
                            "MATCH (:Function {repo: $r})-[c:CALLS]->(:Function {repo: $r}) RETURN count(c) AS n",
                            Map.of("r", both.viaDirect()))
                    .single()
                    .get("n")
                    .asLong();
            assertThat(calls).isEqualTo(3_000);
        }
    }

    /** One repository indexed under two keys: through Cypher, and through counted direct writes. */
    private record BothPaths(
            String viaCypher,
            IndexSummary cypher,
            String viaDirect,
            IndexSummary direct,
            AtomicLong directNodes,
            AtomicLong directEdges,
            AtomicLong directUpdates) {
        static BothPaths index(Path repo) {
            String viaCypher = TestNeo4j.newRepoKey();
            IndexSummary cypher = DirectWritesIT.index(repo, viaCypher, null);
            AtomicLong nodes = new AtomicLong();
            AtomicLong edges = new AtomicLong();
            AtomicLong updated = new AtomicLong();
            String viaDirect = TestNeo4j.newRepoKey();
            IndexSummary direct = DirectWritesIT.index(repo, viaDirect, counting(nodes, edges, updated));
            return new BothPaths(viaCypher, cypher, viaDirect, direct, nodes, edges, updated);
        }

        void assertSameGraph() {
            assertThat(direct.nodesWritten()).isEqualTo(cypher.nodesWritten());
            assertThat(direct.relationshipsWritten()).isEqualTo(cypher.relationshipsWritten());
            assertThat(Fingerprint.of(DRIVER, viaDirect)).isEqualTo(Fingerprint.of(DRIVER, viaCypher));
        }
    }

    @Test
    void aRowNeo4jRefusesIsLeftOutAloneOnBothPaths() {
        String viaCypher = TestNeo4j.newRepoKey();
        String viaDirect = TestNeo4j.newRepoKey();
        for (String repo : List.of(viaCypher, viaDirect)) {
            GraphWriter writer = new GraphWriter(DRIVER, repo, 3);
            if (repo.equals(viaDirect)) {
                writer.direct(new EmbeddedWrites(TestNeo4j.database(), repo));
            }
            writer.add(NodeRow.of(NodeType.MODULE, "a.py", Map.of("path", "a.py", "tags", List.of())));
            writer.add(NodeRow.of(NodeType.MODULE, "b.py", Map.of("path", "b.py", "lines", List.of(1, 2))));
            // Neo4j stores no map, and no second node with one id (even in a later batch).
            writer.add(NodeRow.of(NodeType.MODULE, "c.py", Map.of("meta", Map.of("x", 1))));
            writer.flush();
            writer.add(NodeRow.of(NodeType.MODULE, "a.py", Map.of("path", "again.py")));
            writer.add(NodeRow.of(NodeType.MODULE, "d.py", Map.of("path", "d.py", "weight", 0.5)));
            writer.add(new EdgeRow(
                    RelType.IMPORTS, "architecture:module:a.py", "architecture:module:d.py", Map.of("line", 3)));
            writer.add(
                    new EdgeRow(RelType.IMPORTS, "architecture:module:a.py", "architecture:module:none.py", Map.of()));
            writer.close();

            assertThat(writer.nodesWritten()).isEqualTo(3);
            assertThat(writer.relationshipsWritten()).isEqualTo(1);
            assertThat(writer.rejected())
                    .extracting(GraphWriter.RejectedRow::row)
                    .containsExactlyInAnyOrder("architecture:module:c.py", "architecture:module:a.py (again.py)");
        }
        assertThat(Fingerprint.of(DRIVER, viaDirect)).isEqualTo(Fingerprint.of(DRIVER, viaCypher));
    }

    private static IndexSummary index(Path repo, String key, DirectWrites.Factory direct) {
        IndexOptions options =
                IndexOptions.defaults(KnowledgeConfig.DEFAULT_GLOBS).withFull(true);
        return new Indexer(DRIVER, key, repo, options, LanguagePlugins.all(), ProgressListener.NONE, direct).run();
    }

    @Test
    void theBookkeepingThroughTheDatabaseIsWhatCypherReadsAndWrites() {
        Path repo = FixtureRepo.committed("mixed-repo", tmp.resolve("bookkeeping"));
        String key = TestNeo4j.newRepoKey();
        String other = TestNeo4j.newRepoKey();
        index(repo, key, null);
        index(repo, other, null);
        RepoGraph cypher = new RepoGraph(DRIVER, key);
        RepoGraph local = new RepoGraph(DRIVER, key, new EmbeddedWrites.Bookkeeping(TestNeo4j.database(), key));

        IndexState written = cypher.state();
        assertThat(written.complete()).isTrue();
        assertThat(written.extra()).containsKeys("graph_version", "tree_signature");
        assertThat(local.state()).isEqualTo(written);

        // Replacing drops the keys the new state does not have, as SET s = $props does.
        IndexState next = new IndexState("abc", null, false, written.lastRunJson(), Map.of("cache_token", "t1"));
        local.saveState(next);
        assertThat(cypher.state()).isEqualTo(next);
        assertThat(local.state()).isEqualTo(next);
        String otherGraph = Fingerprint.of(DRIVER, other);

        long nodes = DRIVER.executableQuery("MATCH (n:Entity {repo: $repo}) RETURN count(n) AS c")
                .withParameters(Map.of("repo", key))
                .execute()
                .records()
                .getFirst()
                .get("c")
                .asLong();
        assertThat(nodes).isPositive();
        assertThat(local.clear()).isEqualTo(nodes);
        assertThat(DRIVER.executableQuery("MATCH (n:Entity {repo: $repo}) RETURN count(n) AS c")
                        .withParameters(Map.of("repo", key))
                        .execute()
                        .records()
                        .getFirst()
                        .get("c")
                        .asLong())
                .isZero();
        assertThat(Fingerprint.of(DRIVER, other)).isEqualTo(otherGraph);
        assertThat(new RepoGraph(
                                DRIVER,
                                "test-never-indexed",
                                new EmbeddedWrites.Bookkeeping(TestNeo4j.database(), "test-never-indexed"))
                        .state())
                .isEqualTo(IndexState.none());
    }

    /** Direct writes into the test database that count what they create, with the daemon's bookkeeping. */
    private static DirectWrites.Factory counting(AtomicLong nodes, AtomicLong edges, AtomicLong updated) {
        return new DirectWrites.Factory() {
            @Override
            public RepoGraph.Local local(String repo) {
                return new EmbeddedWrites.Bookkeeping(TestNeo4j.database(), repo);
            }

            @Override
            public DirectWrites open(String repo) {
                return countingWrites(repo, nodes, edges, updated);
            }
        };
    }

    private static DirectWrites countingWrites(String repo, AtomicLong nodes, AtomicLong edges, AtomicLong updated) {
        DirectWrites inner = new EmbeddedWrites(TestNeo4j.database(), repo);
        return new DirectWrites() {
            @Override
            public long createNodes(List<NodeType> types, List<Map<String, Object>> rows) {
                long n = inner.createNodes(types, rows);
                nodes.addAndGet(n);
                return n;
            }

            @Override
            public long createEdges(RelType type, List<Map<String, Object>> rows) {
                long n = inner.createEdges(type, rows);
                edges.addAndGet(n);
                return n;
            }

            @Override
            public long updateNodes(List<NodeUpdate> updates) {
                long n = inner.updateNodes(updates);
                updated.addAndGet(n);
                return n;
            }

            @Override
            public void renamed(Map<String, String> ids) {
                inner.renamed(ids);
            }
        };
    }
}
