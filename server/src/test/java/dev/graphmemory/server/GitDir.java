package dev.graphmemory.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/** A real git repository in a temp folder, written file by file and committed in steps. */
final class GitDir implements AutoCloseable {
    private final Path dir;
    private final Git git;
    private int commits;

    private GitDir(Path dir, Git git) {
        this.dir = dir;
        this.git = git;
    }

    static GitDir init(Path dir) {
        try {
            Files.createDirectories(dir);
            return new GitDir(
                    dir,
                    Git.init()
                            .setDirectory(dir.toFile())
                            .setInitialBranch("main")
                            .call());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    Path dir() {
        return dir;
    }

    /** Writes the files (path → text; null deletes) and commits them all. */
    GitDir commit(String message, Map<String, String> files) {
        try {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path p = dir.resolve(f.getKey());
                if (f.getValue() == null) {
                    Files.deleteIfExists(p);
                    git.rm().addFilepattern(f.getKey()).call();
                    continue;
                }
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.getValue());
                git.add().addFilepattern(f.getKey()).call();
            }
            PersonIdent who = new PersonIdent(
                    "Fixture Author",
                    "fixture@example.com",
                    Instant.parse("2026-02-01T10:00:00Z").plusSeconds(60L * commits++),
                    ZoneOffset.UTC);
            git.commit()
                    .setMessage(message)
                    .setAuthor(who)
                    .setCommitter(who)
                    .setSign(false)
                    .call();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        git.close();
    }
}
