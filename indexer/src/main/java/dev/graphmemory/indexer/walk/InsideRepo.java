package dev.graphmemory.indexer.walk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The one place that decides whether a path a tool reads or writes on a caller's behalf lies inside
 * the repository. The rule, for every tool and command:
 *
 * <ul>
 *   <li><b>Reading</b> (a proposal {@code file}, a {@code plan}): the path, relative to the
 *       repository root unless absolute, is resolved with every symbolic link followed; its real
 *       path must lie inside the root's real path. A link inside the repository to a file inside it
 *       is fine; one that leads out (directly, through {@code ..} or through any linked folder) is
 *       refused.
 *   <li><b>Writing</b> (a recorded knowledge document): no component below the root may be a
 *       symbolic link, wherever it points, and the file itself must not be one. The indexer never
 *       follows links ({@link RepositoryWalker}), so a document written through one would be a node
 *       that a full reindex drops. The text goes to a new file with a random name created
 *       exclusively in the target folder, then is renamed over the target atomically: a link
 *       planted at a predictable temporary name is never followed.
 * </ul>
 *
 * <p>A refusal is an {@link IllegalArgumentException} whose message names the path as given. The
 * checks cannot close every race with another process swapping folders for links between a check
 * and the use; the write re-checks the folder's real path right before it creates the file.
 */
public final class InsideRepo {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path root;

    /** @param root the repository's working tree; resolved to its real path */
    public InsideRepo(Path root) {
        try {
            this.root = root.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve the repository root " + root + ": " + e.getMessage(), e);
        }
    }

    /** The repository's real root. */
    public Path root() {
        return root;
    }

    /**
     * An existing file or folder to read, as given by a caller: relative to the root unless absolute,
     * symbolic links followed.
     *
     * @param what names the argument in messages, e.g. {@code "find_duplicate_work: file"}
     * @param given the path as the caller gave it
     * @return the real path, inside the root
     * @throws IllegalArgumentException when it does not exist or its real path lies outside the root
     */
    public Path readable(String what, String given) {
        Path real;
        try {
            real = root.resolve(given).toRealPath();
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(what + " '" + given + "' does not exist in the repository " + root
                    + "; give a path inside it (relative to its root), e.g. work-units/WU-123.md");
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException(what + " '" + given + "' cannot be resolved: " + e.getMessage());
        }
        if (!real.startsWith(root)) {
            throw new IllegalArgumentException(what + " '" + given + "' is outside the repository " + root
                    + " (symbolic links are followed: a link that leads out is refused); give a path inside it,"
                    + " e.g. work-units/WU-123.md");
        }
        return real;
    }

