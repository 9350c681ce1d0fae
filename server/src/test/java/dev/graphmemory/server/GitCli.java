package dev.graphmemory.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code git} command (hooks run only under it), with a fixed identity and dates. */
record GitCli(int exitCode, String output) {
    static GitCli run(Path repo, Map<String, String> env, String... args) {
        List<String> command =
                new ArrayList<>(List.of("git", "-c", "user.name=Test", "-c", "user.email=t@example.com"));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("gm-git", ".txt");
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(repo.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile());
            pb.environment().put("GIT_EDITOR", "true");
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            return new GitCli(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static GitCli run(Path repo, String... args) {
        return run(repo, Map.of(), args);
    }

    /** Runs and requires success. */
    static String ok(Path repo, String... args) {
        GitCli r = run(repo, args);
        if (r.exitCode() != 0) {
            throw new AssertionError("git " + String.join(" ", args) + " failed: " + r.output());
        }
        return r.output();
    }
}
