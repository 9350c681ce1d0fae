package dev.graphmemory.indexer.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.indexer.model.NodeUpdate;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Classes named by build files, manifests and XML configuration ({@link ConfigEntries}). */
class JavaConfigEntriesTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            pom.xml                 | <plugin><artifactId>maven-jar-plugin</artifactId><configuration><archive><manifest><mainClass>com.acme.Main</mainClass></manifest></archive></configuration></plugin> | main_class com.acme.Main
            app/pom.xml             | <plugin><artifactId>exec-maven-plugin</artifactId><configuration><mainClass> com.acme.tools.Seed </mainClass></configuration></plugin> | main_class com.acme.tools.Seed
            pom.xml                 | <properties><start-class>com.acme.Boot</start-class></properties> | main_class com.acme.Boot
            pom.xml                 | <transformer implementation="org.apache.maven.plugins.shade.resource.ManifestResourceTransformer"><mainClass>com.acme.Shaded</mainClass></transformer> | main_class com.acme.Shaded
            pom.xml                 | <manifestEntries><Main-Class>com.acme.Launcher</Main-Class><Premain-Class>com.acme.Agent</Premain-Class></manifestEntries> | main_class com.acme.Launcher, main_class com.acme.Agent
            pom.xml                 | <properties><app.main>com.acme.FromProperty</app.main></properties><mainClass>${app.main}</mainClass> | main_class com.acme.FromProperty
            pom.xml                 | <mainClass>${undefined.property}</mainClass> |
            pom.xml                 | <!-- <mainClass>com.acme.CommentedOut</mainClass> --> |
            build.gradle            | application { mainClass = 'com.acme.Main' } | main_class com.acme.Main
            build.gradle.kts        | application { mainClass.set("com.acme.Main") } | main_class com.acme.Main
            cli/cli.gradle          | mainClassName = "com.acme.cli.Cli" | main_class com.acme.cli.Cli
            build.gradle            | jar { manifest { attributes 'Main-Class': 'com.acme.Jar' } } | main_class com.acme.Jar
            build.gradle.kts        | tasks.jar { manifest { attributes["Main-Class"] = "com.acme.Jar" } } | main_class com.acme.Jar
            build.gradle.kts        | tasks.jar { manifest { attributes("Main-Class" to "com.acme.Jar") } } | main_class com.acme.Jar
            build.gradle            | springBoot { mainClass = "com.acme.Boot" } | main_class com.acme.Boot
            build.gradle            | application { mainClass = providers.gradleProperty('main') } |
            src/main/resources/META-INF/MANIFEST.MF | `Manifest-Version: 1.0\nMain-Class: com.acme.Main\n` | main_class com.acme.Main
            src/main/resources/applicationContext.xml | `<?xml version="1.0"?>\n<!DOCTYPE beans>\n<!-- <bean class="com.acme.Old"/> -->\n<beans xmlns="http://www.springframework.org/schema/beans"><bean id="a" class="com.acme.A"/><bean class='com.acme.B$Inner'><property name="x"><bean class="com.acme.C"/></property></bean></beans>` | spring_xml com.acme.A, spring_xml com.acme.B$Inner, spring_xml com.acme.C
            src/main/resources/META-INF/spring/jobs.xml | <b:beans xmlns:b="http://www.springframework.org/schema/beans"><b:bean class="com.acme.Job"/></b:beans> | spring_xml com.acme.Job
            src/main/resources/data.xml | <catalog><item class="com.acme.NotABean"/></catalog> |
            src/main/resources/ctx.xml | <beans><bean class="${impl.class}"/></beans> |
            src/main/webapp/WEB-INF/web.xml | <web-app><servlet><servlet-class>com.acme.web.Api</servlet-class></servlet><filter><filter-class>com.acme.web.Auth</filter-class></filter><listener><listener-class>com.acme.web.Start</listener-class></listener></web-app> | web_xml com.acme.web.Api, web_xml com.acme.web.Auth, web_xml com.acme.web.Start
            """)
    void namesTheClassesAConfigurationLoads(String path, String text, String expected) {
        List<String> found = ConfigEntries.classes(path, text.replace("\\n", "\n")).stream()
                .map(n -> n.kind() + " " + n.className())
                .toList();
        assertThat(found).containsExactlyElementsOf(expected == null ? List.of() : List.of(expected.split(", ")));
        assertThat(ConfigEntries.wanted(path)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "pom.xml, true",
        "server/pom.xml, true",
        "settings.gradle.kts, true",
        "src/main/resources/spring/app.xml, true",
        "conf/applicationContext-db.xml, true",
        "src/main/webapp/WEB-INF/web.xml, true",
        "src/main/resources/META-INF/MANIFEST.MF, true",
        "src/test/resources/applicationContext.xml, false",
        "core/src/test/resources/META-INF/MANIFEST.MF, false",
        "docs/diagram.xml, false",
        "checkstyle.xml, false",
        "MANIFEST.MF, false",
    })
    void readsBuildFilesAndXmlWhereConfigurationLives(String path, boolean wanted) {
        assertThat(ConfigEntries.wanted(path)).isEqualTo(wanted);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            com.acme.impl.FastSpi                  | com.acme.impl.FastSpi
            '  com.acme.impl.FastSpi   # the fast one' | com.acme.impl.FastSpi
            com.acme.impl.FastSpi$Nested           | com.acme.impl.FastSpi.Nested
            '# providers'                          | ''
            ''                                     | ''
            """)
    void serviceFileLinesNameOneClassEach(String line, String expected) {
        assertThat(ServiceEntries.implementation(line)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            a.Key=com.acme.A                                                  | com.acme.A
            'a.Key=com.acme.A,com.acme.B'                                     | com.acme.A;com.acme.B
            'a.Key=\\\n  com.acme.A,\\\n  com.acme.B\nb.Key=com.acme.C'      | com.acme.A;com.acme.B;com.acme.C
            '# a.Key=com.acme.Commented\n! b.Key=com.acme.Bang\n\n'          | ''
            """)
    void springFactoriesListEveryValueOfEveryKey(String text, String expected) {
        assertThat(ServiceEntries.factoryValues(text.replace("\\n", "\n")))
                .containsExactlyElementsOf(expected.isEmpty() ? List.of() : List.of(expected.split(";")));
    }

    @Test
    void theNamedRepositoryClassesBecomeEntryPointsOfTheirKind() {
        JavaFixture fixture = new JavaFixture()
                .file("app/src/main/java/com/acme/Launcher.java", "package com.acme;\nclass Launcher {}\n")
                .file("app/src/main/java/com/acme/Job.java", "package com.acme;\nclass Job { static class Step {} }\n")
                .file("app/src/main/java/com/acme/Unnamed.java", "package com.acme;\nclass Unnamed {}\n")
                .file(
                        "app/pom.xml",
                        "<project><build><plugins><plugin><configuration><mainClass>com.acme.Launcher"
                                + "</mainClass></configuration></plugin></plugins></build></project>")
                .file(
                        "app/src/main/resources/jobs.xml",
                        "<beans><bean class=\"com.acme.Job$Step\"/><bean class=\"org.other.NotInRepo\"/></beans>");
        assertThat(fixture.updates())
                .extracting(NodeUpdate::id, u -> u.properties().get("entry_kinds"), u -> u.properties()
                        .get("entry_classes"))
                .containsExactlyInAnyOrder(
                        Tuple.tuple(
                                JavaFixture.moduleId("app/src/main/java/com/acme/Launcher.java"),
                                List.of("main_class"),
                                List.of("com.acme.Launcher")),
                        Tuple.tuple(
                                JavaFixture.moduleId("app/src/main/java/com/acme/Job.java"),
                                List.of("spring_xml"),
                                List.of("com.acme.Job.Step")));
        assertThat(new JavaLanguagePlugin().wantsResource("app/src/main/resources/jobs.xml"))
                .isTrue();
    }
}
