package dev.graphmemory.indexer.git;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commits a history read saw, kept in a file between runs: a commit never changes, so the next
 * run takes its message and changed paths from here instead of comparing its trees again. A file
 * that is missing, from another format or damaged is an empty cache (said at DEBUG); the run reads
 * the history from git as before.
 */
public final class CommitCache {
    private static final Logger LOG = LoggerFactory.getLogger(CommitCache.class);
    private static final int MAGIC = 0x676d4331; // "gmC1"

    private CommitCache() {}

    /** The commits stored in {@code file}; empty when there is none or it cannot be read. */
    public static Map<String, CommitInfo> read(Path file) {
        Map<String, CommitInfo> commits = new HashMap<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC) {
                LOG.debug("commit cache {}: another format, not used", file);
                return commits;
            }
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                String sha = in.readUTF();
                String message = readLong(in);
                String time = in.readUTF();
                String author = readLong(in);
                int paths = in.readInt();
                List<String> changed = new ArrayList<>(paths);
                for (int p = 0; p < paths; p++) {
                    changed.add(readLong(in));
                }
                commits.put(sha, new CommitInfo(sha, message, time, author, changed));
            }
            return commits;
        } catch (NoSuchFileException e) {
            return commits;
        } catch (IOException | RuntimeException e) {
            LOG.debug("commit cache {}: unreadable, not used: {}", file, e.toString());
            return new HashMap<>();
        }
    }

    /** Stores {@code commits} in {@code file} (through a temporary file, so a reader never sees half of it). */
    public static void write(Path file, List<CommitInfo> commits) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "commits-", ".tmp");
            try (DataOutputStream out =
                    new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                out.writeInt(MAGIC);
                out.writeInt(commits.size());
                for (CommitInfo c : commits) {
                    out.writeUTF(c.sha());
                    writeLong(out, c.message());
                    out.writeUTF(c.time());
                    writeLong(out, c.author());
                    out.writeInt(c.changedPaths().size());
                    for (String p : c.changedPaths()) {
                        writeLong(out, p);
                    }
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.debug("commit cache {}: not written: {}", file, e.toString());
        }
    }

    /** A string of any length (writeUTF stops at 64 KiB of encoded bytes). */
    private static void writeLong(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readLong(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > (1 << 24)) {
            throw new IOException("string of " + n + " bytes");
        }
        return new String(in.readNBytes(n), java.nio.charset.StandardCharsets.UTF_8);
    }
}
