import dev.graphmemory.indexer.sessions.TranscriptReader;
import dev.graphmemory.indexer.sessions.TranscriptStats;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads one large Claude Code transcript with the indexer's TranscriptReader and prints the time per
 * million lines and the peak heap the JVM used, to show the reader streams (bounded memory).
 * Writes the transcript first (records in the real format: a user prompt, an assistant response
 * written as two records sharing message.id, a Read with its result, a Bash run; tool results of
 * 1-8 KB), then reads it twice (the first read warms the JIT) and reports the second.
 *   bench/sessions.sh [MB]   (runs this with -Xmx64m)
 */
public class SessionsBench {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long targetBytes = Long.parseLong(args[1]) * 1024 * 1024;
        long lines = write(file, targetBytes);
        TranscriptReader reader = new TranscriptReader(Path.of("/home/dev/app"));
        reader.read(file);
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long t0 = System.nanoTime();
        TranscriptStats s = reader.read(file);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(
                "transcript: %,d MB, %,d lines; read in %.2f s = %.2f s per million lines; peak heap %,d MB"
                        + " (max %,d MB); api_calls %,d, reads %d files, skipped %d%n",
                Files.size(file) / (1024 * 1024),
                lines,
                seconds,
                seconds / (lines / 1e6),
                peak / (1024 * 1024),
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                s.apiCalls(),
                s.reads().size(),
                s.skippedLines());
    }

    private static long write(Path file, long targetBytes) throws Exception {
        long lines = 0;
        String sid = "5e55e55e-0000-4000-8000-00000000b1c0";
        String head = "{\"parentUuid\":\"p\",\"isSidechain\":false,\"userType\":\"external\",\"cwd\":\"/home/dev/app\","
                + "\"sessionId\":\"" + sid + "\",\"version\":\"2.1.3\",\"gitBranch\":\"main\",";
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            long i = 0;
            while (i == 0 || Files.size(file) < targetBytes) {
                for (int j = 0; j < 200; j++, i++) {
                    String ts = "\"timestamp\":\"2026-11-20T10:00:00.000Z\"";
                    String usage = "\"usage\":{\"input_tokens\":3,\"cache_creation_input_tokens\":120,"
                            + "\"cache_read_input_tokens\":80000,\"output_tokens\":90}";
                    String filler = "x".repeat(1024 * (int) (1 + i % 8));
                    out.write(head + "\"type\":\"assistant\",\"message\":{\"id\":\"msg_" + i + "\",\"model\":"
                            + "\"claude-opus-4-1-20250805\",\"content\":[{\"type\":\"text\",\"text\":\"Reading.\"}],"
                            + usage + "}," + ts + "}\n");
                    out.write(head + "\"type\":\"assistant\",\"message\":{\"id\":\"msg_" + i + "\",\"model\":"
                            + "\"claude-opus-4-1-20250805\",\"content\":[{\"type\":\"tool_use\",\"id\":\"toolu_r" + i
                            + "\",\"name\":\"Read\",\"input\":{\"file_path\":\"/home/dev/app/src/m" + (i % 50)
                            + ".py\"}}]," + usage + "}," + ts + "}\n");
                    out.write(head + "\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":[{\"tool_use_id\":"
                            + "\"toolu_r" + i + "\",\"type\":\"tool_result\",\"content\":\"" + filler + "\"}]}," + ts
                            + "}\n");
                    out.write(head + "\"type\":\"assistant\",\"message\":{\"id\":\"msg_b" + i + "\",\"model\":"
                            + "\"claude-opus-4-1-20250805\",\"content\":[{\"type\":\"tool_use\",\"id\":\"toolu_b" + i
                            + "\",\"name\":\"Bash\",\"input\":{\"command\":\"cd /home/dev/app && pytest -q tests/\"}}],"
                            + usage + "}," + ts + "}\n");
                    out.write(head + "\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":[{\"tool_use_id\":"
                            + "\"toolu_b" + i + "\",\"type\":\"tool_result\",\"content\":\"3 passed\"}]}," + ts
                            + "}\n");
                    lines += 5;
                }
                out.flush();
            }
        }
        return lines;
    }
}
