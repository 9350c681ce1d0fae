package dev.graphmemory.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.indexer.walk.FileContent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The status cache of {@link Inputs#hashAll}: a file is read again whenever it may have changed. */
class InputsHashTest {
    @TempDir
    Path repo;

    private Map<String, String> hashes() {
        return Inputs.collect(repo, LanguagePlugins.all(), p -> false, 1 << 20).hashAll(1 << 20, ProgressListener.NONE);
    }

    private static String blob(String text) {
        return FileContent.gitBlobId(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aChangeOfTheSameSizeIsSeenAndARecentFileIsReadEveryTime() throws Exception {
        Git.init().setDirectory(repo.toFile()).call().close();
        Path file = repo.resolve("A.java");
        Files.writeString(file, "class A {}\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(3600)));
        assertThat(hashes()).containsEntry("A.java", blob("class A {}\n"));
        assertThat(hashes()).as("unchanged, from the cache").containsEntry("A.java", blob("class A {}\n"));

        // Same size, new content: the modification time moved, so the file is read again.
        Files.writeString(file, "class B {}\n");
        assertThat(hashes()).containsEntry("A.java", blob("class B {}\n"));

        // Modified just now: not trusted from the cache even with its time put back as it was,
        // since the hash was taken within the racy window.
        Files.writeString(file, "class C {}\n");
        FileTime now = Files.getLastModifiedTime(file);
        assertThat(hashes()).containsEntry("A.java", blob("class C {}\n"));
        Files.writeString(file, "class D {}\n");
        Files.setLastModifiedTime(file, now);
        assertThat(hashes()).containsEntry("A.java", blob("class D {}\n"));
    }
}
