package dev.graphmemory.indexer.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.indexer.IndexSummary;
import dev.graphmemory.queries.schema.NodeType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One fully qualified name declared in several files (build modules, main and test, a
 * multi-release folder, examples): every copy keeps a node, references resolve to the nearest
 * copy, and incremental runs give the graph a full run gives, whichever copy comes or goes.
 */
class RepeatedNamesIT {
    @TempDir
    Path tmp;

    private static String main(String pkg) {
        return "package " + pkg + ";\n\npublic class Main {\n    public static void main(String[] a) {\n"
                + "        Util.help();\n    }\n}\n";
    }

    private static String util(String pkg) {
        return "package " + pkg + ";\n\nclass Util {\n    static void help() {}\n}\n";
    }

    private static List<String> ids(Fixture f, String qualifiedName) {
        return f
                .graph()
                .read(
                        "MATCH (c:Class {repo: $repo, qualified_name: $qn}) RETURN c.id AS id ORDER BY id",
                        Map.of("repo", f.repo, "qn", qualifiedName))
                .stream()
                .map(r -> r.get("id").asString())
                .toList();
    }

    private static List<String> edges(Fixture f, String type, String fromId) {
        return f
                .graph()
                .read(
                        "MATCH (a:Entity {repo: $repo, id: $from})-[e]->(b) WHERE type(e) = $type"
                                + " RETURN b.id AS id ORDER BY id",
                        Map.of("repo", f.repo, "from", fromId, "type", type))
                .stream()
                .map(r -> r.get("id").asString())
                .toList();
    }

    private static String module(String path) {
        return NodeType.MODULE.id(path);
    }

    private static List<String> flaggedImports(Fixture f, String fromPath) {
        return f
                .graph()
                .read(
                        "MATCH (a:Module {repo: $repo, id: $from})-[e:IMPORTS]->(b)"
                                + " RETURN b.path + ' ' + coalesce(e.ambiguous, false) AS edge ORDER BY edge",
                        Map.of("repo", f.repo, "from", module(fromPath)))
                .stream()
                .map(r -> r.get("edge").asString())
                .toList();
    }

    @Test
    void aReferenceNoLayoutSettlesIsLinkedToEveryCopyFlagged() {
        try (WorkTree tree = WorkTree.init(tmp.resolve("repo"))) {
            Fixture f = new Fixture(tree, tmp.resolve("cache"), 100);
            for (String ex : List.of("one", "two")) {
                tree.write("examples/" + ex + "/demo/Main.java", main("demo"));
                tree.write("examples/" + ex + "/demo/Util.java", util("demo"));
            }
            String check = "package tools;\n\nimport demo.Main;\n\npublic class Check {\n"
                    + "    void run() {\n        Main.main(new String[0]);\n    }\n}\n";
            tree.write("tools/Check.java", check);
            tree.commit("a tool that names demo.Main, which both examples declare");

            f.run();

            assertThat(flaggedImports(f, "tools/Check.java"))
                    .containsExactly("examples/one/demo/Main.java true", "examples/two/demo/Main.java true");
            assertThat(flaggedImports(f, "examples/two/demo/Main.java"))
                    .as("the own copy is nearest: no flag")
                    .containsExactly("examples/two/demo/Util.java false");
            assertThat(f.fingerprint()).isEqualTo(f.reference());

            // Once one copy is gone the reference is settled, incrementally as in a full run.
            tree.delete("examples/two/demo/Main.java");
            tree.commit("one example left with a Main");
            assertThat(f.run().incremental()).isTrue();
            assertThat(flaggedImports(f, "tools/Check.java")).containsExactly("examples/one/demo/Main.java false");
            assertThat(f.fingerprint()).isEqualTo(f.reference());
        }
    }