    /**
     * Reads a regular file found by {@link #readable} (or below a folder it returned), never
     * following a link at the file itself and never opening a pipe or device.
     *
     * @param what names the file in messages
     */
    public String readText(String what, Path file) {
        Path real = readable(what, file.toString());
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException(what + " '" + file + "' is not a regular file");
        }
        try (var in = Files.newInputStream(real, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + what + " '" + file + "': " + e.getMessage(), e);
        }
    }

    /**
     * The file at a repository-relative path to write, checked: the path stays below the root, no
     * existing component of it is a symbolic link, every existing folder on the way is a folder, and
     * the file, if present, is a regular file.
     *
     * @param what says what is being written, for messages, e.g. {@code "cannot record BUG-1"}
     * @param relative a {@code /}-separated path relative to the root
     * @throws IllegalArgumentException naming the offending component
     */
    public Path writable(String what, String relative) {
        Path target = root.resolve(relative).normalize();
        if (relative.isBlank() || Path.of(relative).isAbsolute() || !target.startsWith(root) || target.equals(root)) {
            throw new IllegalArgumentException(
                    what + " at " + relative + ": the path must stay inside the repository " + root);
        }
        Path relPath = root.relativize(target);
        Path at = root;
        for (int i = 0; i < relPath.getNameCount(); i++) {
            at = at.resolve(relPath.getName(i));
            boolean last = i == relPath.getNameCount() - 1;
            BasicFileAttributes attrs = attributes(at);
            if (attrs == null) {
                break; // the rest does not exist yet: nothing to follow
            }
            String shown = root.relativize(at).toString().replace('\\', '/');
            if (attrs.isSymbolicLink()) {
                throw new IllegalArgumentException(what + " at " + relative + ": " + shown + " is a symbolic link;"
                        + " graph-memory never writes through links (the indexer never follows them either), so"
                        + " make " + shown + " a real " + (last ? "file" : "folder") + " inside the repository or"
                        + " choose another knowledge folder");
            }
            if (last ? !attrs.isRegularFile() : !attrs.isDirectory()) {
                throw new IllegalArgumentException(
                        what + " at " + relative + ": " + shown + " is not a " + (last ? "regular file" : "folder"));
            }
        }
        return target;
    }

    /**
     * Writes {@code text} to the file at a repository-relative path, after the checks of
     * {@link #writable}: missing folders are created one by one (never through a link), the text
     * goes to an exclusively created file with a random name in the target folder, and that file is
     * renamed over the target atomically (a plain replacing rename where the file system has no
     * atomic one).
     *
     * @throws IllegalArgumentException when a check refuses the path
     * @throws UncheckedIOException when the file system fails
     */
    public void write(String what, String relative, String text) {
        Path target = writable(what, relative);
        Path folder = target.getParent();
        Path tmp = null;
        try {
            createFolders(what, relative, folder);
            if (!folder.toRealPath().equals(folder)) {
                throw new IllegalArgumentException(what + " at " + relative + ": its folder moved behind a symbolic"
                        + " link while writing; nothing was written");
            }
            tmp = folder.resolve(
                    "." + target.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
            try (SeekableByteChannel out = Files.newByteChannel(
                    tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + relative + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a leftover hidden .tmp file is harmless: never a knowledge document
                }
            }
        }
    }

    /** Whether a regular file (not a link, below no linked folder) exists at a repository-relative path. */
    public boolean isPlainFile(String relative) {
        Path target = root.resolve(relative).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            return false;
        }
        Path relPath = root.relativize(target);
        Path at = root;
        for (int i = 0; i < relPath.getNameCount(); i++) {
            at = at.resolve(relPath.getName(i));
            BasicFileAttributes attrs = attributes(at);
            boolean last = i == relPath.getNameCount() - 1;
            if (attrs == null || attrs.isSymbolicLink() || (last ? !attrs.isRegularFile() : !attrs.isDirectory())) {
                return false;
            }
        }
        return true;
    }

    /** Whether anything (a file, a folder, a link, even a dangling one) is at a repository-relative path. */
    public boolean exists(String relative) {
        Path target = root.resolve(relative).normalize();
        return target.startsWith(root) && Files.exists(target, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Another entry of the same folder whose name differs from the path's only in case (e.g.
     * {@code bugs/bug-001.md} beside {@code bugs/BUG-001.md}): on a case-insensitive file system the
     * two are one file.
     *
     * @return its repository-relative path
     */
    public Optional<String> caseVariant(String relative) {
        Path target = root.resolve(relative).normalize();
        Path folder = target.getParent();
        if (!target.startsWith(root) || folder == null || !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        String name = target.getFileName().toString();
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString())
                    .filter(n -> n.equalsIgnoreCase(name) && !n.equals(name))
                    .sorted()
                    .findFirst()
                    .map(n -> root.relativize(folder.resolve(n)).toString().replace('\\', '/'));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void createFolders(String what, String relative, Path folder) throws IOException {
        Path at = root;
        for (Path name : root.relativize(folder)) {
            at = at.resolve(name);
            try {
                Files.createDirectory(at);
            } catch (FileAlreadyExistsException e) {
                BasicFileAttributes attrs = attributes(at);
                if (attrs == null || attrs.isSymbolicLink() || !attrs.isDirectory()) {
                    throw new IllegalArgumentException(what + " at " + relative + ": "
                            + root.relativize(at).toString().replace('\\', '/')
                            + " is not a real folder (a symbolic link or a file); nothing was written");
                }
            }
        }
    }

    private static BasicFileAttributes attributes(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null;
        }
    }
}
