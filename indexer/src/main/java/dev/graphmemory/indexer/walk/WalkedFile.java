package dev.graphmemory.indexer.walk;

import java.nio.file.Path;

/** A regular file of the working tree that git tracks or would track (not ignored). */
public record WalkedFile(String path, Path absolute, long size, long modifiedMillis) {}
