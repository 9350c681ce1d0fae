package dev.graphmemory.indexer.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** A real git repository in a test folder, with commits one minute apart from a fixed time. */
final class TestRepo implements AutoCloseable {
    static final Instant START = Instant.parse("2026-11-21T09:34:24Z");

    final Path root;
    final Git git;
    private int minutes;

    private TestRepo(Path root, Git git) {
        this.root = root;
        this.git = git;
    }

    static TestRepo init(Path dir) throws GitAPIException {
        return new TestRepo(
                dir,
                Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call());
    }

    TestRepo write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return this;
    }

    TestRepo delete(String path) throws IOException {
        Files.delete(root.resolve(path));
        return this;
    }

    TestRepo move(String from, String to) throws IOException {
        Path target = root.resolve(to);
        Files.createDirectories(target.getParent());
        Files.move(root.resolve(from), target);
        return this;
    }

    /** Stages every change (new, modified, deleted files) and commits it. */
    RevCommit commit(String message) throws GitAPIException {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        PersonIdent who =
                new PersonIdent("Ana Lima", "ana@example.com", START.plusSeconds(60L * minutes++), ZoneOffset.UTC);
        return git.commit()
                .setMessage(message)
                .setAuthor(who)
                .setCommitter(who)
                .setSign(false)
                .call();
    }

    void branch(String name) throws GitAPIException {
        git.checkout().setCreateBranch(true).setName(name).call();
    }

    void checkout(String name) throws GitAPIException {
        git.checkout().setName(name).call();
    }

    /** Merges a branch without fast-forward and commits the merge with the test clock. */
    RevCommit merge(String branch, String message) throws GitAPIException, IOException {
        git.merge()
                .include(git.getRepository().resolve(branch))
                .setFastForward(MergeCommand.FastForwardMode.NO_FF)
                .setCommit(false)
                .call();
        return commit(message);
    }

    @Override
    public void close() {
        git.close();
    }
}
