package dev.graphmemory.indexer.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.indexer.IndexSummary;
import dev.graphmemory.indexer.sessions.SessionFinder;
import dev.graphmemory.indexer.sessions.SessionSources;
import dev.graphmemory.queries.find.FindQuery;
import dev.graphmemory.queries.find.NeighborsQuery;
import dev.graphmemory.queries.find.PropertyKeys;
import dev.graphmemory.queries.workflow.DuplicateFinder;
import dev.graphmemory.queries.workflow.Embeddings;
import dev.graphmemory.queries.workflow.ProposedWork;
import dev.graphmemory.queries.workflow.SessionCost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * A repository with agent sessions, indexed: the sessions are nodes {@code graph_find} and
 * {@code graph_neighbors} answer with no special case, and a new transcript is added by an
 * incremental run that leaves the graph a full run would write.
 */
class SessionsIT {
    private static final Path PROJECT = Path.of("src/test/resources/fixtures/sessions/projects/-home-dev-app");
    private static final String SESSION = "7f3c2a10-5b4e-4d8a-9c61-2e0f8b7d4a93";
    private static final String MAIN = "workflow:session:" + SESSION;

    @TempDir
    Path tmp;

    @Test
    void sessionsAreNodesLinkedToModulesCommandsSubagentsWorkUnitsAndCommits() throws IOException {
        Path claude = tmp.resolve("claude");
        try (WorkTree tree = WorkTree.init(tmp.resolve("repo"))) {
            tree.write("app.py", "import src.util\n\n\ndef login():\n    return src.util.retry()\n");
            tree.write("src/util.py", "def retry():\n    return 2\n");
            tree.write("README.md", "# app\n");
            tree.write("work-units/WU-12.md", "---\nid: WU-12\ntitle: Retry logins\nstatus: in_progress\n---\n");
            tree.write("work-units/WU-13.md", "---\nid: WU-13\ntitle: Retry count\nstatus: done\n---\n");
            tree.commit("init"); // 09:34:24
            tree.write("src/util.py", "def retry():\n    return 3\n");
            tree.commit("Retry login three times (WU-13)"); // 09:35:24
            Path project = claude.resolve("projects").resolve(SessionFinder.encode(tree.root));
            copyFixture(project, tree.root.toAbsolutePath().normalize().toString());
            Fixture f = new Fixture(tree, tmp.resolve("cache"), 100, new SessionSources(true, claude, List.of()));

            IndexSummary first = f.run();

            assertThat(first.warnings()).isEqualTo(1); // the main transcript's two unreadable lines
            FindQuery find = new FindQuery(f.driver, f.repo, new PropertyKeys(f.driver));
            FindQuery.Page mains = find.run(new FindQuery.Request(
                    "workflow", "session", json("{\"subagent\": false}"), null, null, List.of("*")));
            assertThat(mains.rows()).hasSize(1);
            assertThat(mains.rows().getFirst())
                    .containsEntry("id", MAIN)
                    .containsEntry("api_calls", 11L)
                    .containsEntry("tool_calls", 10L)
                    .containsEntry("weighted_tokens", 8_313L)
                    .containsEntry("narration_turns", 2L)
                    .containsEntry("files_read_over_twice", 1L)
                    .containsEntry("reread_tokens", 150L)
                    .containsEntry("large_reports", 1L)
                    .containsEntry("start", "2026-11-21T09:00:00Z")
                    .containsEntry("end", "2026-11-21T09:40:00Z");
            assertThat(find.run(new FindQuery.Request(
                                    "workflow", "session", json("{\"api_calls\": {\"$gte\": 2}}"), null, null, null))
                            .total())
                    .isEqualTo(3);

            NeighborsQuery.Page out = new NeighborsQuery(f.driver, f.repo)
                    .run(new NeighborsQuery.Request(MAIN, "out", null, 1, 50, null));
            assertThat(out.rows().stream().map(r -> String.valueOf(r.get("id"))))
                    .containsExactlyInAnyOrder(
                            "architecture:module:app.py",
                            "architecture:module:src/util.py",
                            "workflow:command:pytest tests/",
                            MAIN + "/agent-a1b2c3",
                            MAIN + "/agent-d4e5f6",
                            "workflow:work_unit:WU-12",
                            "workflow:work_unit:WU-13",
                            "workflow:commit:"
                                    + tree.git
                                            .log()
                                            .setMaxCount(1)
                                            .call()
                                            .iterator()
                                            .next()
                                            .getName(),
                            "workflow:commit:" + firstCommit(tree));
            assertThat(f.graph()
                            .read(
                                    "MATCH (s:Session {repo: $repo, id: $id})-[r:READ]->(m:Module {path: 'app.py'})"
                                            + " RETURN r.count AS c, r.tokens AS t",
                                    Map.of("repo", f.repo, "id", MAIN))
                            .getFirst()
                            .asMap())
                    .containsEntry("c", 3L)
                    .containsEntry("t", 250L);
            assertThat(f.fingerprint()).isEqualTo(f.reference());

            // session_cost: the session with its two subagents (weighted 8,313 + 9,817 + 6,966 tokens).
            SessionCost cost = new SessionCost(f.graph());
            assertThat(rows(cost, "session"))
                    .containsExactly(MAIN + " sessions=1 api_calls=16 weighted_tokens=25096 cached_share=0.81");
            assertThat(rows(cost, "work_unit"))
                    .containsExactly(
                            "workflow:work_unit:WU-12 sessions=1 api_calls=16 weighted_tokens=25096 cached_share=0.81",
                            "workflow:work_unit:WU-13 sessions=1 api_calls=16 weighted_tokens=25096 cached_share=0.81");
            assertThat(rows(cost, "model"))
                    .containsExactly(
                            "claude-sonnet-4-5-20250929 sessions=1 api_calls=5 weighted_tokens=16783 cached_share=0.605",
                            "claude-opus-4-1-20250805 sessions=1 api_calls=11 weighted_tokens=8313 cached_share=0.937");
            assertThat(rows(cost, "day"))
                    .containsExactly("2026-11-21 sessions=1 api_calls=16 weighted_tokens=25096 cached_share=0.81");
            assertThat(cost.run(new SessionCost.Request("file", null, null, null, null))
                            .get("rows"))
                    .isEqualTo(List.of(
                            Map.of("key", "app.py", "sessions", 2, "reads", 4L, "read_tokens", 350L),
                            Map.of("key", "src/util.py", "sessions", 1, "reads", 1L, "read_tokens", 30L)));
            assertThat(cost.run(new SessionCost.Request("file", "2026-11-22", null, null, null))
                            .get("total"))
                    .isEqualTo(0);

            // Duplicate evidence names what sessions already spent on a candidate.
            Map<String, Object> wu12 = new DuplicateFinder(f.driver, f.repo, (Embeddings) null)
                            .find(new ProposedWork("Retry logins", null, List.of("app.py"), null, null, null), 5)
                            .candidates()
                            .stream()
                            .filter(c -> c.id().equals("workflow:work_unit:WU-12"))
                            .findFirst()
                            .orElseThrow()
                            .evidence()
                            .toMap();
            assertThat(wu12).containsEntry("sessions", 1L).containsEntry("session_tokens", 25_096L);
            assertThat(wu12.get("summary").toString()).endsWith("; 1 session, 25.1K tokens spent on it");

            Files.writeString(
                    project.resolve("5e55e55e-0000-4000-8000-000000000005.jsonl"),
                    line("5e55e55e-0000-4000-8000-000000000005", tree.root.toString()));
            IndexSummary second = f.run();

            assertThat(second.incremental()).isTrue();
            assertThat(find.run(new FindQuery.Request("workflow", "session", null, null, null, null))
                            .total())
                    .isEqualTo(4);
            assertThat(f.fingerprint()).isEqualTo(f.reference());
        } catch (org.eclipse.jgit.api.errors.GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fixture transcripts, moved into the test repository and to the day of its commits. */
    private static void copyFixture(Path project, String root) throws IOException {
        try (Stream<Path> files = Files.walk(PROJECT)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path to = project.resolve(PROJECT.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                    continue;
                }
                String text =
                        Files.readString(p).replace("/home/dev/app", root).replace("2026-11-20T10:", "2026-11-21T09:");
                if (p.getFileName().toString().startsWith(SESSION)) {
                    // One more record, first in the file, so the session spans both commits (09:34, 09:35).
                    text = "{\"type\":\"system\",\"sessionId\":\"" + SESSION + "\",\"cwd\":\"" + root
                            + "\",\"timestamp\":\"2026-11-21T09:40:00.000Z\"}\n" + text;
                }
                Files.writeString(to, text);
            }
        }
    }

    private static String line(String id, String root) {
        return "{\"type\":\"assistant\",\"sessionId\":\"" + id + "\",\"cwd\":\"" + root
                + "\",\"timestamp\":\"2026-11-22T08:00:00Z\",\"message\":{\"id\":\"msg_x\",\"model\":\"m\","
                + "\"usage\":{\"input_tokens\":1,\"output_tokens\":1},\"content\":[{\"type\":\"tool_use\","
                + "\"id\":\"t1\",\"name\":\"Read\",\"input\":{\"file_path\":\"" + root + "/app.py\"}}]}}\n";
    }

    /** Each row of a cost answer as one line of its key and main figures. */
    @SuppressWarnings("unchecked")
    private static List<String> rows(SessionCost cost, String by) {
        return ((List<Map<String, Object>>) cost.run(new SessionCost.Request(by, null, null, null, null))
                        .get("rows"))
                .stream()
                        .map(r -> r.get("key") + " sessions=" + r.get("sessions") + " api_calls=" + r.get("api_calls")
                                + " weighted_tokens=" + r.get("weighted_tokens") + " cached_share="
                                + r.get("cached_share")
                                + (r.containsKey("outlier") ? " outlier" : ""))
                        .toList();
    }

    private static String firstCommit(WorkTree tree) throws org.eclipse.jgit.api.errors.GitAPIException {
        String last = null;
        for (var c : tree.git.log().call()) {
            last = c.getName();
        }
        return last;
    }

    private static tools.jackson.databind.JsonNode json(String text) {
        return JsonMapper.builder().build().readTree(text);
    }
}
