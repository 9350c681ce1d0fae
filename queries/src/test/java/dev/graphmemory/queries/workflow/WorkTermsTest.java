package dev.graphmemory.queries.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkTermsTest {
    @Test
    void abbreviationAndFullWordGiveTheSameTerm() {
        assertThat(WorkTerms.of("Improve auth timeout handling"))
                .containsExactly("improv", "authent", "timeout", "handl");
        assertThat(WorkTerms.of("Fix authentication timeout")).containsExactly("fix", "authent", "timeout");
        assertThat(WorkTerms.canonical("config")).isEqualTo(WorkTerms.canonical("configuration"));
        assertThat(WorkTerms.canonical("db")).isEqualTo(WorkTerms.canonical("database"));
    }

    @Test
    void synonymousVerbsShareATerm() {
        assertThat(WorkTerms.canonical("upgrade")).isEqualTo(WorkTerms.canonical("update"));
        assertThat(WorkTerms.canonical("bumped")).isEqualTo(WorkTerms.canonical("updating"));
        assertThat(WorkTerms.canonical("deleting")).isEqualTo(WorkTerms.canonical("removed"));
    }

    @Test
    void dropsStopWordsAndSingleCharacters() {
        assertThat(WorkTerms.of("the cache is not a problem x")).containsExactly("cach", "problem");
    }

    @Test
    void splitsIdentifiersAndKeepsThemWhole() {
        assertThat(WorkTerms.of("TokenCache#refreshAll"))
                .containsExactly(
                        "#tokencache",
                        "tokencach",
                        "#refreshall",
                        "refreshal",
                        "#tokencache#refreshall",
                        "token",
                        "cach",
                        "refresh");
        assertThat(WorkTerms.of("src/auth/handler.py")).contains("#src/auth/handler.py", "authent", "handler");
    }

    @Test
    void camelCaseVariantsOfOneNameMatch() {
        assertThat(WorkTerms.of("ZooKeeper")).contains("zookeep");
        assertThat(WorkTerms.of("Zookeeper")).containsExactly("zookeep");
    }

    @Test
    void remembersHowEachTermWasWritten() {
        Map<String, String> surfaces = new LinkedHashMap<>();
        WorkTerms.of("Improve auth timeout handling", surfaces);
        assertThat(surfaces).containsEntry("authent", "auth").containsEntry("handl", "handling");
    }

    @Test
    void emptyAndNullTextGiveNoTerms() {
        assertThat(WorkTerms.of(null)).isEmpty();
        assertThat(WorkTerms.of("  -- ! ")).isEmpty();
    }

    @Test
    void aVersionWithALeadingVIsTheSameVersion() {
        assertThat(WorkTerms.of("snakeyaml dependency: upgrade to v2.0"))
                .containsAll(WorkTerms.of("upgrade snakeyaml to 2.0"));
        assertThat(WorkTerms.of("V3.4.1")).isEqualTo(WorkTerms.of("3.4.1"));
        assertThat(WorkTerms.of("v2ray")).isNotEqualTo(WorkTerms.of("2ray"));
        assertThat(WorkTerms.of("vendor")).isNotEqualTo(WorkTerms.of("endor"));
    }
}
