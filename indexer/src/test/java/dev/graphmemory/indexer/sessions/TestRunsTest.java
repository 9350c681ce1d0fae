package dev.graphmemory.indexer.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestRunsTest {
    @Test
    void tellsTestAndBuildRunsFromOtherCommands() {
        assertThat(TestRuns.isTestOrBuild("mvnw verify")).isTrue();
        assertThat(TestRuns.isTestOrBuild("pytest tests/")).isTrue();
        assertThat(TestRuns.isTestOrBuild("npm test")).isTrue();
        assertThat(TestRuns.isTestOrBuild("go test ./...")).isTrue();
        assertThat(TestRuns.isTestOrBuild("git status")).isFalse();
        assertThat(TestRuns.isTestOrBuild("grep login tests")).isTrue(); // a word "tests": a known blind spot
    }

    @Test
    void findsATestTallyOfTheCommonRunners() {
        assertThat(TestRuns.reportsTests("Tests run: 12, Failures: 1, Errors: 0"))
                .isTrue();
        assertThat(TestRuns.reportsTests("==== 1 failed, 3 passed in 0.12s ===="))
                .isTrue();
        assertThat(TestRuns.reportsTests("Ran 4 tests in 0.003s\n\nFAILED (failures=1)"))
                .isTrue();
        assertThat(TestRuns.reportsTests("test result: FAILED. 3 passed; 1 failed"))
                .isTrue();
        assertThat(TestRuns.reportsTests("--- FAIL: TestLogin (0.00s)")).isTrue();
    }

    @Test
    void aRunThatStoppedBeforeAnyTestHasNoTally() {
        assertThat(TestRuns.reportsTests("ImportError while loading conftest '/app/tests/conftest.py'."))
                .isFalse();
        assertThat(TestRuns.reportsTests("[ERROR] COMPILATION ERROR :\n[ERROR] Foo.java:[3,1] ';' expected"))
                .isFalse();
        assertThat(TestRuns.reportsTests("error: unrecognized arguments: --cov"))
                .isFalse();
    }
}