    @Test
    void twoExamplesWithOneMainEachKeepBothAndEachCallsItsOwnCopy() {
        try (WorkTree tree = WorkTree.init(tmp.resolve("repo"))) {
            Fixture f = new Fixture(tree, tmp.resolve("cache"), 100);
            for (String ex : List.of("one", "two")) {
                tree.write("examples/" + ex + "/demo/Main.java", main("demo"));
                tree.write("examples/" + ex + "/demo/Util.java", util("demo"));
            }
            tree.commit("two examples");

            IndexSummary summary = f.run();

            assertThat(summary.warnings()).isEqualTo(2);
            assertThat(summary.warningExamples())
                    .extracting(w -> w.path())
                    .containsExactly("examples/two/demo/Main.java", "examples/two/demo/Util.java");
            assertThat(ids(f, "demo.Main"))
                    .containsExactly("architecture:class:demo.Main", "architecture:class:demo.Main@examples/two");
            assertThat(edges(f, "DECLARES", module("examples/two/demo/Main.java")))
                    .containsExactly("architecture:class:demo.Main@examples/two");
            assertThat(edges(f, "IMPORTS", module("examples/two/demo/Main.java")))
                    .containsExactly(module("examples/two/demo/Util.java"));
            assertThat(edges(f, "IMPORTS", module("examples/one/demo/Main.java")))
                    .containsExactly(module("examples/one/demo/Util.java"));
            assertThat(edges(f, "CALLS", "architecture:function:demo.Main#main(String[])@examples/two"))
                    .containsExactly("architecture:function:demo.Util#help()@examples/two");
            assertThat(f.fingerprint()).isEqualTo(f.reference());

            // A copy that sorts first takes the plain id: the others are renamed, incrementally too.
            tree.write("examples/a/demo/Main.java", main("demo"));
            tree.commit("a third example, first in order");
            assertThat(f.run().incremental()).isTrue();
            assertThat(ids(f, "demo.Main"))
                    .containsExactly(
                            "architecture:class:demo.Main",
                            "architecture:class:demo.Main@examples/one",
                            "architecture:class:demo.Main@examples/two");
            assertThat(edges(f, "DECLARES", module("examples/a/demo/Main.java")))
                    .containsExactly("architecture:class:demo.Main");
            assertThat(f.fingerprint()).isEqualTo(f.reference());

            tree.delete("examples/a/demo/Main.java");
            tree.delete("examples/two/demo/Main.java");
            tree.commit("one copy left");
            assertThat(f.run().incremental()).isTrue();
            assertThat(ids(f, "demo.Main")).containsExactly("architecture:class:demo.Main");
            assertThat(f.fingerprint()).isEqualTo(f.reference());
        }
    }

    private static List<String> rows(Fixture f, String cypher) {
        return f.graph().read(cypher, Map.of("repo", f.repo)).stream()
                .map(r -> r.get("row").asString())
                .toList();
    }

    private static String publicClass(String pkg, String name) {
        return "package " + pkg + ";\n\npublic class " + name + " {\n    public static void use() {}\n}\n";
    }

    private static String user(String pkg, String name, String imported) {
        return "package " + pkg + ";\n\nimport " + imported + ";\n\npublic class " + name + " {\n"
                + "    void t() {\n        " + imported.substring(imported.lastIndexOf('.') + 1)
                + ".use();\n    }\n}\n";
    }

