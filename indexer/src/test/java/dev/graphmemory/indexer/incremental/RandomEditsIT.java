package dev.graphmemory.indexer.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.indexer.IndexSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The incremental invariant: after any sequence of edits, additions, deletions, renames, commits
 * and checkouts across Java, Python, TypeScript and knowledge documents, an incremental run leaves
 * the graph with the fingerprint of a fresh full index of the same tree. Random but seeded: a
 * failure names its seed and the steps that led to it.
 */
class RandomEditsIT {
    private static final int STEPS = Integer.getInteger("gm.incremental.steps", 30);

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(longs = {1L, 2L, 3L})
    void incrementalRunsMatchAFullIndexAfterEveryStep(long seed) {
        Random random = new Random(seed);
        try (WorkTree tree = WorkTree.init(tmp.resolve("repo"))) {
            Fixture fixture = new Fixture(tree, tmp.resolve("cache"), 4);
            Sources sources = new Sources(random, tree);
            sources.seed();
            tree.commit("initial import");
            List<String> log = new ArrayList<>();
            IndexSummary first = fixture.run();
            assertThat(first.incremental()).isFalse();
            int incremental = 0;
            for (int step = 0; step < STEPS; step++) {
                int ops = 1 + random.nextInt(3);
                for (int i = 0; i < ops; i++) {
                    log.add(sources.randomChange());
                }
                int r = random.nextInt(10);
                if (r < 4) {
                    tree.commit("step " + step + " for " + sources.docId());
                    log.add("commit");
                } else if (r < 6) {
                    tree.commit("before checkout, " + sources.docId());
                    String branch = random.nextBoolean() ? "main" : "side" + random.nextInt(2);
                    tree.checkout(branch);
                    log.add("commit and checkout " + branch);
                }
                IndexSummary summary = fixture.run();
                if (summary.incremental()) {
                    incremental++;
                }
                assertThat(fixture.fingerprint())
                        .as("seed %d, after step %d: %s", seed, step, log)
                        .isEqualTo(fixture.reference());
            }
            assertThat(incremental).as("runs that were incremental").isGreaterThan(STEPS / 2);
        }
    }
}
