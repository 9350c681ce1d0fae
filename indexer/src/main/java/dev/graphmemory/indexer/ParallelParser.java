package dev.graphmemory.indexer;

import dev.graphmemory.indexer.model.FileResult;
import dev.graphmemory.indexer.model.LanguagePlugin;
import dev.graphmemory.indexer.walk.FileContent;
import dev.graphmemory.indexer.walk.WalkedFile;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Reads and parses files on a pool of threads and hands each result to one consumer on the
 * calling thread, so the consumer (the writer) needs no locking. At most a bounded number of
 * parsed files wait for the consumer, which bounds memory when writing is the slower side.
 */
final class ParallelParser implements AutoCloseable {
    private static final int IN_FLIGHT_PER_THREAD = 64;

    private final ExecutorService pool;
    private final int threads;
    private final long maxFileBytes;

    /** One parsed (or skipped) file. */
    record Parsed(WalkedFile file, LanguagePlugin plugin, FileResult result, String hash, String skipReason) {}

    ParallelParser(int threads, long maxFileBytes) {
        this.threads = threads;
        this.maxFileBytes = maxFileBytes;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "gm-parser");
            t.setDaemon(true);
            return t;
        });
    }

    void parseAll(List<WalkedFile> files, List<LanguagePlugin> plugins, Consumer<Parsed> consumer) {
        ExecutorCompletionService<Parsed> done = new ExecutorCompletionService<>(pool);
        Semaphore inFlight = new Semaphore(threads * IN_FLIGHT_PER_THREAD);
        int submitted = 0;
        int consumed = 0;
        for (WalkedFile file : files) {
            while (!inFlight.tryAcquire()) {
                consumer.accept(take(done));
                inFlight.release();
                consumed++;
            }
            done.submit(() -> parse(file, plugins));
            submitted++;
        }
        for (; consumed < submitted; consumed++) {
            consumer.accept(take(done));
            inFlight.release();
        }
    }

    private Parsed parse(WalkedFile file, List<LanguagePlugin> plugins) {
        LanguagePlugin plugin =
                plugins.stream().filter(p -> p.accepts(file.path())).findFirst().orElseThrow();
        FileContent.Read read = Inputs.read(file.absolute(), maxFileBytes);
        if (!read.ok()) {
            return new Parsed(file, plugin, null, null, read.skipReason());
        }
        return new Parsed(file, plugin, plugin.parse(file.path(), read.text(), read.hash()), read.hash(), null);
    }

    private static Parsed take(ExecutorCompletionService<Parsed> done) {
        try {
            Future<Parsed> f = done.take();
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while parsing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a parser failed: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