    @Test
    void gradleProjectsAreNodesAndTheirDependenciesDecideWhichCopyAReferenceMeans() {
        try (WorkTree tree = WorkTree.init(tmp.resolve("repo"))) {
            Fixture f = new Fixture(tree, tmp.resolve("cache"), 100);
            tree.write(
                    "settings.gradle",
                    "rootProject.name = 'acme'\ninclude 'alpha', 'beta'\ninclude \"gamma\"\ninclude(':delta')\n");
            tree.write("alpha/build.gradle", "dependencies {\n}\n");
            tree.write("beta/build.gradle", "dependencies {\n    // api(project(':alpha'))\n}\n");
            String gamma = "dependencies {\n    api(project(\":beta\"))\n"
                    + "    testImplementation(testFixtures(project(\":delta\")))\n}\n";
            tree.write("gamma/build.gradle", gamma);
            tree.write("delta/build.gradle", "dependencies {\n    implementation project(':alpha')\n}\n");
            // One public class in two modules' main code: alpha's keeps the plain id.
            tree.write("alpha/src/main/java/org/acme/shared/Codec.java", publicClass("org.acme.shared", "Codec"));
            tree.write("beta/src/main/java/org/acme/shared/Codec.java", publicClass("org.acme.shared", "Codec"));
            tree.write("gamma/src/main/java/org/acme/g/G.java", user("org.acme.g", "G", "org.acme.shared.Codec"));
            tree.write("delta/src/main/java/org/acme/d/D.java", user("org.acme.d", "D", "org.acme.shared.Codec"));
            // A fixture in alpha's tests and in delta's testFixtures set, which gamma's tests use.
            tree.write("alpha/src/test/java/org/acme/fix/Fixture.java", publicClass("org.acme.fix", "Fixture"));
            tree.write("delta/src/testFixtures/java/org/acme/fix/Fixture.java", publicClass("org.acme.fix", "Fixture"));
            tree.write(
                    "gamma/src/test/java/org/acme/g/GTests.java", user("org.acme.g", "GTests", "org.acme.fix.Fixture"));
            tree.commit("a Gradle multi-project");

            f.run();

            assertThat(
                            rows(
                                    f,
                                    "MATCH (b:BuildModule {repo: $repo}) RETURN b.id + ' ' + b.name + ' ' + b.path + ' '"
                                            + " + b.tool + ' ' + b.build_file + ' ' + reduce(s = '', x IN b.source_sets | s + CASE s WHEN '' THEN '' ELSE ',' END + x) AS row ORDER BY row"))
                    .containsExactly(
                            "architecture:build_module:alpha :alpha alpha gradle alpha/build.gradle main,test",
                            "architecture:build_module:beta :beta beta gradle beta/build.gradle main",
                            "architecture:build_module:delta :delta delta gradle delta/build.gradle main,testFixtures",
                            "architecture:build_module:gamma :gamma gamma gradle gamma/build.gradle main,test");
            assertThat(
                            rows(
                                    f,
                                    "MATCH (a:BuildModule {repo: $repo})-[d:DEPENDS_ON]->(b) RETURN a.name + ' -> ' + b.name"
                                            + " + ' ' + reduce(s = '', x IN d.configurations | s + CASE s WHEN '' THEN '' ELSE ',' END + x) + ' ' + d.test_fixtures AS row ORDER BY row"))
                    .containsExactly(
                            ":delta -> :alpha implementation false",
                            ":gamma -> :beta api false",
                            ":gamma -> :delta testImplementation true");
            assertThat(edges(f, "DECLARES", "architecture:build_module:delta"))
                    .containsExactly(
                            module("delta/src/main/java/org/acme/d/D.java"),
                            module("delta/src/testFixtures/java/org/acme/fix/Fixture.java"));
            assertThat(rows(
                            f,
                            "MATCH (m:Module {repo: $repo}) RETURN m.path + ' ' + m.build_module + ' ' + m.source_set AS row"
                                    + " ORDER BY row"))
                    .contains(
                            "delta/src/testFixtures/java/org/acme/fix/Fixture.java delta testFixtures",
                            "gamma/src/test/java/org/acme/g/GTests.java gamma test");
            assertThat(rows(
                            f,
                            "MATCH (c:Class {repo: $repo, qualified_name: 'org.acme.shared.Codec'})"
                                    + " RETURN c.id + ' ' + c.build_module AS row ORDER BY row"))
                    .containsExactly(
                            "architecture:class:org.acme.shared.Codec alpha",
                            "architecture:class:org.acme.shared.Codec@beta beta");
            assertThat(edges(f, "IMPORTS", module("gamma/src/main/java/org/acme/g/G.java")))
                    .as("gamma depends on beta, not alpha")
                    .containsExactly(module("beta/src/main/java/org/acme/shared/Codec.java"));
            assertThat(edges(f, "IMPORTS", module("delta/src/main/java/org/acme/d/D.java")))
                    .containsExactly(module("alpha/src/main/java/org/acme/shared/Codec.java"));
            assertThat(edges(f, "IMPORTS", module("gamma/src/test/java/org/acme/g/GTests.java")))
                    .as("delta's test fixtures, which gamma's tests depend on; alpha's tests are nobody else's")
                    .contains(module("delta/src/testFixtures/java/org/acme/fix/Fixture.java"))
                    .doesNotContain(module("alpha/src/test/java/org/acme/fix/Fixture.java"));
            assertThat(f.fingerprint()).isEqualTo(f.reference());

            // gamma now depends on alpha instead of beta: its reference follows, as in a full run.
            tree.write("gamma/build.gradle", gamma.replace(":beta", ":alpha"));
            tree.commit("gamma uses alpha");
            f.run();
            assertThat(edges(f, "IMPORTS", module("gamma/src/main/java/org/acme/g/G.java")))
                    .containsExactly(module("alpha/src/main/java/org/acme/shared/Codec.java"));
            assertThat(f.fingerprint()).isEqualTo(f.reference());

            // A source change under an unchanged layout stays incremental.
            tree.write("gamma/src/main/java/org/acme/g/Extra.java", publicClass("org.acme.g", "Extra"));
            tree.commit("one more class");
            assertThat(f.run().incremental()).isTrue();
            assertThat(edges(f, "DECLARES", "architecture:build_module:gamma"))
                    .contains(module("gamma/src/main/java/org/acme/g/Extra.java"));
            assertThat(f.fingerprint()).isEqualTo(f.reference());
        }
    }

