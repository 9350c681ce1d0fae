package dev.graphmemory.indexer.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.indexer.build.GradleDependencies.Declared;
import org.junit.jupiter.api.Test;

class GradleDependenciesTest {
    @Test
    void readsPlatformsQualifiedCallsAndPathsRelativeToTheProject() {
        String script = """
                dependencies {
                    api(enforcedPlatform(dependencies.project(path: ":platform")))
                    implementation project("util")
                    testImplementation project(configuration: 'tests', path: ':core')
                    add('runtimeOnly', project(':core'))
                }
                """;

        assertThat(GradleDependencies.read("lib/build.gradle", script, ":lib"))
                .containsExactly(
                        new Declared(":lib", ":platform", "api", false),
                        new Declared(":lib", ":lib:util", "implementation", false),
                        new Declared(":lib", ":core", "testImplementation", false),
                        new Declared(":lib", ":core", "runtimeOnly", false));
    }

    @Test
    void keepsBracesAndCommentMarkersInsideStringsFromEndingABlockOrHidingADependency() {
        String script = """
                def banner = '''// not a comment { '''
                dependencies {
                    implementation("a:b:1") { because "a } in a string" }
                    api(project(":one")) // trailing comment with project(":two")
                    implementation("http://example.org/*"); api(project(":three")) /* */
                }
                project(':app') {
                    dependencies { runtimeOnly project('sub') }
                }
                allprojects { dependencies { api(project(":four")) } }
                tasks.named("jar") { dependsOn(project(":five").tasks.named("jar")) }
                """;

        assertThat(GradleDependencies.read("build.gradle", script, ":"))
                .containsExactly(
                        new Declared(":", ":one", "api", false),
                        new Declared(":", ":three", "api", false),
                        new Declared(":app", ":app:sub", "runtimeOnly", false));
    }
}
