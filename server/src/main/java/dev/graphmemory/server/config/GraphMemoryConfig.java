package dev.graphmemory.server.config;

import dev.graphmemory.indexer.IndexOptions;
import dev.graphmemory.indexer.knowledge.KnowledgeConfig;
import dev.graphmemory.indexer.sessions.SessionSources;
import dev.graphmemory.indexer.walk.InsideRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The repository's settings: {@code .graph-memory.yml} at its root, every setting optional. Read
 * and validated once at start; a bad setting stops start-up with a message naming it. Environment
 * variables and command-line options override the file (see {@code StoreOptions}).
 *
 * <pre>
 * knowledge:
 *   globs: [".claude/work-units/**&#47;*.md", "bugs/**&#47;*.md"]   # replaces the defaults
 * history:
 *   max_commits: 5000
 * index:
 *   max_file_bytes: 1m
 *   threads: 2
 * store:
 *   page_cache: 128m
 *   uri: neo4j://db.example:7687    # an external Neo4j instead of the embedded one
 *   user: neo4j
 *   repo_key: my-service            # how this repository is named inside a shared database
 * daemon:
 *   idle: 30m                       # the store daemon stops after this long unused (s, m, h)
 * gaps:                             # see GapsConfig
 *   entry_points: ["scripts/*.py"]
 *   exclude: ["src/legacy/**"]
 * sessions:
 *   enabled: false                  # read no agent session transcripts (default true)
 *   paths: ["../exported-sessions"] # more folders of transcripts (relative to the repository)
 * </pre>
 *
 * <p>{@code GRAPH_MEMORY_DAEMON_IDLE} overrides {@code daemon.idle}; {@code GRAPH_MEMORY_CLAUDE_HOME}
 * replaces {@code ~/.claude} as the folder whose {@code projects/} holds Claude Code's transcripts.
 */