    @Test
    void mavenReactorModulesAndTheirDependenciesDecideWhichCopyAReferenceMeans() {
        try (WorkTree tree = WorkTree.init(tmp.resolve("repo"))) {
            Fixture f = new Fixture(tree, tmp.resolve("cache"), 100);
            tree.write(
                    "pom.xml",
                    pom(
                            "parent",
                            "<packaging>pom</packaging>\n<modules><module>base</module>"
                                    + "<module>core</module><module>app</module></modules>",
                            ""));
            tree.write("base/pom.xml", pom("base", "", ""));
            tree.write("core/pom.xml", pom("core", "", ""));
            tree.write(
                    "app/pom.xml",
                    pom(
                            "app",
                            "",
                            "<dependency><groupId>org.acme</groupId><artifactId>core</artifactId>"
                                    + "<version>1</version></dependency><dependency><groupId>junit</groupId><artifactId>junit</artifactId>"
                                    + "<version>4</version><scope>test</scope></dependency>"));
            tree.write("base/src/main/java/org/acme/util/Util.java", publicClass("org.acme.util", "Util"));
            tree.write("core/src/main/java/org/acme/util/Util.java", publicClass("org.acme.util", "Util"));
            tree.write("app/src/main/java/org/acme/app/App.java", user("org.acme.app", "App", "org.acme.util.Util"));
            tree.commit("a Maven reactor");

            f.run();

            assertThat(rows(f, "MATCH (b:BuildModule {repo: $repo}) RETURN b.id + ' ' + b.tool AS row ORDER BY row"))
                    .containsExactly(
                            "architecture:build_module:app maven",
                            "architecture:build_module:base maven",
                            "architecture:build_module:core maven");
            assertThat(edges(f, "DEPENDS_ON", "architecture:build_module:app"))
                    .containsExactly("architecture:build_module:core");
            assertThat(edges(f, "IMPORTS", module("app/src/main/java/org/acme/app/App.java")))
                    .as("app depends on core: core's copy, though base's keeps the plain id")
                    .containsExactly(module("core/src/main/java/org/acme/util/Util.java"));
            assertThat(f.fingerprint()).isEqualTo(f.reference());
        }
    }

    private static String pom(String artifact, String body, String dependencies) {
        return "<?xml version=\"1.0\"?>\n<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
                + "<modelVersion>4.0.0</modelVersion>\n<groupId>org.acme</groupId>\n<artifactId>" + artifact
                + "</artifactId>\n<version>1</version>\n" + body
                + (dependencies.isEmpty() ? "" : "<dependencies>" + dependencies + "</dependencies>\n")
                + "</project>\n";
    }

