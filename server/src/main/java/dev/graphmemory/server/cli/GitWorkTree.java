package dev.graphmemory.server.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds a git working tree and its git folder by looking at files only, as git does: the nearest
 * folder upwards holding a {@code .git} folder (with a {@code HEAD}) or a {@code .git} file
 * ({@code gitdir: <path>}, in linked worktrees and submodules). Every CLI command starts by
 * finding its repository; doing it without JGit keeps JGit's classes out of commands that do not
 * otherwise need them (they are signed, so no start-up archive holds them).
 */
final class GitWorkTree {
    private static final List<String> BUSY =
            List.of("rebase-merge", "rebase-apply", "MERGE_HEAD", "CHERRY_PICK_HEAD", "REVERT_HEAD");

    private GitWorkTree() {}

    /** The working tree holding {@code start}, or empty when there is none. */
    static Optional<Path> root(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (gitDir(dir).isPresent()) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    /** The git folder of the working tree {@code root}, when {@code root/.git} names a valid one. */
    static Optional<Path> gitDir(Path root) {
        Path dotGit = root.resolve(".git");
        if (Files.isDirectory(dotGit)) {
            return Files.isRegularFile(dotGit.resolve("HEAD")) ? Optional.of(dotGit) : Optional.empty();
        }
        if (!Files.isRegularFile(dotGit)) {
            return Optional.empty();
        }
        try {
            String text = Files.readString(dotGit, StandardCharsets.UTF_8).strip();
            if (!text.startsWith("gitdir:")) {
                return Optional.empty();
            }
            Path dir = root.resolve(text.substring("gitdir:".length()).strip()).normalize();
            return Files.isRegularFile(dir.resolve("HEAD")) ? Optional.of(dir) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether git is in the middle of a rebase, merge, cherry-pick or revert in this working tree. */
    static boolean busy(Path root) {
        return gitDir(root)
                .map(dir -> BUSY.stream().anyMatch(f -> Files.exists(dir.resolve(f))))
                .orElse(false);
    }
}
