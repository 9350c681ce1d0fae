package dev.graphmemory.indexer.build;

import dev.graphmemory.indexer.walk.InsideRepo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** {@link RepoFiles} through {@link InsideRepo}: every real path must lie inside the repository. */
final class InsideRepoFiles implements RepoFiles {
    private final InsideRepo repo;

    InsideRepoFiles(InsideRepo repo) {
        this.repo = Objects.requireNonNull(repo, "repo");
    }

    @Override
    public Optional<String> text(String relativePath) {
        if (!repo.exists(relativePath)) {
            return Optional.empty();
        }
        Path real = repo.readable("build file", relativePath);
        if (!Files.isRegularFile(real)) {
            throw new IllegalArgumentException("'" + relativePath + "' is not a regular file");
        }
        long size;
        try {
            size = Files.size(real);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of '" + relativePath + "': " + e.getMessage(), e);
        }
        if (size > MAX_BYTES) {
            throw new IllegalArgumentException(
                    "'" + relativePath + "' has " + size + " bytes, more than the " + MAX_BYTES + " read");
        }
        return Optional.of(repo.readText("build file", real));
    }

    @Override
    public boolean isFolder(String relativePath) {
        if (!repo.exists(relativePath)) {
            return false;
        }
        try {
            return Files.isDirectory(repo.readable("folder", relativePath));
        } catch (IllegalArgumentException e) {
            return false; // a link that leads out of the repository is no folder of it
        }
    }
}
