package dev.graphmemory.indexer.build;

import dev.graphmemory.indexer.walk.InsideRepo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The build modules of a repository, read statically from its build files: the modules of a Maven
 * reactor and the projects of a Gradle multi-project build, with the dependencies each declares on
 * the others, and for any file the module and source set it belongs to.
 *
 * <p>Read: the root {@code pom.xml} and its {@code <modules>} recursively (profiles included, as if
 * all were active), each module's artifactId and groupId (inherited from {@code <parent>}) and its
 * {@code <dependencies>} on other reactor modules with their scope and whether they name the test-jar;
 * {@code settings.gradle(.kts)} includes, {@code projectDir} moves and {@code rootProject.name}, and
 * in each project's build script the {@code project(...)} dependencies in {@code dependencies}
 * blocks, with their configuration and whether they name the test fixtures. A root project is a module
 * only when it has sources of its own ({@code src/main} or {@code src/test}).
 *
 * <p>Not read, and never guessed, because only running the build would tell: dependencies declared
 * through variables, loops, functions or plugins (e.g. {@code project(it.path)}, {@code
 * add(configurationName, ...)}, {@code subprojects}/{@code allprojects}/{@code configure(...)}
 * blocks); Gradle type-safe project accessors ({@code projects.core}) and version catalogs ({@code
 * libs.xxx}); included builds ({@code includeBuild}) and {@code includeFlat}; projects whose names or
 * folders are computed; Maven properties other than {@code ${project.groupId}} and {@code
 * ${project.parent.groupId}}, profile activation, custom source folders ({@code <sourceDirectory>},
 * Gradle {@code sourceSets { srcDir }}), and every dependency outside the build (libraries). Where the
 * reader meets something it cannot read (a malformed POM, an include of a computed name, a dependency
 * on a project the settings omit) it records a {@link #warnings() warning} and reads on.
 *
 * <p>Design notes: the reader never opens a path itself; it reads through {@link RepoFiles}, by
 * default {@link RepoFiles#inside(InsideRepo)}, so every read stays inside the repository, links
 * included. Build files over {@link RepoFiles#MAX_BYTES} are skipped, at most {@link
 * BuildReading#MAX_MODULES} modules are read per tool, each POM once (which ends {@code <module>}
 * cycles), and no module path may lead out of the repository.
 */
public final class BuildModules {
    /** A multi-release folder such as {@code java21}: part of the source set's name. */
    private static final Pattern RELEASE_FOLDER = Pattern.compile("(?:java|kotlin|groovy|scala)-?\\d+");

    private final List<BuildModule> modules;
    private final List<String> warnings;

    private BuildModules(List<BuildModule> modules, List<String> warnings) {
        this.modules = List.copyOf(modules);
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Reads the build of the repository at {@code root}, through {@link InsideRepo}.
     *
     * @throws java.io.UncheckedIOException when the root itself cannot be resolved
     */
    public static BuildModules read(Path root) {
        return read(RepoFiles.inside(new InsideRepo(root)));
    }

    /** Reads the build of a repository from its files; never throws for what the files say. */
    public static BuildModules read(RepoFiles files) {
        BuildReading reading = new BuildReading(files);
        List<BuildModule> modules = new ArrayList<>(new MavenReactorReader(reading).read());
        modules.addAll(new GradleBuildReader(reading).read());
        return new BuildModules(modules, reading.warnings());
    }

    /** The modules: Maven ones first, each build in the order its files declare them. */
    public List<BuildModule> modules() {
        return modules;
    }

    /** The module with a name ({@code :spring-core}, a Maven artifactId). */
    public Optional<BuildModule> module(String name) {
        return modules.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /**
     * The module a file or folder belongs to: the one whose folder is the longest prefix of its path
     * (the first listed, when a Maven and a Gradle module share a folder).
     *
     * @param relativePath relative to the repository root; {@code \} is read as {@code /}
     * @return empty when the path lies outside every module (and the root is no module)
     */
    public Optional<BuildModule> moduleOf(String relativePath) {
        return holding(modules, normalize(relativePath));
    }

    /** Of {@code modules}, the one whose folder is the longest prefix of {@code path} (the first of equals). */
    static Optional<BuildModule> holding(List<BuildModule> modules, String path) {
        BuildModule best = null;
        for (BuildModule m : modules) {
            if (m.contains(path)
                    && (best == null || m.path().length() > best.path().length())) {
                best = m;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The source set of a path relative to its module's folder: the folder after {@code src/}
     * ({@code main}, {@code test}, {@code testFixtures}, {@code jmh}, ...), followed by a
     * multi-release language folder when there is one ({@code src/main/java21/A.java} gives {@code
     * main/java21}; {@code src/main/java/A.java} and {@code src/main/resources/a.txt} give {@code
     * main}). A path not under {@code src/<set>/} (a build file, a README) gives {@code main}.
     */
    public static String sourceSet(String relativePath) {
        String[] names = normalize(relativePath).split("/");
        if (names.length < 3 || !names[0].equals("src")) {
            return "main";
        }
        boolean releaseFolder =
                names.length > 3 && RELEASE_FOLDER.matcher(names[2]).matches();
        return releaseFolder ? names[1] + "/" + names[2] : names[1];
    }

    /**
     * What could not be read, each naming the file and what was expected there (a malformed POM, a
     * missing module folder, a computed include, ...).
     */
    public List<String> warnings() {
        return warnings;
    }

    private static String normalize(String relativePath) {
        String path = Objects.requireNonNull(relativePath, "relativePath").replace('\\', '/');
        while (path.startsWith("./")) {
            path = path.substring(2);
        }
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    @Override
    public String toString() {
        return "BuildModules" + modules.stream().map(BuildModule::name).toList()
                + (warnings.isEmpty() ? "" : " with " + warnings.size() + " warnings");
    }
}
