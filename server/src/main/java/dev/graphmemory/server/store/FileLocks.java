package dev.graphmemory.server.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * OS file locks as liveness markers: a process holds a lock on a file while it lives (the daemon on
 * {@code daemon.lock}, an index run on its run lock), and the OS drops it when the process dies.
 */
public final class FileLocks {
    /** Files this JVM holds a lock on for its life (the daemon's {@code daemon.lock}): never probed. */
    private static final java.util.Set<Path> HELD_HERE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private FileLocks() {}

    /**
     * Marks {@code file} as locked by this JVM until {@link #releasedHere}: {@link #held} answers
     * true for it without opening it, since closing a probing channel would drop this JVM's own lock
     * (the daemon answers commands that ask whether a daemon runs).
     */
    static void heldHere(Path file) {
        HELD_HERE.add(file.toAbsolutePath().normalize());
    }

    static void releasedHere(Path file) {
        HELD_HERE.remove(file.toAbsolutePath().normalize());
    }

    /** The lock, or {@code null} when another process, or another channel of this JVM, holds it. */
    public static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /**
     * Whether a live process holds the lock on {@code file}, found by trying it and letting go at
     * once; {@code false} when the file does not exist or cannot be opened. Closing the probing
     * channel drops every lock this JVM holds on the file, so a caller that may hold it itself must
     * rule that out first (or the holder registers it, {@link #heldHere}).
     */
    public static boolean held(Path file) {
        if (HELD_HERE.contains(file.toAbsolutePath().normalize())) {
            return true;
        }
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
