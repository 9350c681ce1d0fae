package dev.graphmemory.queries.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkDatesTest {
    /** Real-world forms, each as a tool, a tracker export or a YAML file writes it, and its instant. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2022-04-11                              | 2022-04-11T00:00:00Z
            2022-04-11T10:12:00Z                    | 2022-04-11T10:12:00Z
            2022-04-11t10:12:00z                    | 2022-04-11T10:12:00Z
            2022-04-11T12:12:00+02:00               | 2022-04-11T10:12:00Z
            2022-04-11T10:12                        | 2022-04-11T10:12:00Z
            2022-04-11 10:12:30                     | 2022-04-11T10:12:30Z
            2020-01-23 12:06:53+00:00               | 2020-01-23T12:06:53Z
            2020-01-23 12:06:53.123456+00:00        | 2020-01-23T12:06:53.123456Z
            2020-01-23 07:06:53-05                  | 2020-01-23T12:06:53Z
            2020-01-23 12:06:53 UTC                 | 2020-01-23T12:06:53Z
            2020-01-23 14:06:53 +0200               | 2020-01-23T12:06:53Z
            2022-04-11T10:12:00.000+0000            | 2022-04-11T10:12:00Z
            2001-12-14 21:59:43.10 -5               | 2001-12-15T02:59:43.100Z
            2022-4-1                                | 2022-04-01T00:00:00Z
            20220411T101200Z                        | 2022-04-11T10:12:00Z
            2022/04/11                              | 2022-04-11T00:00:00Z
            2022/04/11 10:12                        | 2022-04-11T10:12:00Z
            'Mon, 11 Apr 2022 10:12:00 GMT'         | 2022-04-11T10:12:00Z
            'Mon, 11 Apr 2022 12:12:00 +0200'       | 2022-04-11T10:12:00Z
            11 Apr 2022 06:12:00 EDT                | 2022-04-11T10:12:00Z
            'Mon, 11 Apr 2022 10:12:00 +0000 (UTC)' | 2022-04-11T10:12:00Z
            Mon Apr 11 12:12:00 2022 +0200          | 2022-04-11T10:12:00Z
            Mon Apr 11 10:12:00 2022                | 2022-04-11T10:12:00Z
            Mon Apr 11 10:12:00 UTC 2022            | 2022-04-11T10:12:00Z
            11/Apr/22 10:12                         | 2022-04-11T10:12:00Z
            11/Apr/22 10:12 PM                      | 2022-04-11T22:12:00Z
            11/Apr/22 12:05 AM                      | 2022-04-11T00:05:00Z
            3/Jan/2020 16:35                        | 2020-01-03T16:35:00Z
            11/Apr/22                               | 2022-04-11T00:00:00Z
            11-Apr-2022                             | 2022-04-11T00:00:00Z
            11 April 2022                           | 2022-04-11T00:00:00Z
            'Apr 11, 2022'                          | 2022-04-11T00:00:00Z
            'September 3rd, 2021 4:05 pm'           | 2021-09-03T16:05:00Z
            'Sept 3, 2021'                          | 2021-09-03T00:00:00Z
            1649671920                              | 2022-04-11T10:12:00Z
            1649671920000                           | 2022-04-11T10:12:00Z
            1649671920.5                            | 2022-04-11T10:12:00.500Z
            """)
    void readsTheFormsTrackersToolsAndPeopleWrite(String written, String expected) {
        assertThat(WorkDates.parse(written)).contains(Instant.parse(expected));
        assertThat(WorkDates.argument("created", written)).isEqualTo(Instant.parse(expected));
    }

    @Test
    void readsValuesAYamlOrJsonParserHasAlreadyTyped() {
        Instant at = Instant.parse("2022-04-11T10:12:00Z");
        assertThat(WorkDates.parse(1_649_671_920L)).contains(at);
        assertThat(WorkDates.parse(1_649_671_920_000L)).contains(at);
        assertThat(WorkDates.parse(1.64967192E9)).contains(at);
        assertThat(WorkDates.parse(java.util.Date.from(at))).contains(at);
        assertThat(WorkDates.parse(java.time.OffsetDateTime.parse("2022-04-11T12:12:00+02:00")))
                .contains(at);
        assertThat(WorkDates.parse(java.time.LocalDate.parse("2022-04-11")))
                .contains(Instant.parse("2022-04-11T00:00:00Z"));
        assertThat(WorkDates.parse(java.time.LocalDateTime.parse("2022-04-11T10:12:00")))
                .contains(at);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "soon",
                "TBD",
                "2022-13-45",
                "2022-02-30",
                "2022-04-11 25:00",
                "04/11/2022",
                "11/04/2022",
                "2022",
                "12345",
                "Foo 11, 2022",
                "11/Apr/22 13:00 PM",
                "2022-04-11T10:12:00+25:00",
                "v1.2.3",
                "2022-04-11 10"
            })
    void whatIsNoDateIsNoDate(String written) {
        assertThat(WorkDates.parse(written)).isEmpty();
        assertThatThrownBy(() -> WorkDates.argument("created", written))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("created '" + written + "' is not a date")
                .hasMessageContaining("accepted: ISO 8601")
                .hasMessageContaining("Jira");
    }

    @Test
    void emptyNullAndNonDatesAreNoDate() {
        assertThat(WorkDates.parse(2022)).isEmpty();
        assertThat(WorkDates.parse(-5)).isEmpty();
        assertThat(WorkDates.argument("created", null)).isNull();
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
