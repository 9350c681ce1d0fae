package dev.graphmemory.indexer.walk;

/** A file the indexer passed over, and why (e.g. {@code symlink}, {@code binary}, {@code oversized}). */
public record SkippedFile(String path, String reason) {}
