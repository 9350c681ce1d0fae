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
