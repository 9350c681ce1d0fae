package dev.graphmemory.server.reindex;

import dev.graphmemory.indexer.ProgressListener;
import dev.graphmemory.server.store.StoreFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far a run in the store daemon has come, in {@code runs/<key>.progress} ({@code
 * phase<TAB>total<TAB>done}), so that the {@code index} command waiting for it can draw the same
 * progress bar as a run of its own. Written at a phase's start and at most four times a second
 * within one; removed when the run ends.
 */
public final class ProgressFile implements ProgressListener {
    private static final Logger LOG = LoggerFactory.getLogger(ProgressFile.class);
    private static final long EVERY_NANOS = 250_000_000L;

    private final Path file;
    private String phase = "";
    private long total;
    private long done;
    private long written;

    ProgressFile(Path file) {
        this.file = file;
    }

    /** A run's progress as last written. */
    public record Progress(String phase, long total, long done) {}

    @Override
    public synchronized void phase(String name, long total) {
        this.phase = name;
        this.total = total;
        this.done = 0;
        write();
    }

    @Override
    public synchronized void advance(long steps) {
        done += steps;
        if (System.nanoTime() - written > EVERY_NANOS) {
            write();
        }
    }

    void remove() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("cannot remove {}: {}", file, e.toString());
        }
    }

    private void write() {
        written = System.nanoTime();
        try {
            StoreFiles.writeAtomically(file, phase + "\t" + total + "\t" + done + "\n");
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot write {}: {}", file, e.toString());
        }
    }

    /** What the file says; empty when there is none or it cannot be read. */
    static Optional<Progress> read(Path file) {
        try {
            String[] parts =
                    Files.readString(file, StandardCharsets.UTF_8).strip().split("\t");
            return parts.length == 3
                    ? Optional.of(new Progress(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2])))
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
