package dev.graphmemory.indexer.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading 2,000 commits stays fast: no content diffs, no rename detection. */
class GitHistoryScaleTest {
    private static final int COMMITS = 2_000;
    private static final int FILES = 300;

    @TempDir
    Path dir;

    @Test
    void reads2000CommitsQuickly() throws Exception {
        long generated = generate();

        long start = System.nanoTime();
        History history = new GitHistoryReader(dir, 5_000).read();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(
                "generated %d commits in %d ms; read them with changed paths in %d ms (no warm-up)%n",
                COMMITS, generated, millis);

        assertThat(history.commits()).hasSize(COMMITS);
        assertThat(history.truncated()).isFalse();
        assertThat(history.commits().get(COMMITS - 1).changedPaths()).hasSize(FILES);
        assertThat(history.commits().get(0).changedPaths()).hasSizeBetween(1, 3);
    }

    /** Writes the commits straight into the object database: a porcelain commit each would take minutes. */
    private long generate() throws Exception {
        long start = System.nanoTime();
        try (Git git = Git.init()
                        .setDirectory(dir.toFile())
                        .setInitialBranch("main")
                        .call();
                // one pack rather than ~25,000 loose object files, each probed on disk first: seconds faster
                ObjectInserter inserter = ((FileRepository) git.getRepository())
                        .getObjectDatabase()
                        .newPackInserter()) {
            Repository repo = git.getRepository();
            DirCache index = DirCache.newInCore();
            Random random = new Random(7);
            ObjectId parent = null;
            for (int c = 0; c < COMMITS; c++) {
                DirCacheEditor editor = index.editor();
                int changes = c == 0 ? FILES : 1 + random.nextInt(3);
                int first = random.nextInt(FILES);
                for (int i = 0; i < changes; i++) {
                    int file = c == 0 ? i : (first + i * 7) % FILES;
                    ObjectId blob =
                            inserter.insert(Constants.OBJ_BLOB, ("v" + c + "\n").getBytes(StandardCharsets.UTF_8));
                    editor.add(new DirCacheEditor.PathEdit("src/dir" + file % 15 + "/File" + file + ".java") {
                        @Override
                        public void apply(DirCacheEntry entry) {
                            entry.setFileMode(FileMode.REGULAR_FILE);
                            entry.setObjectId(blob);
                        }
                    });
                }
                editor.finish();
                parent = commit(inserter, index.writeTree(inserter), parent, c);
            }
            inserter.flush();
            RefUpdate update = repo.updateRef("refs/heads/main");
            update.setNewObjectId(parent);
            update.forceUpdate();
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static ObjectId commit(ObjectInserter inserter, ObjectId tree, ObjectId parent, int c) throws IOException {
        PersonIdent who = new PersonIdent(
                "Dev", "dev@example.com", Instant.ofEpochSecond(1_700_000_000L + 60L * c), ZoneOffset.UTC);
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(tree);
        if (parent != null) {
            commit.setParentId(parent);
        }
        commit.setAuthor(who);
        commit.setCommitter(who);
        commit.setMessage("[WU-" + c % 300 + "] change " + c + "\n");
        return inserter.insert(commit);
    }
}
