package dev.graphmemory.indexer.build;

import static dev.graphmemory.indexer.build.MavenReactorReaderTest.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradleBuildReaderTest {
    @TempDir
    Path tmp;

    /** A Groovy DSL build shaped like the Spring Framework's: one {@code <name>.gradle} per project. */
    Path springLike() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("spring"));
        write(root, "settings.gradle", """
                pluginManagement {
                	repositories { gradlePluginPortal() }
                }
                include "spring-aop"
                include "spring-beans"
                include 'spring-core', "framework-bom"
                // include "spring-old"
                /* include "spring-older" */

                rootProject.name = "spring"
                rootProject.children.each {project ->
                	project.buildFileName = "${project.name}.gradle"
                }
                """);
        write(root, "build.gradle", """
                configure(allprojects - project(":framework-bom")) { project ->
                	dependencies {
                		testImplementation(project(":spring-core"))
                	}
                }
                """);
        write(root, "src/checkstyle/checkstyle.xml", "<module/>"); // a src folder, but no sources
        write(root, "spring-aop/spring-aop.gradle", """
                description = "Spring AOP"

                dependencies {
                	api(project(":spring-beans"))
                	api(project(":spring-core"))
                	optional(project(":spring-beans"))   // for "//" and /* in a comment: api(project(":spring-old"))
                	optional("org.apache.commons:commons-pool2") // a library: not a module
                	optional(files("lib//local.jar"))
                	// api(project(":spring-old"))
                	/*
                	testImplementation(project(":spring-older"))
                	*/
                	testImplementation(testFixtures(project(":spring-core")))
                	testImplementation("https://example.org/*not-a-comment*/")
                	testImplementation(project(":spring-beans")) {
                		exclude group: "org.example"
                	}
                }
                def output = project(":spring-core").sourceSets.main.output
                """);
        write(root, "spring-aop/src/main/java/org/springframework/aop/Advice.java", "interface Advice {}");
        write(root, "spring-beans/spring-beans.gradle", """
                dependencies {
                	api project(':spring-core')
                	testFixturesApi(project(path: ":spring-core"))
                	compileOnly project(path: ':spring-old')
                }
                """);
        write(root, "spring-core/spring-core.gradle", "description = 'Spring Core'\n");
        write(root, "spring-core/src/main/java21/org/springframework/core/Threads.java", "class Threads {}");
        write(root, "framework-bom/framework-bom.gradle", """
                dependencies {
                	constraints {
                		parent.moduleProjects.sort { "$it.name" }.each {
                			api project(it.path)
                		}
                	}
                }
                """);
        return root;
    }

    @Test
    void readsASpringLikeGroovyBuildWithOneNamedBuildFilePerProject() throws Exception {
        BuildModules build = BuildModules.read(springLike());

        assertThat(build.modules())
                .containsExactly(
                        new BuildModule(
                                ":spring-aop",
                                "spring-aop",
                                "gradle",
                                "spring-aop/spring-aop.gradle",
                                List.of(
                                        new BuildDependency(":spring-beans", "api", false),
                                        new BuildDependency(":spring-core", "api", false),
                                        new BuildDependency(":spring-beans", "optional", false),
                                        new BuildDependency(":spring-core", "testImplementation", true),
                                        new BuildDependency(":spring-beans", "testImplementation", false))),
                        new BuildModule(
                                ":spring-beans",
                                "spring-beans",
                                "gradle",
                                "spring-beans/spring-beans.gradle",
                                List.of(
                                        new BuildDependency(":spring-core", "api", false),
                                        new BuildDependency(":spring-core", "testFixturesApi", false))),
                        new BuildModule(
                                ":spring-core", "spring-core", "gradle", "spring-core/spring-core.gradle", List.of()),
                        new BuildModule(
                                ":framework-bom",
                                "framework-bom",
                                "gradle",
                                "framework-bom/framework-bom.gradle",
                                List.of()));
        assertThat(build.warnings())
                .containsExactly("spring-beans/spring-beans.gradle: :spring-beans depends on project :spring-old, which"
                        + " is not a project of this build; expected a project the settings include, the dependency"
                        + " is left out");
    }

    /** A Kotlin DSL build: includes over several lines, a moved project, an implicit parent. */
    Path kotlinBuild() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("kotlin"));
        write(root, "settings.gradle.kts", """
                rootProject.name = "demo"
                include(":app", ":lib:util")
                include(
                    ":lib:io",  // the io library
                    "tools"
                )
                project(":tools").projectDir = file("build-tools/tools")
                listOf("x", "y").forEach { include(it) }
                includeBuild("plugins")
                """);
        write(root, "build.gradle.kts", """
                subprojects {
                    dependencies { "testImplementation"(project(":lib:io")) }
                }
                project(":app") {
                    dependencies { "runtimeOnly"(project(":lib:io")) }
                }
                """);
        write(root, "src/main/kotlin/Root.kt", "object Root");
        write(root, "app/build.gradle.kts", """
                plugins { application }
                dependencies {
                    implementation(project(":lib:util"))
                    testImplementation(testFixtures(project(":lib:util")))
                    add("runtimeOnly", project(path = ":tools"))
                    implementation(libs.guava)
                    implementation(projects.lib.io)
                    /* nested /* comments */ implementation(project(":lib:io")) */
                    implementation(project(":missing"))
                }
                """);
        write(root, "lib/util/build.gradle.kts", "dependencies {\n    api(project(\":lib:io\"))\n}\n");
        write(root, "lib/io/build.gradle.kts", "plugins { `java-library` }\n");
        write(root, "build-tools/tools/build.gradle.kts", "plugins { java }\n");
        return root;
    }

    @Test
    void readsAKotlinBuildWithAMovedProjectAndLeavesOutAParentWithoutFilesOfItsOwn() throws Exception {
        BuildModules build = BuildModules.read(kotlinBuild());

        assertThat(build.modules())
                .containsExactly(
                        new BuildModule(":", "", "gradle", "build.gradle.kts", List.of()),
                        new BuildModule(
                                ":app",
                                "app",
                                "gradle",
                                "app/build.gradle.kts",
                                List.of(
                                        new BuildDependency(":lib:util", "implementation", false),
                                        new BuildDependency(":lib:util", "testImplementation", true),
                                        new BuildDependency(":tools", "runtimeOnly", false),
                                        new BuildDependency(":lib:io", "runtimeOnly", false))),
                        new BuildModule(
                                ":lib:util",
                                "lib/util",
                                "gradle",
                                "lib/util/build.gradle.kts",
                                List.of(new BuildDependency(":lib:io", "api", false))),
                        new BuildModule(":lib:io", "lib/io", "gradle", "lib/io/build.gradle.kts", List.of()),
                        new BuildModule(
                                ":tools",
                                "build-tools/tools",
                                "gradle",
                                "build-tools/tools/build.gradle.kts",
                                List.of()));
        assertThat(build.warnings())
                .containsExactly(
                        "settings.gradle.kts line 8: include(it) } is not read; expected"
                                + " quoted project paths (computed includes are not evaluated)",
                        "app/build.gradle.kts: :app depends on project :missing, which is not a project of this"
                                + " build; expected a project the settings include, the dependency is left out");
    }

    @Test
    void findsTheModuleAndSourceSetOfAFile() throws Exception {
        BuildModules kotlin = BuildModules.read(kotlinBuild());
        assertThat(kotlin.moduleOf("lib/util/src/testFixtures/kotlin/Fixture.kt"))
                .map(BuildModule::name)
                .hasValue(":lib:util");
        assertThat(kotlin.moduleOf("build-tools/tools/src/main/java/T.java"))
                .map(BuildModule::name)
                .hasValue(":tools");
        assertThat(kotlin.moduleOf("lib/README.md")).map(BuildModule::name).hasValue(":");
        assertThat(kotlin.moduleOf("app")).map(BuildModule::name).hasValue(":app");

        BuildModules spring = BuildModules.read(springLike());
        String threads = "spring-core/src/main/java21/org/springframework/core/Threads.java";
        BuildModule core = spring.moduleOf(threads).orElseThrow();
        assertThat(core.name()).isEqualTo(":spring-core");
        assertThat(BuildModules.sourceSet(core.relativize(threads))).isEqualTo("main/java21");
        assertThat(spring.moduleOf("spring-core-test/src/main/java/A.java")).isEmpty();
        assertThat(spring.moduleOf("buildSrc/build.gradle")).isEmpty();
        assertThat(spring.moduleOf("spring-aop\\src\\main\\java\\A.java"))
                .map(BuildModule::name)
                .hasValue(":spring-aop");
    }
}
