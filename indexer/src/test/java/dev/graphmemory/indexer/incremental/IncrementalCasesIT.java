package dev.graphmemory.indexer.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.indexer.IndexSummary;
import dev.graphmemory.queries.graph.IndexState;
import dev.graphmemory.queries.schema.NodeType;
import dev.graphmemory.queries.workflow.Embeddings;
import dev.graphmemory.queries.workflow.WorkCorpusReader;
import dev.graphmemory.queries.workflow.WorkItem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cases an incremental run must get right, each checked on the graph and by fingerprint. */
class IncrementalCasesIT {
    @TempDir
    Path tmp;

    private static String module(String path) {
        return NodeType.MODULE.id(path);
    }

    /** Target ids of edges of one type leaving the nodes whose id starts with a prefix. */
    private static List<String> targets(Fixture f, String type, String fromPrefix) {
        return f
                .graph()
                .read(
                        "MATCH (a:Entity {repo: $repo})-[e]->(b) WHERE a.id STARTS WITH $from AND type(e) = $type"
                                + " RETURN DISTINCT b.id AS id ORDER BY id",
                        Map.of("repo", f.repo, "from", fromPrefix, "type", type))
                .stream()
                .map(r -> r.get("id").asString())
                .toList();
    }

    private static long count(Fixture f, String cypherWhere, Map<String, Object> params) {
        Map<String, Object> all = new java.util.HashMap<>(params);
        all.put("repo", f.repo);
        return f.graph()
                .read("MATCH (n:Entity {repo: $repo}) WHERE " + cypherWhere + " RETURN count(n) AS c", all)
                .getFirst()
                .get("c")
                .asLong();
    }

    /** The element ids of the CALLS relationships into {@code p.Hub}, sorted. */
    private static List<String> callIds(Fixture f) {
        return f
                .graph()
                .read(
                        "MATCH (:Entity {repo: $repo})-[e:CALLS]->(b:Entity {repo: $repo})"
                                + " WHERE b.id STARTS WITH 'architecture:function:p.Hub#'"
                                + " RETURN elementId(e) AS id ORDER BY id",
                        Map.of("repo", f.repo))
                .stream()
                .map(r -> r.get("id").asString())
                .toList();
    }

    /** The element ids of the fixture's nodes, in order: equal only when no node was replaced. */
    private static List<String> elementIds(Fixture f) {
        return f
                .graph()
                .read("MATCH (n:Entity {repo: $repo}) RETURN elementId(n) AS id ORDER BY id", Map.of("repo", f.repo))
                .stream()
                .map(r -> r.get("id").asString())
                .toList();
    }

    /** {@code p.A}, whose {@code m} calls {@code q.C.s}, which it imports. */
    private static void writeAImportingC(WorkTree tree) {
        tree.write(
                "src/p/A.java",
                "package p;\n\nimport q.C;\n\npublic class A {\n" + "    void m() {\n        C.s();\n    }\n}\n");
        tree.write("src/q/C.java", "package q;\n\npublic class C {\n    public static void s() {}\n}\n");
    }

    private Fixture fixture(WorkTree tree, int maxCommits) {
        return new Fixture(tree, tmp.resolve("cache"), maxCommits);
    }

    @Test
    void addedClassesResolveSamePackageAndWildcardReferencesOfUnchangedFiles() {
        try (WorkTree tree = WorkTree.init(tmp.resolve("repo"))) {
            Fixture f = fixture(tree, 100);
            tree.write(
                    "src/p/A.java",
                    "package p;\n\nimport q.*;\n\npublic class A {\n    B b;\n    C c;\n\n"
                            + "    void m() {\n        B.s();\n    }\n}\n");
            tree.commit("A");
            f.run();
            assertThat(targets(f, "IMPORTS", module("src/p/A.java"))).isEmpty();

            tree.write("src/p/B.java", "package p;\n\npublic class B {\n    static void s() {}\n}\n");
            tree.write("src/q/C.java", "package q;\n\npublic class C {}\n");
            tree.commit("B and C");
            IndexSummary summary = f.run();

            assertThat(summary.incremental()).isTrue();
            assertThat(summary.reparsed()).isEqualTo(2);
            assertThat(summary.unchanged()).isEqualTo(1);
            assertThat(targets(f, "IMPORTS", module("src/p/A.java")))
                    .containsExactly(module("src/p/B.java"), module("src/q/C.java"));
            assertThat(targets(f, "CALLS", "architecture:function:p.A#m"))
                    .containsExactly("architecture:function:p.B#s()");
            assertThat(f.fingerprint()).isEqualTo(f.reference());
        }
    }

