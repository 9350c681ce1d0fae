package dev.graphmemory.indexer.build;

import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one reading of a repository's build shares: the files it may see, the warnings it collects
 * and the module budget. Every file read goes through here, so a file that cannot be read becomes a
 * warning and never an exception.
 */
final class BuildReading {
    /** The most modules read per build tool; a bigger build is cut there, with a warning. */
    static final int MAX_MODULES = 10_000;

    private final RepoFiles files;
    private final List<String> warnings = new ArrayList<>();

    BuildReading(RepoFiles files) {
        this.files = Objects.requireNonNull(files, "files");
    }

    /**
     * The text of a build file, or empty when there is none or it may not be read (then with a
     * warning that says what was expected there).
     */
    Optional<String> text(String path, String expected) {
        return read(path, expected, null);
    }

    /**
     * The text of a build file that another one names; empty, with a warning, also when it does not
     * exist.
     *
     * @param namedBy says who names it, e.g. {@code pom.xml: module 'core'}
     */
    Optional<String> required(String path, String expected, String namedBy) {
        return read(path, expected, namedBy);
    }

    private Optional<String> read(String path, String expected, String namedBy) {
        try {
            Optional<String> text = files.text(path);
            if (text.isEmpty() && namedBy != null) {
                warn(namedBy + " names " + path + ", which does not exist; expected " + expected + " there");
            }
            return text;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            warn(path + ": not read (" + e.getMessage() + "); expected " + expected + " there");
            return Optional.empty();
        }
    }

    boolean isFolder(String path) {
        try {
            return files.isFolder(path);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Whether a module folder has sources of its own: a {@code src/main} or {@code src/test} folder. */
    boolean hasOwnSources(String folder) {
        return isFolder(join(folder, "src/main")) || isFolder(join(folder, "src/test"));
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    static String join(String folder, String name) {
        return folder.isEmpty() ? name : folder + "/" + name;
    }

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /**
     * A path given relative to a folder, normalized to a repository-relative one ({@code .} and
     * {@code ..} resolved, {@code \} read as {@code /}); empty when it is absolute or leads out of
     * the repository.
     */
    static Optional<String> resolve(String folder, String given) {
        String path = given.strip().replace('\\', '/');
        if (path.startsWith("/") || path.matches("[A-Za-z]:.*")) {
            return Optional.empty();
        }
        Deque<String> names = new ArrayDeque<>();
        for (String name : (join(folder, path)).split("/")) {
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                if (names.isEmpty()) {
                    return Optional.empty();
                }
                names.removeLast();
            } else {
                names.addLast(name);
            }
        }
        return Optional.of(String.join("/", names));
    }
}
