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

    @Test
    void aThreadMissingAKeyUnderLoadWaitsForThatLoad() throws Exception {
        LruCache<String, String> cache = new LruCache<>(2);
        // Threads of their own: the common pool may run one task at a time on a small machine.
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newCachedThreadPool();
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger loads = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.Supplier<String> slow = () -> {
            loads.incrementAndGet();
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return "A";
        };
        var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> cache.get("a", slow), threads);
        started.await();
        var second = java.util.concurrent.CompletableFuture.supplyAsync(() -> cache.get("a", slow), threads);
        Thread.sleep(100);
        assertThat(second).isNotDone();
        release.countDown();
        assertThat(first.get()).isEqualTo("A");
        assertThat(second.get()).isEqualTo("A");
        assertThat(loads).hasValue(1);

        // A failed load is no value: its waiter gets the error, and the next call loads again.
        java.util.concurrent.CountDownLatch failing = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch fail = new java.util.concurrent.CountDownLatch(1);
        var broken = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> cache.get("b", () -> {
                    failing.countDown();
                    try {
                        fail.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    throw new IllegalStateException("store gone");
                }),
                threads);
        failing.await();
        var waiter = java.util.concurrent.CompletableFuture.supplyAsync(() -> cache.get("b", () -> "unused"), threads);
        Thread.sleep(100);
        fail.countDown();
        org.assertj.core.api.Assertions.assertThatThrownBy(broken::get).hasMessageContaining("store gone");
        org.assertj.core.api.Assertions.assertThatThrownBy(waiter::get).hasMessageContaining("store gone");
        assertThat(cache.get("b", () -> "B")).isEqualTo("B");
        threads.shutdown();
    }
}