public record GraphMemoryConfig(
        List<String> knowledgeGlobs,
        int maxCommits,
        long maxFileBytes,
        int threads,
        long pageCacheBytes,
        String uri,
        String user,
        String repoKey,
        java.time.Duration daemonIdle,
        boolean sessionsEnabled,
        List<Path> sessionPaths) {
    public static final String FILE_NAME = ".graph-memory.yml";
    public static final List<String> DEFAULT_KNOWLEDGE_GLOBS = KnowledgeConfig.DEFAULT_GLOBS;

    private static final Map<String, Set<String>> KNOWN = Map.of(
            "knowledge",
            Set.of("globs"),
            "history",
            Set.of("max_commits"),
            "index",
            Set.of("max_file_bytes", "threads"),
            "store",
            Set.of("page_cache", "uri", "user", "repo_key"),
            "daemon",
            Set.of("idle"),
            "sessions",
            Set.of("enabled", "paths"),
            GapsConfig.SECTION,
            GapsConfig.KEYS);

    public GraphMemoryConfig {
        knowledgeGlobs = List.copyOf(knowledgeGlobs);
        sessionPaths = List.copyOf(sessionPaths);
    }

    /** The indexer's options under these settings. */
    public IndexOptions indexOptions(boolean full) {
        return new IndexOptions(
                        full, maxFileBytes, maxCommits, knowledgeGlobs, threads, IndexOptions.DEFAULT_BATCH_SIZE)
                .withSessions(new SessionSources(sessionsEnabled, SessionSources.defaultClaudeHome(), sessionPaths));
    }

    /** The defaults, as if the file were absent. */
    public static GraphMemoryConfig defaults() {
        return new GraphMemoryConfig(
                DEFAULT_KNOWLEDGE_GLOBS,
                5000,
                1024 * 1024,
                Math.max(1, Runtime.getRuntime().availableProcessors()),
                128L * 1024 * 1024,
                null,
                null,
                null,
                java.time.Duration.ofMinutes(30),
                true,
                List.of());
    }

    /**
     * The text of {@code <root>/.graph-memory.yml}, or null when there is none. Read only from inside
     * the repository ({@link InsideRepo#readable}): a link that leads out is refused, since parse
     * errors quote the text into messages a tool's caller sees.
     */
    static String text(Path root) {
        if (!Files.exists(root.resolve(FILE_NAME))) {
            return null;
        }
        try {
            InsideRepo inside = new InsideRepo(root);
            return inside.readText(FILE_NAME, inside.readable(FILE_NAME, FILE_NAME));
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /** Reads {@code <root>/.graph-memory.yml}, or the defaults when there is none. */
    public static GraphMemoryConfig load(Path root) {
        Path file = root.resolve(FILE_NAME);
        String text = text(root);
        if (text == null) {
            return defaults();
        }
        Object tree;
        try {
            tree = YAMLMapper.builder().build().readValue(text, Object.class);
        } catch (JacksonException e) {
            throw new ConfigException(file + " is not valid YAML: " + e.getMessage());
        }
        if (tree == null) {
            return defaults();
        }
        if (!(tree instanceof Map<?, ?> top)) {
            throw new ConfigException(file + " must be a mapping of sections (" + KNOWN.keySet() + ")");
        }
        GraphMemoryConfig read = fromMap(top, file.toString());
        // sessions.paths are relative to the repository; resolved here, where the root is known.
        List<Path> paths = read.sessionPaths().stream()
                .map(p -> root.toAbsolutePath().resolve(p).normalize())
                .toList();
        return new GraphMemoryConfig(
                read.knowledgeGlobs(),
                read.maxCommits(),
                read.maxFileBytes(),
                read.threads(),
                read.pageCacheBytes(),
                read.uri(),
                read.user(),
                read.repoKey(),
                read.daemonIdle(),
                read.sessionsEnabled(),
                paths);
    }

    static GraphMemoryConfig fromMap(Map<?, ?> top, String source) {
        GraphMemoryConfig d = defaults();
        Settings s = new Settings(source);
        GapsConfig.fromSection(top.get(GapsConfig.SECTION), source); // validated here, read by the gap tool
        for (Map.Entry<?, ?> section : top.entrySet()) {
            String name = String.valueOf(section.getKey());
            if (name.equals(GapsConfig.SECTION)) {
                continue;
            }
            Set<String> keys = KNOWN.get(name);
            if (keys == null) {
                throw new ConfigException(source + ": unknown section '" + name + "'; valid sections: "
                        + KNOWN.keySet().stream().sorted().toList());
            }
            if (!(section.getValue() instanceof Map<?, ?> values)) {
                throw new ConfigException(source + ": section '" + name + "' must be a mapping of " + keys);
            }
            for (Map.Entry<?, ?> e : values.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (!keys.contains(key)) {
                    throw new ConfigException(source + ": unknown setting '" + name + "." + key + "'; valid in '" + name
                            + "': " + keys.stream().sorted().toList());
                }
                s.values.put(name + "." + key, e.getValue());
            }
        }
        return new GraphMemoryConfig(
                s.stringList("knowledge.globs", d.knowledgeGlobs()),
                (int) s.number("history.max_commits", d.maxCommits(), 0, 10_000_000),
                s.size("index.max_file_bytes", d.maxFileBytes()),
                (int) s.number("index.threads", d.threads(), 1, 256),
                s.size("store.page_cache", d.pageCacheBytes()),
                s.string("store.uri", null),
                s.string("store.user", null),
                s.string("store.repo_key", null),
                s.duration("daemon.idle", d.daemonIdle()),
                s.bool("sessions.enabled", d.sessionsEnabled()),
                s.stringList("sessions.paths", List.of()).stream()
                        .map(p -> s.path("sessions.paths", p))
                        .toList());
    }

    /** The repository key of {@code root}: {@code store.repo_key}, or the worktree's real path. */
    public String repoKeyFor(java.nio.file.Path root) {
        return repoKey != null ? repoKey : root.toString();
    }

    /**
     * The repository keys whose work a duplicate search from {@code root} also reads: the main
     * worktree's when {@code root} is a linked git worktree with a key of its own (so work done on
     * main after the worktree branched is found), else none.
     */
    public java.util.List<String> mainWorktreeKeys(java.nio.file.Path root) {
        java.nio.file.Path main = dev.graphmemory.server.store.StoreFiles.mainWorktree(root);
        String own = repoKeyFor(root);
        String mainKey = repoKeyFor(main);
        return main.equals(root) || mainKey.equals(own) ? java.util.List.of() : java.util.List.of(mainKey);
    }

    /** The daemon's idle time: {@code GRAPH_MEMORY_DAEMON_IDLE} when set, else {@code daemon.idle}. */
    public java.time.Duration effectiveDaemonIdle() {
        String env = System.getenv("GRAPH_MEMORY_DAEMON_IDLE");
        return env == null || env.isBlank() ? daemonIdle : parseDuration(env, "GRAPH_MEMORY_DAEMON_IDLE");
    }

    /** Parses a duration such as {@code 90s}, {@code 30m}, {@code 2h} (a bare number is minutes). */
    public static java.time.Duration parseDuration(String text, String setting) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            char unit = t.isEmpty() ? 'm' : t.charAt(t.length() - 1);
            long n = Character.isDigit(unit)
                    ? Long.parseLong(t)
                    : Long.parseLong(t.substring(0, t.length() - 1).trim());
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return switch (unit) {
                case 's' -> java.time.Duration.ofSeconds(n);
                case 'h' -> java.time.Duration.ofHours(n);
                case 'm' -> java.time.Duration.ofMinutes(n);
                default -> {
                    if (Character.isDigit(unit)) {
                        yield java.time.Duration.ofMinutes(n);
                    }
                    throw new NumberFormatException();
                }
            };
        } catch (NumberFormatException e) {
            throw new ConfigException(
                    setting + ": expected a positive duration such as 90s, 30m or 2h, got '" + text + "'");
        }
    }

    /** Parses a size such as {@code 512k}, {@code 128m}, {@code 1g} or a plain byte count. */
    public static long parseSize(String text, String setting) {
        String t = text.trim().toLowerCase(Locale.ROOT).replaceAll("i?b$", "");
        long unit = 1;
        if (!t.isEmpty() && "kmg".indexOf(t.charAt(t.length() - 1)) >= 0) {
            unit = switch (t.charAt(t.length() - 1)) {
                case 'k' -> 1024L;
                case 'm' -> 1024L * 1024;
                default -> 1024L * 1024 * 1024;
            };
            t = t.substring(0, t.length() - 1);
        }
        try {
            long value = Long.parseLong(t.trim()) * unit;
            if (value <= 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigException(
                    setting + ": expected a positive size such as 512k, 128m or 1g, got '" + text + "'");
        }
    }

    private static final class Settings {
        final String source;
        final Map<String, Object> values = new LinkedHashMap<>();

        Settings(String source) {
            this.source = source;
        }

        String string(String key, String fallback) {
            Object v = values.get(key);
            if (v == null) {
                return fallback;
            }
            if (v instanceof Map<?, ?> || v instanceof List<?>) {
                throw new ConfigException(source + ": " + key + " must be a single value, got " + v);
            }
            return v.toString();
        }

        long number(String key, long fallback, long min, long max) {
            Object v = values.get(key);
            if (v == null) {
                return fallback;
            }
            if (!(v instanceof Number n) || n.longValue() < min || n.longValue() > max) {
                throw new ConfigException(source + ": " + key + " must be a whole number from " + min + " to " + max
                        + ", got '" + v + "'");
            }
            return n.longValue();
        }

        long size(String key, long fallback) {
            Object v = values.get(key);
            if (v == null) {
                return fallback;
            }
            return parseSize(v.toString(), source + ": " + key);
        }

        boolean bool(String key, boolean fallback) {
            Object v = values.get(key);
            if (v == null) {
                return fallback;
            }
            if (!(v instanceof Boolean b)) {
                throw new ConfigException(source + ": " + key + " must be true or false, got '" + v + "'");
            }
            return b;
        }

        Path path(String key, String text) {
            try {
                return Path.of(text.startsWith("~/") ? System.getProperty("user.home") + text.substring(1) : text);
            } catch (java.nio.file.InvalidPathException e) {
                throw new ConfigException(source + ": " + key + ": not a folder path: '" + text + "'");
            }
        }

        java.time.Duration duration(String key, java.time.Duration fallback) {
            Object v = values.get(key);
            return v == null ? fallback : parseDuration(v.toString(), source + ": " + key);
        }

        List<String> stringList(String key, List<String> fallback) {
            Object v = values.get(key);
            if (v == null) {
                return fallback;
            }
            if (!(v instanceof List<?> list) || list.isEmpty()) {
                throw new ConfigException(source + ": " + key + " must be a non-empty list of globs, got '" + v + "'");
            }
            List<String> out = new ArrayList<>();
            for (Object o : list) {
                if (!(o instanceof String str) || str.isBlank()) {
                    throw new ConfigException(source + ": " + key + " entries must be glob strings, got '" + o + "'");
                }
                out.add(str);
            }
            return out;
        }
    }
}
