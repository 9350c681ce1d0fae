package dev.graphmemory.queries.graph;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A small thread-safe least-recently-used cache. A missing value is loaded outside the lock, so a
 * slow load never blocks readers of other keys; a thread missing a key another thread is loading
 * waits for that load instead of repeating it (the store daemon's warm-up and a user's first
 * {@code gaps} each read Spring's module graph for 3-5 s before), and gets its error when it fails.
 */
public final class LruCache<K, V> {
    private final Map<K, V> map;
    private final Map<K, CompletableFuture<V>> loading = new HashMap<>();

    public LruCache(int capacity) {
        this.map = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The value cached for {@code key}, loaded and kept when absent. */
    public V get(K key, Supplier<V> load) {
        CompletableFuture<V> mine = null;
        CompletableFuture<V> theirs;
        synchronized (map) {
            V cached = map.get(key);
            if (cached != null) {
                return cached;
            }
            theirs = loading.get(key);
            if (theirs == null) {
                mine = new CompletableFuture<>();
                loading.put(key, mine);
            }
        }
        if (theirs != null) {
            try {
                return theirs.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            V value = load.get();
            synchronized (map) {
                map.put(key, value);
                loading.remove(key);
            }
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            synchronized (map) {
                loading.remove(key);
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }
}
