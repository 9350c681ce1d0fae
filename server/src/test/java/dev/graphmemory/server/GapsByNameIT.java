package dev.graphmemory.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code graph-memory gaps} on a Java application wired by name (issue 16, items 3 and 4): a launcher
 * named only by the pom's {@code <mainClass>}, classes it loads with {@code Class.forName} (one of
 * them only in the multi-release {@code src/main/java11} tree, one with a copy there), a bean named
 * only in Spring XML, and a Python script it starts with {@code ProcessBuilder}. None of them is a
 * gap; the planted orphans still are.
 */
class GapsByNameIT {
    private static final String J = "src/main/java/com/acme/";
    private static final String J11 = "src/main/java11/com/acme/";

    @TempDir
    Path tmp;

    @Test
    void codeWiredByNameIsReachedAndOrphansAreStillFound() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("pom.xml", """
                <project><modelVersion>4.0.0</modelVersion><groupId>com.acme</groupId><artifactId>app</artifactId>
                  <version>1</version>
                  <build><plugins><plugin><artifactId>exec-maven-plugin</artifactId>
                    <configuration><mainClass>com.acme.Launcher</mainClass></configuration>
                  </plugin></plugins></build>
                </project>
                """);
        files.put(J + "Launcher.java", """
                package com.acme;
                public class Launcher {
                    static final String EXECUTOR = "com.acme.helper.SomeExecutor";
                    public void start() throws Exception {
                        Class.forName(EXECUTOR);
                        Class.forName(Names.JAVA11);
                        new ProcessBuilder("python3", "tools/report.py").start();
                    }
                }
                """);
        files.put(J + "Names.java", """
                package com.acme;
                final class Names { static final String JAVA11 = "com.acme.helper.Java11Only"; }
                """);
        files.put(J + "helper/SomeExecutor.java", "package com.acme.helper;\nclass SomeExecutor {}\n");
        files.put(
                J11 + "helper/SomeExecutor.java",
                "package com.acme.helper;\nclass SomeExecutor { void faster() {} }\n");
        files.put(J11 + "helper/Java11Only.java", "package com.acme.helper;\nclass Java11Only {}\n");
        files.put(J + "beans/Mailer.java", "package com.acme.beans;\npublic class Mailer {}\n");
        files.put("src/main/resources/applicationContext.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <beans xmlns="http://www.springframework.org/schema/beans">
                  <bean id="mailer" class="com.acme.beans.Mailer"/>
                </beans>
                """);
        files.put(J + "legacy/Orphan.java", "package com.acme.legacy;\npublic class Orphan {}\n");
        files.put("tools/report.py", "import json\nprint(json.dumps({}))\n");
        files.put("tools/unused.py", "VALUE = 1\n");
        Path repo;
        try (GitDir git = GitDir.init(tmp.resolve("wired-by-name"))) {
            repo = git.commit("An application wired by name", files).dir();
        }
        Cli index = Cli.onTestStore(repo, "index");
        assertThat(index.exitCode()).as(index.err()).isZero();
        Cli run = Cli.onTestStore(repo, "gaps", "--json");
        JsonNode answer = JsonMapper.builder().build().readTree(run.out());
        assertThat(answer.get("mode").asString()).isEqualTo("application");
        Map<String, String> gaps = StreamSupport.stream(answer.get("gaps").spliterator(), false)
                .collect(Collectors.toMap(
                        g -> g.get("path").asString(), g -> g.get("status").asString()));
        assertThat(gaps)
                .as(run.out())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(J + "legacy/Orphan.java", "unreached", "tools/unused.py", "unreached"));
        JsonNode roots = answer.get("roots").get("by_kind");
        assertThat(roots.has("main_class")).as(roots.toString()).isTrue();
        assertThat(roots.has("spring_xml")).as(roots.toString()).isTrue();
    }
}
