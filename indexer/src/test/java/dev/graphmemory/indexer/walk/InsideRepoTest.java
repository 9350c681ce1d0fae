package dev.graphmemory.indexer.walk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class InsideRepoTest {
    @TempDir
    Path tmp;

    Path repo;
    Path secret;
    InsideRepo inside;

    @BeforeEach
    void layout() throws Exception {
        repo = Files.createDirectories(tmp.resolve("repo")).toRealPath();
        secret = Files.writeString(tmp.resolve("secret.md"), "secret\n");
        Files.createDirectories(repo.resolve("bugs"));
        Files.writeString(repo.resolve("bugs/BUG-1.md"), "one\n");
        Files.createSymbolicLink(repo.resolve("out.md"), secret);
        Files.createSymbolicLink(repo.resolve("outdir"), tmp);
        Files.createSymbolicLink(repo.resolve("in.md"), Path.of("bugs/BUG-1.md"));
        inside = new InsideRepo(repo);
    }

    @Test
    void readsOnlyWhatResolvesInsideTheRealRoot() {
        assertThat(inside.readable("file", "bugs/BUG-1.md")).isEqualTo(repo.resolve("bugs/BUG-1.md"));
        assertThat(inside.readText("file", inside.readable("file", "in.md"))).isEqualTo("one\n");
        for (String escape :
                new String[] {"out.md", "outdir/secret.md", "../secret.md", secret.toString(), "bugs/../.."}) {
            assertThatThrownBy(() -> inside.readable("file", escape))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + escape + "' is outside the repository");
        }
        assertThatThrownBy(() -> inside.readText("file", repo.resolve("out.md")))
                .hasMessageContaining("outside the repository");
        assertThatThrownBy(() -> inside.readable("file", "nope.md")).hasMessageContaining("'nope.md' does not exist");
    }

    @Test
    void writesNeverThroughALinkAndLeavesNoTemporaryFile() throws Exception {
        inside.write("cannot record BUG-2", "bugs/BUG-2.md", "two\n");
        inside.write("cannot record BUG-3", "new/deeper/BUG-3.md", "three\n");
        assertThat(repo.resolve("bugs/BUG-2.md")).hasContent("two");
        assertThat(repo.resolve("new/deeper/BUG-3.md")).hasContent("three");
        inside.write("cannot record BUG-2", "bugs/BUG-2.md", "two again\n");
        assertThat(repo.resolve("bugs/BUG-2.md")).hasContent("two again");
        try (Stream<Path> files = Files.list(repo.resolve("bugs"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("BUG-1.md", "BUG-2.md");
        }

        assertThatThrownBy(() -> inside.write("cannot record X", "outdir/X.md", "x"))
                .hasMessageContaining("cannot record X at outdir/X.md: outdir is a symbolic link");
        assertThatThrownBy(() -> inside.write("cannot record X", "out.md", "x"))
                .hasMessageContaining("out.md is a symbolic link");
        assertThatThrownBy(() -> inside.write("cannot record X", "in.md", "x"))
                .hasMessageContaining("in.md is a symbolic link");
        assertThatThrownBy(() -> inside.write("cannot record X", "../X.md", "x"))
                .hasMessageContaining("must stay inside the repository");
        assertThatThrownBy(() -> inside.write("cannot record X", "bugs/BUG-1.md/X.md", "x"))
                .hasMessageContaining("bugs/BUG-1.md is not a folder");
        assertThat(secret).hasContent("secret");
        assertThat(tmp.resolve("X.md")).doesNotExist();
    }

    @Test
    void knowsPlainFilesAndCaseVariants() throws Exception {
        assertThat(inside.isPlainFile("bugs/BUG-1.md")).isTrue();
        assertThat(inside.isPlainFile("in.md")).isFalse();
        assertThat(inside.isPlainFile("outdir/secret.md")).isFalse();
        assertThat(inside.isPlainFile("../secret.md")).isFalse();
        assertThat(inside.caseVariant("bugs/bug-1.md")).contains("bugs/BUG-1.md");
        assertThat(inside.caseVariant("bugs/BUG-1.md")).isEmpty();
        assertThat(inside.exists("out.md")).isTrue();
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void fileContentRefusesLinksAndPipesWithoutOpeningThem() throws Exception {
        assertThat(FileContent.read(repo.resolve("out.md"), 1024).skipReason()).isEqualTo("symlink");
        Path fifo = repo.resolve("pipe.java");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (java.io.IOException e) {
            mkfifo = null;
        }
        assumeTrue(mkfifo != null && mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "no mkfifo");
        // Opening a named pipe for reading would block until a writer comes: it must not be opened.
        assertThat(FileContent.read(fifo, 1024).skipReason()).isEqualTo("not a regular file");
    }
}
