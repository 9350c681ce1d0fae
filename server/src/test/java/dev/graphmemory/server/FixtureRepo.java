package dev.graphmemory.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Builds a real git repository in a temp folder from {@code src/test/resources/fixtures/<name>}, in
 * three commits: the code, a fix that names a work unit, and the knowledge documents.
 */
final class FixtureRepo {
    static final String FIX_MESSAGE = "[WU-281] Fix authentication timeout";

    private FixtureRepo() {}

    static Path workflowRepo(Path dir) {
        try (Git git =
                Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            Path source = Path.of(
                    FixtureRepo.class.getResource("/fixtures/workflow-repo").toURI());
            copy(source, dir);
            commit(git, List.of("src", "pom.xml"), "Initial import", 1);
            Path handler = dir.resolve("src/main/java/com/acme/auth/Handler.java");
            Files.writeString(handler, "// warmed cache\n", StandardOpenOption.APPEND);
            Path cache = dir.resolve("src/main/java/com/acme/auth/TokenCache.java");
            Files.writeString(cache, "// filled eagerly\n", StandardOpenOption.APPEND);
            commit(git, List.of("src"), FIX_MESSAGE, 2);
            commit(git, List.of(".claude", "work-units", "bugs", "docs"), "Record BUG-ARCH-014 and its decisions", 3);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The module {@link #workflowRepoWithPlantedGap} plants: an exporter only its test uses. */
    static final String PLANTED_GAP = "src/main/java/com/acme/report/Exporter.java";

    /**
     * {@link #workflowRepo} with a fourth commit that plants one integration gap, {@link #PLANTED_GAP},
     * which only its test reaches.
     */
    static Path workflowRepoWithPlantedGap(Path dir) {
        workflowRepo(dir);
        try (Git git = Git.open(dir.toFile())) {
            Path exporter = dir.resolve(PLANTED_GAP);
            Files.createDirectories(exporter.getParent());
            Files.writeString(exporter, "package com.acme.report;\npublic class Exporter { public void run() {} }\n");
            Path test = dir.resolve("src/test/java/com/acme/report/ExporterTest.java");
            Files.createDirectories(test.getParent());
            Files.writeString(
                    test, "package com.acme.report;\nclass ExporterTest { void runs() { new Exporter().run(); } }\n");
            commit(git, List.of("src"), "Add the report exporter, not wired yet", 5);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fixture {@code name} as a repository with everything in one commit. */
    static Path committed(String name, Path dir) {
        try (Git git =
                Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            copy(Path.of(FixtureRepo.class.getResource("/fixtures/" + name).toURI()), dir);
            commit(git, List.of("."), "Import " + name, 1);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A committed Java repository of {@code classes} classes of {@code methods} methods each, every
     * method calling a method of the next class: enough rows that the writer splits its batches of
     * nodes and of relationships between two threads.
     */
    static Path manyCalls(Path dir, int classes, int methods) {
        try (Git git =
                Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            Path pkg = Files.createDirectories(dir.resolve("src/main/java/big"));
            for (int c = 0; c < classes; c++) {
                StringBuilder java = new StringBuilder("package big;\n\npublic class C" + c + " {\n");
                for (int m = 0; m < methods; m++) {
                    java.append("    public static void m")
                            .append(m)
                            .append("() { C")
                            .append((c + 1) % classes)
                            .append(".m")
                            .append((m + 1) % methods)
                            .append("(); }\n");
                }
                Files.writeString(pkg.resolve("C" + c + ".java"), java.append("}\n"));
            }
            commit(git, List.of("."), "Generate " + classes + " classes", 1);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void commit(Git git, List<String> paths, String message, int minute) throws GitAPIException {
        for (String p : paths) {
            git.add().addFilepattern(p).call();
        }
        PersonIdent who = new PersonIdent(
                "Fixture Author",
                "fixture@example.com",
                Instant.parse("2026-01-01T10:0" + minute + ":00Z"),
                java.time.ZoneOffset.UTC);
        git.commit()
                .setMessage(message)
                .setAuthor(who)
                .setCommitter(who)
                .setSign(false)
                .call();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
