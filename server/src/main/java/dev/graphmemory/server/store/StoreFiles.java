package dev.graphmemory.server.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * The files of {@code <repo>/.graph-memory/}: the Neo4j home, the generated credentials (readable
 * by the user alone), and the entry in git's {@code info/exclude} that keeps the folder out of
 * {@code git status}.
 */
final class StoreFiles {
    static final String DIR = ".graph-memory";
    static final String EXCLUDE_LINE = "/" + DIR + "/";

    private final Path repoRoot;
    private final Path dir;

    StoreFiles(Path repoRoot) {
        this.repoRoot = repoRoot;
        this.dir = repoRoot.resolve(DIR);
    }

    Path dir() {
        return dir;
    }

    Path neo4jHome() {
        return dir.resolve("neo4j");
    }

    Path ownerFile() {
        return dir.resolve("owner.json");
    }

    /** Creates the folder (user-only) and lists it in git's exclude file. */
    void prepare() {
        try {
            Files.createDirectories(dir);
            restrict(dir, "rwx------");
            excludeFromGit();
        } catch (IOException e) {
            throw new StoreException("cannot create the store folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The password of the embedded store's {@code neo4j} user, generated on first use. */
    String password() {
        Path file = dir.resolve("credentials");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.writeString(file, "", StandardOpenOption.CREATE_NEW);
            restrict(file, "rw-------");
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
            return password;
        } catch (IOException e) {
            throw new StoreException("cannot read or create the credentials file " + file + ": " + e.getMessage(), e);
        }
    }

    private void excludeFromGit() throws IOException {
        Path common = gitCommonDir();
        if (common == null) {
            return;
        }
        Path exclude = common.resolve("info").resolve("exclude");
        Files.createDirectories(exclude.getParent());
        List<String> lines = Files.exists(exclude) ? Files.readAllLines(exclude, StandardCharsets.UTF_8) : List.of();
        if (lines.stream()
                .map(String::trim)
                .noneMatch(l -> l.equals(EXCLUDE_LINE) || l.equals(DIR) || l.equals(DIR + "/"))) {
            String prefix = lines.isEmpty() || Files.size(exclude) == 0 ? "" : "\n";
            Files.writeString(
                    exclude,
                    prefix + "# graph-memory's store\n" + EXCLUDE_LINE + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }

    /** The git folder that holds {@code info/exclude}: {@code .git}, or a worktree's common dir. */
    private Path gitCommonDir() throws IOException {
        Path dotGit = repoRoot.resolve(".git");
        if (Files.isDirectory(dotGit)) {
            return dotGit;
        }
        if (!Files.isRegularFile(dotGit)) {
            return null;
        }
        String content = Files.readString(dotGit).trim();
        if (!content.startsWith("gitdir:")) {
            return null;
        }
        Path gitDir =
                repoRoot.resolve(content.substring("gitdir:".length()).trim()).normalize();
        Path commonDirFile = gitDir.resolve("commondir");
        if (Files.exists(commonDirFile)) {
            return gitDir.resolve(Files.readString(commonDirFile).trim()).normalize();
        }
        return gitDir;
    }

    static void restrict(Path path, String perms) {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            try {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(perms));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
