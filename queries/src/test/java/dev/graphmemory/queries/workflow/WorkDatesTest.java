package dev.graphmemory.queries.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkDatesTest {
    @Test
    void readsTheFormsFrontmatterAndTrackersWrite() {
        assertThat(WorkDates.parse("2022-04-11")).contains(Instant.parse("2022-04-11T00:00:00Z"));
        assertThat(WorkDates.parse("2022-04-11T10:12:00Z")).contains(Instant.parse("2022-04-11T10:12:00Z"));
        assertThat(WorkDates.parse("2022-04-11T12:12:00+02:00")).contains(Instant.parse("2022-04-11T10:12:00Z"));
        assertThat(WorkDates.parse("2022-04-11T10:12")).contains(Instant.parse("2022-04-11T10:12:00Z"));
        assertThat(WorkDates.parse("2022-04-11 10:12:30")).contains(Instant.parse("2022-04-11T10:12:30Z"));
        assertThat(WorkDates.parse("11/Apr/22 10:12")).contains(Instant.parse("2022-04-11T10:12:00Z"));
        assertThat(WorkDates.parse("3/Jan/2020 16:35")).contains(Instant.parse("2020-01-03T16:35:00Z"));
        assertThat(WorkDates.parse("Mon, 11 Apr 2022 10:12:00 GMT")).contains(Instant.parse("2022-04-11T10:12:00Z"));
        assertThat(WorkDates.parse(1_649_671_920L)).contains(Instant.parse("2022-04-11T10:12:00Z"));
        assertThat(WorkDates.parse("1649671920000")).contains(Instant.parse("2022-04-11T10:12:00Z"));
    }

    @Test
    void whatIsNoDateIsNoDate() {
        assertThat(WorkDates.parse("soon")).isEmpty();
        assertThat(WorkDates.parse("2022-13-45")).isEmpty();
        assertThat(WorkDates.parse("")).isEmpty();
        assertThat(WorkDates.parse(null)).isEmpty();
        assertThat(WorkDates.parse(true)).isEmpty();
        assertThat(WorkDates.created(Map.of("title", "2022-04-11", "status", "open")))
                .isEmpty();
        assertThat(WorkDates.created(Map.of("source", "{not json"))).isEmpty();
    }

    @Test
    void aTopLevelFieldGoesBeforeOneInANestedMap() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("source", "{\"project\":\"hadoop\",\"created\":\"11/Apr/22 10:12\"}");
        assertThat(WorkDates.created(props)).contains(Instant.parse("2022-04-11T10:12:00Z"));
        props.put("created_at", "2023-01-02");
        assertThat(WorkDates.created(props)).contains(Instant.parse("2023-01-02T00:00:00Z"));
        props.put("created", "not a date");
        assertThat(WorkDates.created(props)).contains(Instant.parse("2023-01-02T00:00:00Z"));
        assertThat(WorkDates.created(Map.of("meta", Map.of("opened", "2021-05-06"))))
                .contains(Instant.parse("2021-05-06T00:00:00Z"));
    }
}
