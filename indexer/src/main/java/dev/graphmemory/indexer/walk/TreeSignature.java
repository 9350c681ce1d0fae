package dev.graphmemory.indexer.walk;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A cheap signature of the working tree: every walked file's path, size and modification time.
 * Recorded at index time and recomputed later (stat calls only, no reading), it tells whether the
 * working tree has moved since the index without hashing every file.
 */
public final class TreeSignature {
    private TreeSignature() {}

    /** The signature of the given files. */
    public static String of(List<WalkedFile> files) {
        StringBuilder sb = new StringBuilder(files.size() * 64);
        for (WalkedFile f : files) {
            sb.append(f.path())
                    .append('\t')
                    .append(f.size())
                    .append('\t')
                    .append(f.modifiedMillis())
                    .append('\n');
        }
        return FileContent.gitBlobId(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Walks the working tree at {@code root} and returns its signature. */
    public static String of(Path root) {
        return of(new RepositoryWalker(root).walk().files());
    }
}