    @Test
    void anEditReplacesOnlyTheNodesItChangesAndKeepsTheCallsIntoTheRest() {
        try (WorkTree tree = WorkTree.init(tmp.resolve("repo"))) {
            Fixture f = fixture(tree, 100);
            StringBuilder hub = new StringBuilder("package p;\n\npublic class Hub {\n");
            StringBuilder user = new StringBuilder("package q;\n\nimport p.Hub;\n\npublic class User {\n");
            for (int i = 0; i < 20; i++) {
                hub.append("    public static void m").append(i).append("() {}\n");
                user.append("    void u")
                        .append(i)
                        .append("() {\n        Hub.m")
                        .append(i)
                        .append("();\n    }\n");
            }
            tree.write("src/p/Hub.java", hub + "}\n");
            tree.write("src/q/User.java", user + "}\n");
            tree.commit("hub and its user");
            f.run();

            // A method appended at the end: the other twenty methods keep their rows, and the calls
            // into them stay the very same relationships.
            List<String> callsBefore = callIds(f);
            tree.write("src/p/Hub.java", hub + "    public static void added() {}\n}\n");
            tree.commit("one more method");
            IndexSummary summary = f.run();
            assertThat(summary.incremental()).isTrue();
            assertThat(summary.reparsed()).isEqualTo(1);
            assertThat(callIds(f)).hasSize(20).isEqualTo(callsBefore);
            assertThat(targets(f, "CALLS", "architecture:function:q.User#u3"))
                    .containsExactly("architecture:function:p.Hub#m3()");
            assertThat(count(f, "n.id = $id", Map.of("id", "architecture:function:p.Hub#added()")))
                    .isEqualTo(1);
            assertThat(f.fingerprint()).isEqualTo(f.reference());

            // A method inserted at the top moves the others down a line: their properties are set
            // in place, and the calls into them still stay.
            tree.write(
                    "src/p/Hub.java",
                    hub.toString().replace("public class Hub {\n", "public class Hub {\n    void first() {}\n")
                            + "}\n");
            tree.commit("a method first, the appended one gone");
            IndexSummary moved = f.run();
            assertThat(moved.incremental()).isTrue();
            assertThat(callIds(f)).hasSize(20).isEqualTo(callsBefore);
            assertThat(count(f, "n.id = $id AND n.line_start = 5", Map.of("id", "architecture:function:p.Hub#m0()")))
                    .as("m0 moved from line 4 to line 5")
                    .isEqualTo(1);
            assertThat(targets(f, "CALLS", "architecture:function:q.User#u3"))
                    .containsExactly("architecture:function:p.Hub#m3()");
            assertThat(count(f, "n.id = $id", Map.of("id", "architecture:function:p.Hub#added()")))
                    .isZero();
            assertThat(f.fingerprint()).isEqualTo(f.reference());
        }
    }

    /**
     * A rehearsal (what the store daemon does when idle after a start or a full rebuild) replaces a
     * file's nodes in a transaction it rolls back: the graph, its element ids and the index state are
     * as before, and the next refresh still diffs against the last real run.
     */
    @Test
    void aRehearsalWritesNothingAndTheNextRefreshIsRight() {
        try (WorkTree tree = WorkTree.init(tmp.resolve("repo"))) {
            Fixture f = fixture(tree, 100);
            writeAImportingC(tree);
            tree.write("tools/run.py", "import os\n\n\ndef main():\n    return os.getcwd()\n");
            tree.commit("A, C and a script");
            f.run();
            String before = f.fingerprint();
            List<String> elements = elementIds(f);
            IndexState state = f.graph().state();

            f.rehearse();
            assertThat(f.fingerprint()).isEqualTo(before);
            assertThat(elementIds(f)).as("no node was replaced for real").isEqualTo(elements);
            assertThat(f.graph().state()).isEqualTo(state);

            tree.write(
                    "src/q/C.java",
                    "package q;\n\npublic class C {\n    public static void s() {}\n\n    void t() {}\n}\n");
            tree.commit("C.t");
            IndexSummary next = f.run();
            assertThat(next.incremental()).isTrue();
            assertThat(next.reparsed()).isEqualTo(1);
            assertThat(f.fingerprint()).isEqualTo(f.reference()).isNotEqualTo(before);
        }
    }

