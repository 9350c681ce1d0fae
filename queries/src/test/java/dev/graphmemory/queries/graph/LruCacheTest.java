package dev.graphmemory.queries.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LruCacheTest {
    @Test
    void loadsOnceAndDropsTheLeastRecentlyUsed() {
        List<String> loads = new ArrayList<>();
        LruCache<String, String> cache = new LruCache<>(2);
        java.util.function.Function<String, String> get = k -> cache.get(k, () -> {
            loads.add(k);
            return k.toUpperCase();
        });

        assertThat(get.apply("a")).isEqualTo("A");
        assertThat(get.apply("b")).isEqualTo("B");
        assertThat(get.apply("a")).isEqualTo("A"); // a is now the most recently used
        assertThat(get.apply("c")).isEqualTo("C"); // evicts b, not a
        assertThat(get.apply("a")).isEqualTo("A");
        assertThat(get.apply("b")).isEqualTo("B");

        assertThat(loads).containsExactly("a", "b", "c", "b");
    }
}
