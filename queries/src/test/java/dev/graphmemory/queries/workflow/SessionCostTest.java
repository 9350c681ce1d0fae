package dev.graphmemory.queries.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphmemory.queries.find.ToolException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionCostTest {
    @Test
    void aStartIsInRangeByDayOrInstantInclusive() {
        String start = "2026-11-20T10:00:00Z";
        assertThat(SessionCost.inRange(start, "2026-11-20", "2026-11-20")).isTrue();
        assertThat(SessionCost.inRange(start, "2026-11-21", null)).isFalse();
        assertThat(SessionCost.inRange(start, null, "2026-11-19")).isFalse();
        assertThat(SessionCost.inRange(start, "2026-11-20T10:00:01Z", null)).isFalse();
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(SessionCost.median(List.of(10L, 1L, 4L))).isEqualTo(4.0);
        assertThat(SessionCost.median(List.of(10L, 1L, 4L, 6L))).isEqualTo(5.0);
        assertThat(SessionCost.median(List.of())).isZero();
    }

    @Test
    void anUnknownGroupingIsTheCallersMistakeNamingTheChoices() {
        assertThatThrownBy(() -> new SessionCost(null).run(new SessionCost.Request("week", null, null, null, null)))
                .isInstanceOf(ToolException.class)
                .hasMessageContaining("by: expected one of [work_unit, session, day, model, file], got 'week'");
    }

    @Test
    void spendIsSaidInRoundedTokens() {
        assertThat(new SessionSpend(2, 3_140_000).summary()).isEqualTo("2 sessions, 3.1M tokens spent on it");
        assertThat(new SessionSpend(1, 25_096).summary()).isEqualTo("1 session, 25.1K tokens spent on it");
        assertThat(SessionSpend.tokens(999)).isEqualTo("999");
    }

    @Test
    void anOutlierCostsOverThreeTimesTheMedianOfItsTier() {
        java.util.Map<String, Long> weighted = new java.util.HashMap<>();
        java.util.Map<String, String> tiers = new java.util.HashMap<>();
        // Stories: median 105, so 400 is an outlier; tasks: median 10, so 31 is one too, though it is
        // far below the stories' median; no tier: median of 50 and 400 is 225, so neither.
        for (String[] row : new String[][] {
            {"s1", "100", "story"},
            {"s2", "90", "story"},
            {"s3", "400", "story"},
            {"s4", "110", "story"},
            {"t1", "10", "task"},
            {"t2", "31", "task"},
            {"t3", "9", "task"},
            {"n1", "50", null},
            {"n2", "400", null}
        }) {
            weighted.put(row[0], Long.parseLong(row[1]));
            tiers.put(row[0], row[2]);
        }
        assertThat(SessionCost.outliers(weighted, tiers)).containsExactly("s3", "t2");
    }

    @Test
    void aCursorOfAnotherGroupingIsRefusedWithHowToGoOn() {
        assertThatThrownBy(() ->
                        new SessionCost(null).run(new SessionCost.Request("file", null, null, null, "cost:day:25")))
                .isInstanceOf(ToolException.class)
                .hasMessageContaining("not a next_cursor of a session_cost answer by file");
    }
}