    @Test
    void deletedFileTakesItsIncomingEdgesAndComesBackFromTheCache() {
        try (WorkTree tree = WorkTree.init(tmp.resolve("repo"))) {
            Fixture f = fixture(tree, 100);
            writeAImportingC(tree);
            tree.commit("A and C");
            f.run();
            String before = f.fingerprint();
            assertThat(targets(f, "IMPORTS", module("src/p/A.java"))).containsExactly(module("src/q/C.java"));

            tree.delete("src/q/C.java");
            tree.commit("no C");
            IndexSummary deleted = f.run();
            assertThat(deleted.incremental()).isTrue();
            assertThat(deleted.removed()).isEqualTo(1);
            assertThat(targets(f, "IMPORTS", module("src/p/A.java"))).isEmpty();
            assertThat(targets(f, "CALLS", "architecture:function:p.A#m")).isEmpty();
            assertThat(count(f, "n.path = $p OR n.id CONTAINS 'q.C'", Map.of("p", "src/q/C.java")))
                    .isZero();
            assertThat(f.fingerprint()).isEqualTo(f.reference());

            tree.write("src/q/C.java", "package q;\n\npublic class C {\n    public static void s() {}\n}\n");
            tree.commit("C again");
            IndexSummary back = f.run();
            assertThat(back.incremental()).isTrue();
            assertThat(back.reparsed()).as("the content was cached").isZero();
            assertThat(targets(f, "IMPORTS", module("src/p/A.java"))).containsExactly(module("src/q/C.java"));
            assertThat(f.fingerprint()).isEqualTo(f.reference()).isNotEqualTo(before);
        }
    }

    @Test
    void renamedPythonModuleLeavesNothingBehind() {
        try (WorkTree tree = WorkTree.init(tmp.resolve("repo"))) {
            Fixture f = fixture(tree, 100);
            tree.write("pkg/__init__.py", "");
            tree.write("pkg/a.py", "def g():\n    return 1\n");
            tree.write("pkg/b.py", "from pkg import a\n\n\ndef h():\n    return a.g()\n");
            tree.commit("a and b");
            f.run();
            assertThat(targets(f, "IMPORTS", module("pkg/b.py"))).containsExactly(module("pkg/a.py"));

            tree.move("pkg/a.py", "pkg/c.py");
            tree.commit("a is c");
            IndexSummary summary = f.run();
            assertThat(summary.incremental()).isTrue();
            assertThat(summary.removed()).isEqualTo(1);
            assertThat(count(f, "n.path = $p OR n.id CONTAINS $p OR n.key CONTAINS 'pkg.a'", Map.of("p", "pkg/a.py")))
                    .isZero();
            assertThat(targets(f, "IMPORTS", module("pkg/b.py"))).doesNotContain(module("pkg/a.py"));
            assertThat(f.fingerprint()).isEqualTo(f.reference());
        }
    }

