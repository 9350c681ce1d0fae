package dev.graphmemory.indexer.sessions;

import dev.graphmemory.indexer.sessions.SessionFinder.Transcript;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agent sessions of one index run: finds the transcripts once, tells the run what they add to
 * its input digest, and reads them, each again only when its size or modification time changed
 * since the last run that left a cache.
 *
 * <p>The cache holds, per transcript path, its size, its modification time and its
 * {@link TranscriptStats} (counts and paths, no text); a cache that cannot be read is ignored and
 * every transcript is read.
 */
public final class SessionIndex {
    private static final Logger LOG = LoggerFactory.getLogger(SessionIndex.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int CACHE_VERSION = 4;

    private final Path repoRoot;
    private final Path cacheFile;
    private final List<Transcript> transcripts;

    /**
     * @param cacheFile where the read transcripts are kept between runs, or null for no cache
     */
    public SessionIndex(Path repoRoot, SessionSources sources, Path cacheFile) {
        this.repoRoot = repoRoot.toAbsolutePath().normalize();
        this.cacheFile = cacheFile;
        this.transcripts = SessionFinder.find(this.repoRoot, sources);
    }

    /** The candidate transcripts. */
    public List<Transcript> transcripts() {
        return transcripts;
    }

    /**
     * The reader's version and one line per candidate transcript (path, size, modification time) for
     * the run's input digest: empty when there are none, so a repository without sessions keeps the
     * digest it had.
     */
    public String fingerprint() {
        StringBuilder sb = new StringBuilder();
        if (!transcripts.isEmpty()) {
            // What the reader takes from a transcript changes with the cache version: a new reader
            // makes a run, not a no-op that keeps the old figures.
            sb.append("sessions v").append(CACHE_VERSION).append('\n');
        }
        transcripts.forEach(t -> sb.append("session ")
                .append(t.file())
                .append(' ')
                .append(t.size())
                .append(' ')
                .append(t.modifiedMillis())
                .append('\n'));
        return sb.toString();
    }

    /** What a read produced. */
    public record Result(
            List<TranscriptStats> sessions, int read, int fromCache, int elsewhere, List<String> problems) {
        public Result {
            sessions = List.copyOf(sessions);
            problems = List.copyOf(problems);
        }
    }

    /** A cache entry: the transcript's size and time when read, and what it held. */
    record Entry(long size, long modified, TranscriptStats stats) {}

    record CacheFile(int version, Map<String, Entry> entries) {}

    /**
     * Reads the transcripts that changed, takes the others from the cache, and keeps those whose
     * {@code cwd} is the repository or a folder inside it. A subagent's transcript is kept when its
     * own {@code cwd} is (it names the same folder as its parent's).
     */
    public Result read() {
        if (transcripts.isEmpty()) {
            return new Result(List.of(), 0, 0, 0, List.of());
        }
        Map<String, Entry> old = readCache();
        Map<String, Entry> now = new TreeMap<>();
        TranscriptReader reader = new TranscriptReader(repoRoot);
        List<TranscriptStats> kept = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int read = 0;
        int cached = 0;
        int elsewhere = 0;
        for (Transcript t : transcripts) {
            String key = t.file().toString();
            Entry e = old.get(key);
            if (e != null && e.size() == t.size() && e.modified() == t.modifiedMillis()) {
                cached++;
            } else {
                try {
                    e = new Entry(t.size(), t.modifiedMillis(), reader.read(t.file()));
                    read++;
                } catch (IOException | RuntimeException ex) {
                    problems.add(t.file().getFileName() + ": not read: " + ex.getMessage());
                    continue;
                }
            }
            now.put(key, e);
            TranscriptStats s = e.stats();
            if (!SessionFinder.belongs(s.cwd(), repoRoot) || s.sessionId() == null) {
                elsewhere++;
                continue;
            }
            if (s.skippedLines() > 0) {
                problems.add(t.file().getFileName() + ": " + s.skippedLines() + " line(s) not readable, skipped");
            }
            kept.add(s);
        }
        writeCache(now);
        LOG.debug("sessions: {} transcripts read, {} from the cache, {} of other folders", read, cached, elsewhere);
        return new Result(kept, read, cached, elsewhere, problems);
    }

    private Map<String, Entry> readCache() {
        if (cacheFile == null || !Files.isRegularFile(cacheFile)) {
            return Map.of();
        }
        try {
            CacheFile c = JSON.readValue(cacheFile.toFile(), CacheFile.class);
            return c.version() == CACHE_VERSION && c.entries() != null ? c.entries() : Map.of();
        } catch (JacksonException e) {
            LOG.debug("sessions: ignoring the unreadable cache {}: {}", cacheFile, e.getMessage());
            return Map.of();
        }
    }

    private void writeCache(Map<String, Entry> entries) {
        if (cacheFile == null) {
            return;
        }
        try {
            Files.createDirectories(cacheFile.getParent());
            Path tmp = Files.createTempFile(cacheFile.getParent(), "sessions", ".tmp");
            JSON.writeValue(tmp.toFile(), new CacheFile(CACHE_VERSION, entries));
            Files.move(tmp, cacheFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | JacksonException e) {
            LOG.warn("sessions: cannot write the cache {}: {}", cacheFile, e.getMessage());
        }
    }
}
