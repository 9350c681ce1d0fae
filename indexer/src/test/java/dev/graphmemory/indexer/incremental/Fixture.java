package dev.graphmemory.indexer.incremental;

import dev.graphmemory.indexer.IndexOptions;
import dev.graphmemory.indexer.IndexSummary;
import dev.graphmemory.indexer.Indexer;
import dev.graphmemory.indexer.LanguagePlugins;
import dev.graphmemory.indexer.ProgressListener;
import dev.graphmemory.indexer.knowledge.KnowledgeConfig;
import dev.graphmemory.indexer.sessions.SessionSources;
import dev.graphmemory.queries.graph.Fingerprint;
import dev.graphmemory.queries.graph.RepoGraph;
import dev.graphmemory.queries.schema.GraphSchema;
import dev.graphmemory.queries.testkit.TestNeo4j;
import java.nio.file.Path;
import org.neo4j.driver.Driver;

/** Runs the indexer on a work tree, incrementally into one key and in full into throwaway keys. */
final class Fixture {
    final Driver driver = TestNeo4j.driver();
    final WorkTree tree;
    final String repo = TestNeo4j.newRepoKey();
    final Path cache;
    final IndexOptions options;

    Fixture(WorkTree tree, Path cache, int maxCommits) {
        this(tree, cache, maxCommits, SessionSources.NONE);
    }

    /** A fixture that also reads agent sessions from {@code sessions}. */
    Fixture(WorkTree tree, Path cache, int maxCommits, SessionSources sessions) {
        GraphSchema.ensure(driver);
        this.tree = tree;
        this.cache = cache;
        IndexOptions defaults = IndexOptions.defaults(KnowledgeConfig.DEFAULT_GLOBS);
        this.options = new IndexOptions(
                        false, defaults.maxFileBytes(), maxCommits, defaults.knowledgeGlobs(), 2, defaults.batchSize())
                .withCacheDir(cache)
                .withSessions(sessions);
    }

    /** An ordinary run (incremental when it can be) into this fixture's key. */
    IndexSummary run() {
        return new Indexer(driver, repo, tree.root, options, LanguagePlugins.all(), ProgressListener.NONE).run();
    }

    /** Rehearses a refresh ({@link Indexer#rehearse}): nothing is to be written. */
    void rehearse() {
        new Indexer(driver, repo, tree.root, options, LanguagePlugins.all(), ProgressListener.NONE).rehearse();
    }

    String fingerprint() {
        return Fingerprint.of(driver, repo);
    }

    /** The fingerprint of a fresh full index of the same tree, without a cache, into another key. */
    String reference() {
        String key = TestNeo4j.newRepoKey();
        new Indexer(
                        driver,
                        key,
                        tree.root,
                        options.withCacheDir(null).withFull(true),
                        LanguagePlugins.all(),
                        ProgressListener.NONE)
                .run();
        String fingerprint = Fingerprint.of(driver, key);
        new RepoGraph(driver, key).clear();
        return fingerprint;
    }

    RepoGraph graph() {
        return new RepoGraph(driver, repo);
    }
}