    @Test
    void changedDocumentIsLinkedAgainAndUnchangedDocumentsFollowModules() {
        try (WorkTree tree = WorkTree.init(tmp.resolve("repo"))) {
            Fixture f = fixture(tree, 100);
            tree.write("web/a.ts", "export function f(): number {\n    return 1;\n}\n");
            tree.write("web/b.ts", "export function g(): number {\n    return 2;\n}\n");
            tree.write(
                    "work-units/WU-1.md",
                    "---\nid: WU-1\ntitle: One\nstatus: open\nfiles_changed:\n" + "  - web/a.ts\n---\nFirst.\n");
            tree.write(
                    "work-units/WU-2.md",
                    "---\nid: WU-2\ntitle: Two\nstatus: open\nfiles_changed:\n"
                            + "  - web/c.ts\ndependencies: [WU-1]\n---\nSecond.\n");
            tree.commit("docs");
            f.run();
            String wu1 = NodeType.WORK_UNIT.id("WU-1");
            String wu2 = NodeType.WORK_UNIT.id("WU-2");
            assertThat(targets(f, "TOUCHES", wu1)).containsExactly(module("web/a.ts"));

            // The document changes; the other one names a module that now appears.
            tree.write(
                    "work-units/WU-1.md",
                    "---\nid: WU-1\ntitle: One\nstatus: done\nfiles_changed:\n" + "  - web/b.ts\n---\nFirst, moved.\n");
            tree.write("web/c.ts", "export const c = 3;\n");
            tree.commit("WU-1 moves to b; c appears");
            IndexSummary summary = f.run();
            assertThat(summary.incremental()).isTrue();
            assertThat(targets(f, "TOUCHES", wu1)).containsExactly(module("web/b.ts"));
            assertThat(targets(f, "TOUCHES", wu2)).containsExactly(module("web/c.ts"));
            assertThat(count(f, "n.id = $id", Map.of("id", module("web/c.ts")))).isOne();
            assertThat(f.fingerprint()).isEqualTo(f.reference());

            tree.delete("work-units/WU-1.md");
            tree.commit("WU-1 is gone");
            f.run();
            assertThat(count(f, "n.id = $id", Map.of("id", wu1))).isZero();
            assertThat(f.fingerprint()).isEqualTo(f.reference());
        }
    }

    @Test
    void newCommitsAreAddedWithinTheHistoryBound() {
        try (WorkTree tree = WorkTree.init(tmp.resolve("repo"))) {
            Fixture f = fixture(tree, 3);
            tree.write("pkg/a.py", "X = 0\n");
            tree.commit("first");
            f.run();
            for (int i = 1; i <= 4; i++) {
                tree.write("pkg/a.py", "X = " + i + "\n");
                tree.commit("change " + i + " of pkg/a.py");
                IndexSummary summary = f.run();
                assertThat(summary.incremental()).isTrue();
                assertThat(summary.commits()).isEqualTo(Math.min(i + 1, 3));
                assertThat(count(f, "n.type = 'commit'", Map.of())).isEqualTo(Math.min(i + 1, 3));
                assertThat(f.fingerprint()).isEqualTo(f.reference());
            }
        }
    }

    @Test
    void runKilledHalfWayIsRepairedByTheNextRun() {
        try (WorkTree tree = WorkTree.init(tmp.resolve("repo"))) {
            Fixture f = fixture(tree, 100);
            tree.write("src/p/A.java", "package p;\n\npublic class A {\n    B b;\n}\n");
            tree.write("src/p/B.java", "package p;\n\npublic class B {}\n");
            tree.commit("A and B");
            f.run();

            // What a kill in the middle of writing leaves: the state marked incomplete, part of the
            // change applied.
            tree.write("src/p/B.java", "package p;\n\npublic class B {\n    int x;\n}\n");
            tree.commit("B grows");
            IndexState state = f.graph().state();
            f.graph().saveState(new IndexState(state.indexedCommit(), null, false, state.lastRunJson(), Map.of()));
            try (var session = f.driver.session()) {
                session.executeWriteWithoutResult(tx -> tx.run(
                        "MATCH (n:Entity {repo: $repo}) WHERE n.path = 'src/p/B.java' DETACH DELETE n",
                        Map.of("repo", f.repo)));
            }
            IndexSummary repaired = f.run();
            assertThat(repaired.incremental()).isFalse();
            assertThat(f.fingerprint()).isEqualTo(f.reference());
        }
    }

