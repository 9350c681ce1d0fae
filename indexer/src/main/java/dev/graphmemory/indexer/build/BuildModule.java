package dev.graphmemory.indexer.build;

import java.util.List;
import java.util.Objects;

/**
 * One module of a repository's build: a Maven reactor module or a Gradle project.
 *
 * @param name the Gradle project path ({@code :spring-core}, {@code :lib:util}, {@code :} for the root
 *     project) or the Maven artifactId
 * @param path the module's folder relative to the repository root, {@code /}-separated, {@code ""} for
 *     the root
 * @param tool {@link #MAVEN} or {@link #GRADLE}
 * @param buildFile the module's build file relative to the repository root ({@code pom.xml}, {@code
 *     spring-aop/spring-aop.gradle}), {@code ""} for a Gradle project that has none of its own
 * @param dependencies the module's dependencies on other modules of the same build, in the order its
 *     build file declares them, each once
 */
public record BuildModule(String name, String path, String tool, String buildFile, List<BuildDependency> dependencies) {
    public static final String MAVEN = "maven";
    public static final String GRADLE = "gradle";

    public BuildModule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(buildFile, "buildFile");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a build module needs a name, given a blank one at '" + path + "'");
        }
        if (path.startsWith("/") || path.endsWith("/") || path.contains("\\")) {
            throw new IllegalArgumentException("module " + name + ": path '" + path
                    + "' must be relative to the repository root with '/' separators and no trailing '/'");
        }
        if (!MAVEN.equals(tool) && !GRADLE.equals(tool)) {
            throw new IllegalArgumentException(
                    "module " + name + ": tool must be '" + MAVEN + "' or '" + GRADLE + "', given '" + tool + "'");
        }
        dependencies = List.copyOf(dependencies);
    }

    /** Whether a repository-relative, {@code /}-separated path lies in this module's folder. */
    public boolean contains(String relativePath) {
        return path.isEmpty() || relativePath.equals(path) || relativePath.startsWith(path + "/");
    }

    /**
     * A repository-relative path made relative to this module's folder, e.g. {@code
     * spring-core/src/main/java/A.java} to {@code src/main/java/A.java}.
     *
     * @throws IllegalArgumentException when the path is not in this module's folder
     */
    public String relativize(String relativePath) {
        if (!contains(relativePath)) {
            throw new IllegalArgumentException(
                    "'" + relativePath + "' is not in the folder '" + path + "' of module " + name);
        }
        if (path.isEmpty()) {
            return relativePath;
        }
        return relativePath.equals(path) ? "" : relativePath.substring(path.length() + 1);
    }
}
