package dev.graphmemory.indexer.sessions;

import static dev.graphmemory.indexer.sessions.TranscriptReaderTest.PROJECT;
import static dev.graphmemory.indexer.sessions.TranscriptReaderTest.REPO;
import static dev.graphmemory.indexer.sessions.TranscriptReaderTest.SESSION;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionIndexTest {
    @TempDir
    Path home;

    private Path cache;

    @BeforeEach
    void copyFixture() throws IOException {
        Path target = home.resolve("projects").resolve(SessionFinder.encode(REPO));
        try (Stream<Path> files = Files.walk(PROJECT)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(PROJECT.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        session("-home-dev-app-tools", "t1", "/home/dev/app/tools"); // inside the repository
        session("-home-dev-app-old", "t2", "/home/dev/app-old"); // a name that only looks inside
        session("-home-dev-app2", "t3", "/home/dev/app2"); // another project
        cache = home.resolve("cache/sessions.json");
    }

    private void session(String folder, String id, String cwd) throws IOException {
        Path dir = Files.createDirectories(home.resolve("projects").resolve(folder));
        Files.writeString(
                dir.resolve(id + ".jsonl"),
                "{\"type\":\"user\",\"sessionId\":\"" + id + "\",\"cwd\":\"" + cwd
                        + "\",\"timestamp\":\"2026-11-21T09:00:00Z\",\"message\":{\"role\":\"user\",\"content\":\"hi\"}}\n");
    }

    private SessionSources sources() {
        return new SessionSources(true, home, List.of());
    }

    @Test
    void encodesAPathAsClaudeCodeNamesItsProjectFolder() {
        assertThat(SessionFinder.encode(Path.of("/Users/alice/my.app"))).isEqualTo("-Users-alice-my-app");
        assertThat(SessionFinder.encode(REPO)).isEqualTo("-home-dev-app");
    }

    @Test
    void keepsTheSessionsOfTheRepositoryAndOfFoldersInsideIt() {
        SessionIndex.Result r = new SessionIndex(REPO, sources(), cache).read();
        assertThat(r.sessions().stream().map(TranscriptStats::key))
                .containsExactlyInAnyOrder(SESSION, SESSION + "/agent-a1b2c3", SESSION + "/agent-d4e5f6", "t1");
        assertThat(r.elsewhere()).isEqualTo(1); // app-old; app2's folder is not even a candidate
        assertThat(r.read()).isEqualTo(5);
        assertThat(r.problems()).containsExactly(SESSION + ".jsonl: 2 line(s) not readable, skipped");
    }

    @Test
    void readsAgainOnlyTheTranscriptsThatChanged() throws IOException {
        new SessionIndex(REPO, sources(), cache).read();
        SessionIndex.Result same = new SessionIndex(REPO, sources(), cache).read();
        assertThat(same.read()).isZero();
        assertThat(same.fromCache()).isEqualTo(5);
        assertThat(same.sessions()).hasSize(4);

        Path agent = home.resolve("projects/-home-dev-app/" + SESSION + "/subagents/agent-d4e5f6.jsonl");
        Files.writeString(agent, "not json\n", StandardOpenOption.APPEND);
        SessionIndex.Result changed = new SessionIndex(REPO, sources(), cache).read();
        assertThat(changed.read()).isEqualTo(1);
        assertThat(changed.fromCache()).isEqualTo(4);
        assertThat(changed.sessions().stream()
                        .filter(s -> s.key().endsWith("d4e5f6"))
                        .findFirst()
                        .orElseThrow()
                        .skippedLines())
                .isEqualTo(1);
    }

    @Test
    void theFingerprintChangesWithATranscriptAndIsEmptyWithoutOne() throws IOException {
        String before = new SessionIndex(REPO, sources(), cache).fingerprint();
        session("-home-dev-app", "t4", "/home/dev/app");
        assertThat(new SessionIndex(REPO, sources(), cache).fingerprint()).isNotEqualTo(before);
        assertThat(new SessionIndex(Path.of("/elsewhere"), sources(), cache).fingerprint())
                .isEmpty();
    }

    @Test
    void switchedOffFindsNothing() {
        SessionIndex off = new SessionIndex(REPO, new SessionSources(false, home, List.of()), cache);
        assertThat(off.transcripts()).isEmpty();
        assertThat(off.read().sessions()).isEmpty();
    }

    @Test
    void readsAnExtraFolderOfExportedTranscripts() throws IOException {
        Path extra = Files.createDirectories(home.resolve("exported"));
        Files.copy(PROJECT.resolve(SESSION + ".jsonl"), extra.resolve(SESSION + ".jsonl"));
        SessionIndex.Result r = new SessionIndex(REPO, new SessionSources(true, null, List.of(extra)), null).read();
        assertThat(r.sessions().stream().map(TranscriptStats::key)).containsExactly(SESSION);
    }
}