    @Test
    void lostFileEntriesAreParsedAgainAndALostSnapshotMakesAFullRebuild() throws IOException {
        try (WorkTree tree = WorkTree.init(tmp.resolve("repo"))) {
            Fixture f = fixture(tree, 100);
            tree.write("src/p/A.java", "package p;\n\npublic class A {\n    B b;\n}\n");
            tree.write("src/p/B.java", "package p;\n\npublic class B {}\n");
            tree.commit("A and B");
            f.run();

            // The file entries are gone: every file is parsed again, the run stays incremental.
            deleteTree(f.cache
                    .resolve("v" + dev.graphmemory.indexer.Indexer.CACHE_VERSION)
                    .resolve("files"));
            FileCache.forgetMemory();
            tree.write("src/p/B.java", "package p;\n\npublic class B {\n    int x;\n}\n");
            tree.commit("B grows");
            IndexSummary noEntries = f.run();
            assertThat(noEntries.incremental()).isTrue();
            assertThat(noEntries.reparsed()).isEqualTo(2);
            assertThat(f.fingerprint()).isEqualTo(f.reference());

            // The snapshot the graph was written with is gone.
            try (Stream<Path> s = Files.list(f.cache.resolve("v" + dev.graphmemory.indexer.Indexer.CACHE_VERSION))) {
                for (Path p : s.filter(p -> p.getFileName().toString().startsWith("snapshot-"))
                        .toList()) {
                    Files.delete(p);
                }
            }
            tree.write("src/p/A.java", "package p;\n\npublic class A {}\n");
            tree.commit("A shrinks");
            IndexSummary noSnapshot = f.run();
            assertThat(noSnapshot.incremental()).isFalse();
            assertThat(f.fingerprint()).isEqualTo(f.reference());

            tree.write("src/p/A.java", "package p;\n\npublic class A {\n    B b;\n}\n");
            tree.commit("A again");
            assertThat(f.run().incremental()).isTrue();
            assertThat(f.fingerprint()).isEqualTo(f.reference());
        }
    }

    /** The element ids of the work unit and bug nodes, sorted: equal across runs that left them in place. */
    private static List<String> documentElementIds(Fixture f) {
        return f
                .graph()
                .read(
                        "MATCH (n:Entity {repo: $repo}) WHERE n:WorkUnit OR n:Bug RETURN elementId(n) AS e ORDER BY e",
                        Map.of())
                .stream()
                .map(r -> r.get("e").asString())
                .toList();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void workVectorsAreWhatTheFinderWouldComputeAndAnUnrelatedEditLeavesThemInPlace() {
        try (WorkTree tree = WorkTree.init(tmp.resolve("repo"))) {
            Fixture f = fixture(tree, 100);
            tree.write("src/p/A.java", "package p;\n\npublic class A {}\n");
            // Awkward frontmatter: a number for a title, a list for an objective, a bug's root cause.
            tree.write("work-units/WU-1.md", "---\nid: WU-1\ntitle: 42\nobjective: [cache tokens, expire them]\n---\n");
            tree.write("work-units/WU-2.md", "---\nid: WU-2\ntitle: Cache the login tokens\n---\nÜber caching.\n");
            tree.write("bugs/BUG-3.md", "---\nid: BUG-3\ntitle: Token leak\nroot_cause: [shared cache]\n---\n");
            tree.commit("work");
            f.run();

            // The suite runs with embeddings on (GRAPH_MEMORY_EMBEDDINGS unset), as the indexer did.
            Embeddings embeddings = Embeddings.configured().orElseThrow();
            List<WorkItem> items = new WorkCorpusReader(f.driver, f.repo).read().items();
            assertThat(items).hasSize(3);
            for (WorkItem item : items) {
                // Stored through Neo4j by the indexer, against the finder's own text of the item.
                assertThat(item.embedding()).as(item.id()).isNotNull();
                assertThat(item.embedding())
                        .as(item.id())
                        .containsExactly(embeddings.vector(Embeddings.text(item.title(), item.text())));
            }
            List<String> before = documentElementIds(f);

            tree.write("src/p/A.java", "package p;\n\npublic class A {\n    int x;\n}\n");
            tree.commit("edit A");
            assertThat(f.run().incremental()).isTrue();
            assertThat(documentElementIds(f)).isEqualTo(before);
            assertThat(count(f, "n.embedding IS NOT NULL", Map.of())).isEqualTo(3);
            assertThat(f.fingerprint()).isEqualTo(f.reference());
        }
    }
}
