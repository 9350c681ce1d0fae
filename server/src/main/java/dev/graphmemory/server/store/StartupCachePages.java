package dev.graphmemory.server.store;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives back the resident pages of the JVM's start-up cache (the AOT cache the launcher maps into
 * the store daemon) when the daemon is at rest: {@code madvise(MADV_PAGEOUT)} on the cache's
 * read-only mapping, which the kernel then reclaims (a clean file page leaves the page cache too).
 * The first request after it reads them back in one read-ahead ({@link #willNeed()}).
 *
 * <p>Design notes: the JVM loads every class in the cache at its start, which makes the whole
 * mapping resident (196 MB on jsoup's daemon, of which 115 MB read-only), and by default it
 * relocates the cache, which writes every page: such pages are private and cannot be reclaimed
 * without swap. The launcher therefore maps the daemon's cache where it was made
 * ({@code -XX:ArchiveRelocationMode=0}); where the JVM could not (the address was taken) it
 * relocates as before and this finds no read-only file mapping, or one the kernel keeps. Measured
 * on jsoup's daemon at rest: 465 to 354 MB RSS, and the next {@code find} from a shell 83 ms
 * instead of 23 ms, after which its RSS was 371 MB. The call goes through the foreign-function API
 * by reflection, since the build targets Java 21, where that API is a preview; before Java 22, and
 * where the C library has no {@code madvise}, nothing happens. Advice never changes what memory
 * holds: a page read later is read again from the file.
 *
 * <p>While the pages are given back the mapping is also advised {@code MADV_RANDOM}: the few
 * methods Neo4j's and the daemon's timers run at rest fault single pages, where the kernel's
 * read-ahead had made each fault map 64-128 KB around it (jsoup's daemon: the read-only region grew
 * back from 9 to 30 MB within 90 s of rest, 170 faults; with the advice 2 to 6 MB). The first
 * request restores {@code MADV_NORMAL} before its read-ahead.
 */
final class StartupCachePages {
    private static final Logger LOG = LoggerFactory.getLogger(StartupCachePages.class);
    /** {@code MADV_PAGEOUT} (Linux 5.4 and later; an older kernel answers EINVAL). */
    private static final int MADV_PAGEOUT = 21;
    /** {@code MADV_WILLNEED}. */
    private static final int MADV_WILLNEED = 3;
    /** {@code MADV_RANDOM}: no read-ahead around a fault. */
    private static final int MADV_RANDOM = 1;
    /** {@code MADV_NORMAL}. */
    private static final int MADV_NORMAL = 0;

    private StartupCachePages() {}

    /** A mapping of a file: its start, its length and its path. */
    record Mapping(long start, long length, String path) {}

    /**
     * Advises the kernel to reclaim the read-only mappings of the JVM's AOT cache file; answers the
     * bytes advised (0 when there is no such cache, mapping or API).
     */
    static long pageOut() {
        return aotCache().map(StartupCachePages::pageOut).orElse(0L);
    }

    /**
     * Asks the kernel to read the AOT cache's read-only mappings back ({@code MADV_WILLNEED}: a
     * read-ahead that returns at once), for a request that follows {@link #pageOut()}: the first
     * refresh after a rest then waits for one sequential read instead of a fault per page (jsoup:
     * 0.65 s with it, 1.36 s without, 0.52 s for a cache never given back).
     */
    static long willNeed() {
        return aotCache().map(f -> advise(f, MADV_NORMAL, MADV_WILLNEED)).orElse(0L);
    }

    /** Advises the kernel to reclaim this process's read-only mappings of {@code file}. */
    static long pageOut(String file) {
        return advise(file, MADV_RANDOM, MADV_PAGEOUT);
    }

    /**
     * Gives each advice in turn to every read-only mapping of {@code file} (found in one read of
     * {@code /proc/self/maps}); answers the bytes the last advice was taken for.
     */
    private static long advise(String file, int... advices) {
        List<Mapping> mappings;
        try {
            mappings = readOnlyMappings(Files.readAllLines(Path.of("/proc/self/maps")), file);
        } catch (IOException | RuntimeException e) {
            LOG.debug("start-up cache mappings not read: {}", e.toString());
            return 0;
        }
        if (mappings.isEmpty()) {
            return 0;
        }
        MethodHandle madvise = Madvise.HANDLE;
        if (madvise == null) {
            return 0;
        }
        long advised = 0;
        for (int advice : advices) {
            advised = 0;
            for (Mapping m : mappings) {
                try {
                    Object segment = Madvise.OF_ADDRESS.invoke(m.start());
                    int rc = (int) madvise.invoke(segment, m.length(), advice);
                    if (rc == 0) {
                        advised += m.length();
                    } else {
                        LOG.debug("madvise({}) refused for {}", advice, m);
                    }
                } catch (Throwable e) {
                    LOG.debug("madvise({}) failed for {}: {}", advice, m, e.toString());
                    return advised;
                }
            }
            LOG.debug("start-up cache: madvise({}) on {} MB", advice, advised >> 20);
        }
        return advised;
    }

    /**
     * The read-only mappings of {@code file} among lines of {@code /proc/PID/maps}
     * ({@code 804bbf000-80bf26000 r--p 04bbe000 fd:01 1234 /path/file.aot}); private or shared,
     * never one that can be written or run.
     */
    static List<Mapping> readOnlyMappings(List<String> maps, String file) {
        List<Mapping> out = new ArrayList<>();
        for (String line : maps) {
            String[] f = line.trim().split("\\s+", 6);
            if (f.length < 6 || !f[1].startsWith("r--") || !f[5].equals(file)) {
                continue;
            }
            int dash = f[0].indexOf('-');
            if (dash < 0) {
                continue;
            }
            try {
                long start = Long.parseUnsignedLong(f[0].substring(0, dash), 16);
                long end = Long.parseUnsignedLong(f[0].substring(dash + 1), 16);
                if (end > start) {
                    out.add(new Mapping(start, end - start, file));
                }
            } catch (NumberFormatException e) {
                // not a mapping line
            }
        }
        return out;
    }

    /**
     * The AOT cache this JVM runs with, as its real path (the kernel names a mapping's file by its
     * real path, so a cache folder reached through a symbolic link would match nothing), if any.
     */
    private static Optional<String> aotCache() {
        try {
            var vm = java.lang.management.ManagementFactory.getPlatformMXBean(
                    com.sun.management.HotSpotDiagnosticMXBean.class);
            String value = vm.getVMOption("AOTCache").getValue();
            if (value == null || value.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(Path.of(value).toRealPath().toString());
        } catch (IOException e) {
            return Optional.empty(); // the file is gone
        } catch (RuntimeException e) {
            return Optional.empty(); // a JVM before 24, or one without the flag
        }
    }

    /** {@code madvise} through {@code java.lang.foreign}, looked up once; null where not available. */
    private static final class Madvise {
        static final MethodHandle OF_ADDRESS;
        static final MethodHandle HANDLE;

        static {
            MethodHandle ofAddress = null;
            MethodHandle handle = null;
            if (Runtime.version().feature() >= 22) {
                try {
                    var lookup = java.lang.invoke.MethodHandles.publicLookup();
                    Class<?> linkerClass = Class.forName("java.lang.foreign.Linker");
                    Class<?> segmentClass = Class.forName("java.lang.foreign.MemorySegment");
                    Class<?> layoutClass = Class.forName("java.lang.foreign.MemoryLayout");
                    Class<?> valueLayout = Class.forName("java.lang.foreign.ValueLayout");
                    Class<?> descriptorClass = Class.forName("java.lang.foreign.FunctionDescriptor");
                    Class<?> optionClass = Class.forName("java.lang.foreign.Linker$Option");
                    Object linker = linkerClass.getMethod("nativeLinker").invoke(null);
                    Object symbols = linkerClass.getMethod("defaultLookup").invoke(linker);
                    Optional<?> symbol = (Optional<?>) Class.forName("java.lang.foreign.SymbolLookup")
                            .getMethod("find", String.class)
                            .invoke(symbols, "madvise");
                    if (symbol.isPresent()) {
                        Object intLayout = valueLayout.getField("JAVA_INT").get(null);
                        Object longLayout = valueLayout.getField("JAVA_LONG").get(null);
                        Object addressLayout = valueLayout.getField("ADDRESS").get(null);
                        Object layouts = java.lang.reflect.Array.newInstance(layoutClass, 3);
                        java.lang.reflect.Array.set(layouts, 0, addressLayout);
                        java.lang.reflect.Array.set(layouts, 1, longLayout);
                        java.lang.reflect.Array.set(layouts, 2, intLayout);
                        Object descriptor = descriptorClass
                                .getMethod("of", layoutClass, layouts.getClass())
                                .invoke(null, intLayout, layouts);
                        Object noOptions = java.lang.reflect.Array.newInstance(optionClass, 0);
                        handle = (MethodHandle) linkerClass
                                .getMethod("downcallHandle", segmentClass, descriptorClass, noOptions.getClass())
                                .invoke(linker, symbol.get(), descriptor, noOptions);
                        ofAddress = lookup.findStatic(
                                segmentClass,
                                "ofAddress",
                                java.lang.invoke.MethodType.methodType(segmentClass, long.class));
                    }
                } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                    LOG.debug("madvise not available: {}", e.toString());
                    handle = null;
                }
            }
            OF_ADDRESS = ofAddress;
            HANDLE = ofAddress == null ? null : handle;
        }
    }
}
