package dev.graphmemory.indexer.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MavenReactorReaderTest {
    @TempDir
    Path tmp;

    static void write(Path root, String relative, String text) throws Exception {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    static String pom(String parentGroup, String groupId, String artifactId, String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                """
                + (parentGroup == null
                        ? ""
                        : "  <parent><groupId>" + parentGroup + "</groupId><artifactId>acme-parent</artifactId>"
                                + "<version>1</version></parent>\n")
                + (groupId == null ? "" : "  <groupId>" + groupId + "</groupId>\n")
                + "  <artifactId>" + artifactId + "</artifactId>\n"
                + body
                + "\n</project>\n";
    }

    static String dependency(String groupId, String artifactId, String more) {
        return "<dependency>" + (groupId == null ? "" : "<groupId>" + groupId + "</groupId>") + "<artifactId>"
                + artifactId + "</artifactId>" + more + "</dependency>\n";
    }

    Path reactor() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("repo"));
        write(
                root,
                "pom.xml",
                pom(null, "com.acme", "acme-parent", """
                <packaging>pom</packaging>
                <modules>
                  <module>core</module>
                  <module>services</module>
                  <module>broken</module>
                  <module>missing</module>
                  <module>../outside</module>
                </modules>
                <profiles><profile><id>extras</id><modules><module>extras/extras-pom.xml</module></modules></profile></profiles>
                <dependencyManagement><dependencies>
                """ + dependency("com.acme", "services-api", "") + """
                </dependencies></dependencyManagement>
                """));
        write(root, "src/site/site.xml", "<project/>"); // a src folder, but no sources
        write(
                root,
                "core/pom.xml",
                pom(
                        "com.acme",
                        null,
                        "core",
                        "<dependencies>" + dependency("org.junit.jupiter", "junit-jupiter", "<scope>test</scope>")
                                + "</dependencies>"));
        write(root, "core/src/main/java/com/acme/Core.java", "class Core {}");
        write(root, "services/pom.xml", pom("com.acme", null, "services", """
                <packaging>pom</packaging>
                <modules><module>api</module><module>impl/pom.xml</module><module>..</module><module>../core</module></modules>
                """));
        write(
                root,
                "services/api/pom.xml",
                pom(
                        "com.acme",
                        null,
                        "services-api",
                        "<dependencies>"
                                + dependency("${project.groupId}", "core", "<version>${project.version}</version>")
                                + "</dependencies>"));
        write(
                root,
                "services/impl/pom.xml",
                pom(
                        "com.acme",
                        "com.acme",
                        "services-impl",
                        "<dependencies>"
                                + dependency("com.acme", "services-api", "<scope>provided</scope>")
                                + dependency(null, "core", "")
                                + dependency("com.acme", "core", "<type>test-jar</type><scope>test</scope>")
                                + dependency("com.other", "core", "")
                                + dependency("org.slf4j", "slf4j-api", "")
                                + "</dependencies>"
                                + "<build><plugins><plugin><artifactId>p</artifactId><dependencies>"
                                + dependency("com.acme", "extras", "") + "</dependencies></plugin></plugins></build>"));
        write(root, "broken/pom.xml", "<project><artifactId>broken</artifactId><dependencies></project>");
        write(
                root,
                "extras/extras-pom.xml",
                pom(
                        "com.acme",
                        null,
                        "extras",
                        "<profiles><profile><dependencies>"
                                + dependency("com.acme", "core", "<classifier>tests</classifier><scope>runtime</scope>")
                                + "</dependencies></profile></profiles>"));
        write(tmp, "outside/pom.xml", pom(null, "com.acme", "outside", ""));
        return root;
    }

    @Test
    void readsTheReactorModulesAndTheirDependenciesOnEachOther() throws Exception {
        BuildModules build = BuildModules.read(reactor());

        assertThat(build.modules())
                .containsExactly(
                        new BuildModule("core", "core", "maven", "core/pom.xml", List.of()),
                        new BuildModule("services", "services", "maven", "services/pom.xml", List.of()),
                        new BuildModule(
                                "services-api",
                                "services/api",
                                "maven",
                                "services/api/pom.xml",
                                List.of(new BuildDependency("core", "compile", false))),
                        new BuildModule(
                                "services-impl",
                                "services/impl",
                                "maven",
                                "services/impl/pom.xml",
                                List.of(
                                        new BuildDependency("services-api", "provided", false),
                                        new BuildDependency("core", "compile", false),
                                        new BuildDependency("core", "test", true))),
                        new BuildModule(
                                "extras",
                                "extras",
                                "maven",
                                "extras/extras-pom.xml",
                                List.of(new BuildDependency("core", "runtime", true))));
    }

    @Test
    void warnsAboutWhatItCannotReadAndReadsOn() throws Exception {
        BuildModules build = BuildModules.read(reactor());

        assertThat(build.warnings())
                .satisfiesExactly(
                        w -> assertThat(w)
                                .isEqualTo("pom.xml: module '../outside' does not name a folder or POM below the"
                                        + " reactor root inside the repository; not read"),
                        w -> assertThat(w)
                                .startsWith("broken/pom.xml: not well-formed XML at line 1")
                                .endsWith("expected a Maven POM, so this module and the modules it lists are not read"),
                        w -> assertThat(w)
                                .isEqualTo("pom.xml: module 'missing' names missing/pom.xml, which does not exist;"
                                        + " expected a Maven POM there"));
    }

    @Test
    void includesTheRootOnlyWhenItHasSourcesOfItsOwn() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("single"));
        write(root, "pom.xml", pom(null, "com.acme", "single", ""));
        write(root, "src/test/java/ATest.java", "class ATest {}");

        assertThat(BuildModules.read(root).modules())
                .containsExactly(new BuildModule("single", "", "maven", "pom.xml", List.of()));
        assertThat(BuildModules.read(reactor()).module("acme-parent")).isEmpty();
    }

    @Test
    void refusesDoctypesSoNoExternalEntityIsEverLoaded() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("xxe"));
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "TOP-SECRET");
        write(
                root,
                "pom.xml",
                "<?xml version=\"1.0\"?>\n<!DOCTYPE project [<!ENTITY s SYSTEM \"" + secret.toUri()
                        + "\">]>\n<project><groupId>g</groupId><artifactId>&s;</artifactId></project>");
        write(root, "src/main/java/A.java", "class A {}");

        BuildModules build = BuildModules.read(root);

        assertThat(build.modules()).isEmpty();
        assertThat(build.warnings())
                .singleElement()
                .asString()
                .startsWith("pom.xml: not well-formed XML at line 2")
                .contains("DOCTYPE")
                .doesNotContain("TOP-SECRET");
    }

    @Test
    void readsNothingThroughALinkThatLeadsOutOfTheRepositoryNorAnOversizedPom() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("linked"));
        write(
                root,
                "pom.xml",
                pom(
                        null,
                        "com.acme",
                        "acme-parent",
                        "<modules><module>out</module>" + "<module>big</module></modules>"));
        write(tmp, "elsewhere/pom.xml", pom(null, "com.acme", "elsewhere", ""));
        Files.createSymbolicLink(root.resolve("out"), tmp.resolve("elsewhere"));
        write(root, "big/pom.xml", pom(null, "com.acme", "big", " ".repeat((int) RepoFiles.MAX_BYTES)));

        BuildModules build = BuildModules.read(root);

        assertThat(build.modules()).isEmpty();
        assertThat(build.warnings())
                .satisfiesExactly(
                        w -> assertThat(w).startsWith("out/pom.xml: not read (").contains("is outside the repository"),
                        w -> assertThat(w).startsWith("big/pom.xml: not read (").contains("bytes, more than the"));
    }
}
