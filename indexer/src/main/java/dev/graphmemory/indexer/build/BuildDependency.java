package dev.graphmemory.indexer.build;

import java.util.Objects;

/**
 * A dependency of one build module on another module of the same build, as its build file declares
 * it.
 *
 * @param module the {@link BuildModule#name()} of the module depended on
 * @param configuration the Gradle configuration ({@code api}, {@code implementation}, {@code
 *     testImplementation}, {@code testFixturesApi}, ...) or the Maven scope ({@code compile} when
 *     none is given, {@code test}, {@code provided}, {@code runtime}, ...)
 * @param testFixtures whether the dependency is on the other module's test code rather than its main
 *     code: Gradle {@code testFixtures(project(...))}, Maven {@code <type>test-jar</type>} or {@code
 *     <classifier>tests</classifier>}
 */
public record BuildDependency(String module, String configuration, boolean testFixtures) {
    public BuildDependency {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(configuration, "configuration");
        if (module.isBlank() || configuration.isBlank()) {
            throw new IllegalArgumentException("a build dependency needs a module and a configuration, given '" + module
                    + "' and '" + configuration + "'");
        }
    }
}
