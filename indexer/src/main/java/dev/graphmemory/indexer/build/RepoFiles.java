package dev.graphmemory.indexer.build;

import dev.graphmemory.indexer.walk.InsideRepo;
import java.util.Optional;

/**
 * The repository files the build reader may see, by repository-relative {@code /}-separated path. The
 * reader never opens a path itself: whoever supplies this decides what may be read. {@link
 * #inside(InsideRepo)} gives the policy every graph-memory tool follows (links followed only while
 * they stay inside the repository, files over {@link #MAX_BYTES} refused).
 */
public interface RepoFiles {
    /** The largest build file read, in bytes. */
    long MAX_BYTES = 1024 * 1024;

    /**
     * The text of the file at a repository-relative path.
     *
     * @return empty when nothing is there
     * @throws IllegalArgumentException when something is there but may not be read (outside the
     *     repository, not a regular file, larger than {@link #MAX_BYTES}); the message says why
     * @throws java.io.UncheckedIOException when reading fails
     */
    Optional<String> text(String relativePath);

    /** Whether a folder that may be read is at a repository-relative path. */
    boolean isFolder(String relativePath);

    /** The files of a repository, read through {@link InsideRepo}. */
    static RepoFiles inside(InsideRepo repo) {
        return new InsideRepoFiles(repo);
    }
}
