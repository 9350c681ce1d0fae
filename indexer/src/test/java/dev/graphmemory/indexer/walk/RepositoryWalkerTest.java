package dev.graphmemory.indexer.walk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryWalkerTest {
    @TempDir
    Path tmp;

    @Test
    void walksTrackedAndUnignoredFilesNeverFollowingLinksOrEnteringTheStore() throws Exception {
        Path repo = tmp.resolve("repo");
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("Secret.java"), "class Secret {}");
        try (Git git = Git.init().setDirectory(repo.toFile()).call()) {
            Files.createDirectories(repo.resolve("src"));
            Files.writeString(repo.resolve("src/Tracked.java"), "class Tracked {}");
            Files.writeString(repo.resolve(".gitignore"), "build/\n*.log\n");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("init").setSign(false).call();
        }
        Files.writeString(repo.resolve("src/Untracked.java"), "class Untracked {}");
        Files.createDirectories(repo.resolve("build"));
        Files.writeString(repo.resolve("build/Generated.java"), "class Generated {}");
        Files.writeString(repo.resolve("run.log"), "log");
        Files.createDirectories(repo.resolve(".graph-memory/neo4j"));
        Files.writeString(repo.resolve(".graph-memory/neo4j/store.java"), "x");
        Files.createSymbolicLink(repo.resolve("src/Link.java"), outside.resolve("Secret.java"));
        Files.createSymbolicLink(repo.resolve("linkdir"), outside);

        RepositoryWalker.Result result = new RepositoryWalker(repo).walk();

        assertThat(result.files())
                .extracting(WalkedFile::path)
                .containsExactly(".gitignore", "src/Tracked.java", "src/Untracked.java");
        Map<String, String> skipped =
                result.skipped().stream().collect(Collectors.toMap(SkippedFile::path, SkippedFile::reason));
        assertThat(skipped).containsEntry("src/Link.java", "symlink").containsEntry("linkdir", "symlink");
    }

    @Test
    void readsRefusesBinaryAndOversizedFilesAndHashesLikeGit() throws Exception {
        Path text = tmp.resolve("A.java");
        Files.writeString(text, "hello\n");
        FileContent.Read read = FileContent.read(text, 1024);
        assertThat(read.ok()).isTrue();
        // `printf 'hello\n' | git hash-object --stdin`
        assertThat(read.hash()).isEqualTo("ce013625030ba8dba906f756967f9e9ca394464a");

        Path binary = tmp.resolve("B.java");
        Files.write(binary, new byte[] {'c', 'l', 0, 's'});
        assertThat(FileContent.read(binary, 1024).skipReason()).isEqualTo("binary");

        Path big = tmp.resolve("C.java");
        Files.writeString(big, "x".repeat(2048));
        assertThat(FileContent.read(big, 1024).skipReason()).startsWith("oversized");

        Path latin1 = tmp.resolve("D.java");
        Files.write(latin1, new byte[] {'/', '/', ' ', (byte) 0xE9});
        assertThat(FileContent.read(latin1, 1024).text()).isEqualTo("// é");
    }

    @Test
    void treeSignatureMovesWhenAFileChanges() throws Exception {
        Path repo = tmp.resolve("sig");
        Git.init().setDirectory(repo.toFile()).call().close();
        Files.writeString(repo.resolve("a.txt"), "1");
        String before = TreeSignature.of(repo);
        assertThat(TreeSignature.of(repo)).isEqualTo(before);
        Files.writeString(repo.resolve("a.txt"), "22");
        assertThat(TreeSignature.of(repo)).isNotEqualTo(before);
    }
}
