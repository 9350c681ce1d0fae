package dev.graphmemory.queries.graph;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A small thread-safe least-recently-used cache. A missing value is loaded outside the lock, so a
 * slow load never blocks readers of other keys; two threads missing the same key may both load
 * it, and the last one stays.
 */
public final class LruCache<K, V> {
    private final Map<K, V> map;

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
        synchronized (map) {
            V cached = map.get(key);
            if (cached != null) {
                return cached;
            }
        }
        V value = load.get();
        synchronized (map) {
            map.put(key, value);
        }
        return value;
    }
}
