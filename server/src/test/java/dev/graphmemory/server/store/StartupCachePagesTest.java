package dev.graphmemory.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupCachePagesTest {
    private static final String CACHE = "/home/u/.cache/graph-memory/start-1-2.aot";

    @Test
    void onlyTheReadOnlyMappingsOfThatVeryFileAreAdvised() {
        List<String> maps = List.of(
                "800001000-804bbf000 rw-p 00001000 fd:01 1234                       " + CACHE,
                "804bbf000-80bf26000 r--p 04bbf000 fd:01 1234                       " + CACHE,
                "7f0000000000-7f0000001000 r--s 00000000 fd:01 99 " + CACHE,
                "7f0000002000-7f0000003000 r-xp 00000000 fd:01 1234 " + CACHE,
                "7f0000004000-7f0000005000 r--p 00000000 fd:01 1235 " + CACHE + ".1975",
                "7f0000006000-7f0000007000 r--p 00000000 fd:01 1236 /home/u/my cache/start-1-2.aot",
                "7f0000008000-7f0000009000 r--p 00000000 00:00 0 ",
                "7f000000a000-7f000000b000 rw-p 00000000 00:00 0 [heap]",
                "garbage",
                "zz-yy r--p 00000000 fd:01 1234 " + CACHE,
                "");
        assertThat(StartupCachePages.readOnlyMappings(maps, CACHE))
                .containsExactly(
                        new StartupCachePages.Mapping(0x804bbf000L, 0x80bf26000L - 0x804bbf000L, CACHE),
                        new StartupCachePages.Mapping(0x7f0000000000L, 0x1000, CACHE));
        assertThat(StartupCachePages.readOnlyMappings(maps, "/home/u/my cache/start-1-2.aot"))
                .containsExactly(
                        new StartupCachePages.Mapping(0x7f0000006000L, 0x1000, "/home/u/my cache/start-1-2.aot"));
    }

    @Test
    void aReadOnlyMappingOfAFileIsAdvisedWholeFromJava22On(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("pages.bin");
        byte[] data = new byte[64 * 4096];
        java.util.Arrays.fill(data, (byte) 7);
        Files.write(file, data);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, data.length);
            long sum = 0;
            for (int i = 0; i < data.length; i += 4096) {
                sum += mapped.get(i);
            }
            assertThat(sum).isEqualTo(7L * 64);
            long advised = StartupCachePages.pageOut(file.toRealPath().toString());
            // the contents stay what they were: advice never changes memory, a page is read again
            assertThat(mapped.get(4096 * 10)).isEqualTo((byte) 7);
            if (Runtime.version().feature() >= 22) {
                assertThat(advised).isEqualTo(data.length);
            } else {
                assertThat(advised).isZero();
            }
        }
        assertThat(StartupCachePages.pageOut(dir.resolve("not-mapped.aot").toString()))
                .isZero();
    }

    @Test
    void aJvmWithoutAnAotCacheHasNothingToGiveBack() {
        // the test JVM runs without -XX:AOTCache
        assertThat(StartupCachePages.pageOut()).isZero();
    }
}
