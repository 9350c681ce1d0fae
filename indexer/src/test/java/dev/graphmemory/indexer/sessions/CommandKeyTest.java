package dev.graphmemory.indexer.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandKeyTest {
    @Test
    void dropsCdPrefixesEnvAssignmentsFlagsAndPipes() {
        assertThat(CommandKey.of("cd app && MAVEN_OPTS=-Xmx1g ./mvnw -q -o verify | tail -20"))
                .isEqualTo("mvnw verify");
        assertThat(CommandKey.of("mvn verify -q")).isEqualTo("mvn verify");
        assertThat(CommandKey.of("mvn -q verify")).isEqualTo("mvn verify");
    }

    @Test
    void keepsAtMostTwoPlainArguments() {
        assertThat(CommandKey.of("pytest tests/ -x")).isEqualTo("pytest tests/");
        assertThat(CommandKey.of("python -m pytest tests/unit tests/e2e")).isEqualTo("python pytest tests/unit");
        assertThat(CommandKey.of("git status")).isEqualTo("git status");
    }

    @Test
    void stopsAtAnArgumentThatIsNotAPlainWordSoNoMessageOrSecretIsKept() {
        assertThat(CommandKey.of("git commit -m \"fix the login bug\"")).isEqualTo("git commit");
        assertThat(CommandKey.of("curl https://example.com/api?token=s3cret")).isEqualTo("curl");
        assertThat(CommandKey.of("export TOKEN=abc; env DEBUG=1 timeout 60 npm test"))
                .isEqualTo("npm test");
    }

    @Test
    void aCommandOfOnlyCdsHasNoKey() {
        assertThat(CommandKey.of("cd /tmp")).isNull();
        assertThat(CommandKey.of("   ")).isNull();
        assertThat(CommandKey.of(null)).isNull();
    }

    @Test
    void aSemicolonInsideQuotesDoesNotSplit() {
        assertThat(CommandKey.of("echo 'a; b' && make build")).isEqualTo("echo");
    }
}