    @Test
    void buildModulesMainTestAndMultiReleaseCopiesResolveToTheNearestCopy() {
        try (WorkTree tree = WorkTree.init(tmp.resolve("repo"))) {
            Fixture f = new Fixture(tree, tmp.resolve("cache"), 100);
            String env = "package org.acme.env;\n\npublic class MockEnv {\n    public void set() {}\n}\n";
            String user = "package org.acme.%s;\n\nimport org.acme.env.MockEnv;\n\npublic class %s {\n"
                    + "    void t() {\n        new MockEnv().set();\n    }\n}\n";
            tree.write("spring-test/src/main/java/org/acme/env/MockEnv.java", env);
            tree.write("spring-context/src/test/java/org/acme/env/MockEnv.java", env);
            tree.write(
                    "spring-context/src/test/java/org/acme/ctx/CtxTests.java", String.format(user, "ctx", "CtxTests"));
            tree.write("spring-test/src/test/java/org/acme/web/WebTests.java", String.format(user, "web", "WebTests"));
            tree.write(
                    "spring-web/src/test/java/org/acme/other/OtherTests.java",
                    String.format(user, "other", "OtherTests"));
            String delegate = "package org.acme.core;\n\nclass Delegate {\n    static void run() {}\n}\n";
            tree.write("spring-core/src/main/java/org/acme/core/Delegate.java", delegate);
            tree.write("spring-core/src/main/java21/org/acme/core/Delegate.java", delegate);
            tree.write(
                    "spring-core/src/main/java/org/acme/core/Runner.java",
                    "package org.acme.core;\n\npublic class Runner {\n    void go() {\n        Delegate.run();\n    }\n}\n");
            // A package-private helper repeated in two modules' test files, beside a unique class.
            tree.write(
                    "spring-aop/src/test/java/org/acme/aop/AopTests.java",
                    "package org.acme.aop;\n\npublic class AopTests {}\n\nclass Counting {}\n");
            tree.write(
                    "spring-context/src/test/java/org/acme/aop/CtxAopTests.java",
                    "package org.acme.aop;\n\npublic class CtxAopTests {}\n\nclass Counting {}\n");
            tree.commit("a multi-module layout");

            f.run();

            assertThat(ids(f, "org.acme.env.MockEnv"))
                    .containsExactly(
                            "architecture:class:org.acme.env.MockEnv",
                            "architecture:class:org.acme.env.MockEnv@spring-context");
            assertThat(edges(f, "DECLARES", module("spring-test/src/main/java/org/acme/env/MockEnv.java")))
                    .as("main code keeps the plain id")
                    .containsExactly("architecture:class:org.acme.env.MockEnv");
            assertThat(edges(f, "IMPORTS", module("spring-context/src/test/java/org/acme/ctx/CtxTests.java")))
                    .containsExactly(module("spring-context/src/test/java/org/acme/env/MockEnv.java"));
            assertThat(edges(f, "IMPORTS", module("spring-test/src/test/java/org/acme/web/WebTests.java")))
                    .containsExactly(module("spring-test/src/main/java/org/acme/env/MockEnv.java"));
            assertThat(edges(f, "IMPORTS", module("spring-web/src/test/java/org/acme/other/OtherTests.java")))
                    .as("no nearer copy: the main one")
                    .containsExactly(module("spring-test/src/main/java/org/acme/env/MockEnv.java"));
            assertThat(edges(f, "CALLS", "architecture:function:org.acme.ctx.CtxTests#t()"))
                    .containsExactly("architecture:function:org.acme.env.MockEnv#set()@spring-context");
            assertThat(ids(f, "org.acme.core.Delegate"))
                    .containsExactly(
                            "architecture:class:org.acme.core.Delegate",
                            "architecture:class:org.acme.core.Delegate@spring-core/src/main/java21");
            assertThat(edges(f, "IMPORTS", module("spring-core/src/main/java/org/acme/core/Runner.java")))
                    .containsExactly(module("spring-core/src/main/java/org/acme/core/Delegate.java"));
            assertThat(ids(f, "org.acme.aop.Counting"))
                    .containsExactly(
                            "architecture:class:org.acme.aop.Counting",
                            "architecture:class:org.acme.aop.Counting@spring-context");
            assertThat(ids(f, "org.acme.aop.AopTests")).containsExactly("architecture:class:org.acme.aop.AopTests");
            assertThat(f.fingerprint()).isEqualTo(f.reference());

            // Edit one copy, then remove the main one: every step equals a full run.
            tree.write(
                    "spring-context/src/test/java/org/acme/env/MockEnv.java",
                    env.replace("public void set() {}", "public void set() {}\n\n    public void clear() {}"));
            tree.commit("edit a copy");
            assertThat(f.run().incremental()).isTrue();
            assertThat(f.fingerprint()).isEqualTo(f.reference());

            tree.delete("spring-test/src/main/java/org/acme/env/MockEnv.java");
            tree.commit("remove the main copy");
            assertThat(f.run().incremental()).isTrue();
            assertThat(ids(f, "org.acme.env.MockEnv")).containsExactly("architecture:class:org.acme.env.MockEnv");
            assertThat(edges(f, "IMPORTS", module("spring-test/src/test/java/org/acme/web/WebTests.java")))
                    .containsExactly(module("spring-context/src/test/java/org/acme/env/MockEnv.java"));
            assertThat(f.fingerprint()).isEqualTo(f.reference());

            IndexSummary again = f.run();
            assertThat(again.nodesWritten() + again.relationshipsWritten())
                    .as("a run with nothing changed")
                    .isZero();
            assertThat(again.reparsed()).isZero();
        }
    }
}
