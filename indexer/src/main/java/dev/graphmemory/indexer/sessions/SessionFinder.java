package dev.graphmemory.indexer.sessions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the transcript files that may belong to a repository.
 *
 * <p>Claude Code keeps a session started in folder {@code F} under
 * {@code <claude home>/projects/<F with every character but letters, digits and '-' replaced by
 * '-'>/} (so {@code /home/dev/my.app} is {@code -home-dev-my-app}): {@code <session id>.jsonl},
 * and its subagents as {@code <session id>/subagents/agent-<id>.jsonl} (older versions: {@code
 * agent-<id>.jsonl} beside the sessions). A session started in a folder inside the repository has a
 * folder name that starts with the repository's and a {@code '-'}; since the encoding is lossy
 * ({@code /a/b-c} and {@code /a/b/c} share a name), these are only candidates: the caller keeps a
 * transcript when the {@code cwd} its records name is the repository or inside it. Files of the extra
 * folders are taken as they are, their {@code cwd} checked the same way.
 */
public final class SessionFinder {
    private static final Pattern NOT_KEPT = Pattern.compile("[^A-Za-z0-9-]");

    private SessionFinder() {}

    /** One transcript file, with what tells whether it changed since the last run. */
    public record Transcript(Path file, long size, long modifiedMillis) {}

    /** The folder name Claude Code gives the sessions started in {@code folder}. */
    public static String encode(Path folder) {
        return NOT_KEPT.matcher(folder.toAbsolutePath().normalize().toString()).replaceAll("-");
    }

    /** The candidate transcripts of {@code repoRoot}, sorted by path; none when sessions are off. */
    public static List<Transcript> find(Path repoRoot, SessionSources sources) {
        if (!sources.enabled()) {
            return List.of();
        }
        TreeMap<Path, Transcript> found = new TreeMap<>();
        if (sources.claudeHome() != null) {
            Path projects = sources.claudeHome().resolve("projects");
            String name = encode(repoRoot);
            if (Files.isDirectory(projects)) {
                try (Stream<Path> dirs = Files.list(projects)) {
                    dirs.filter(d -> {
                                String n = d.getFileName().toString();
                                return n.equals(name) || n.startsWith(name + "-");
                            })
                            .filter(Files::isDirectory)
                            .forEach(d -> collect(d, found));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + projects + ": " + e.getMessage(), e);
                }
            }
        }
        for (Path extra : sources.extraPaths()) {
            if (Files.isDirectory(extra)) {
                collect(extra, found);
            }
        }
        return List.copyOf(found.values());
    }

    /** Every {@code .jsonl} file under {@code dir}, at most three levels down (session/subagents/agent). */
    private static void collect(Path dir, TreeMap<Path, Transcript> found) {
        try (Stream<Path> files = Files.find(
                dir,
                3,
                (p, a) -> a.isRegularFile() && p.getFileName().toString().endsWith(".jsonl"))) {
            for (Path p : (Iterable<Path>) files::iterator) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                Path abs = p.toAbsolutePath().normalize();
                found.put(
                        abs, new Transcript(abs, a.size(), a.lastModifiedTime().toMillis()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Whether a session whose records name {@code cwd} belongs to the repository at {@code repoRoot}. */
    public static boolean belongs(String cwd, Path repoRoot) {
        if (cwd == null || cwd.isBlank()) {
            return false;
        }
        try {
            Path p = Path.of(cwd).toAbsolutePath().normalize();
            return p.startsWith(repoRoot.toAbsolutePath().normalize());
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }
}
