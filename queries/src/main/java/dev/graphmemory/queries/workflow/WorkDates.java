package dev.graphmemory.queries.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * When a work unit or bug was filed, read from its properties (its frontmatter fields).
 *
 * <p>The first of {@link #KEYS} that holds a date wins; a field at the top level goes before the same
 * field inside a nested map (frontmatter imported from a tracker often keeps it there, as in {@code
 * source: {project: hadoop, created: "11/Apr/22 10:12"}}, which the indexer stores as compact JSON).
 * Accepted forms: ISO-8601 instants, offset or local date-times and dates ({@code 2022-04-11}, {@code
 * 2022-04-11T10:12:00Z}, {@code 2022-04-11 10:12}), Jira's {@code 11/Apr/22 10:12}, RFC 1123 and
 * epoch seconds or milliseconds. A time without a zone is read as UTC. Anything else is no date: the
 * finder then compares the two items without the date evidence, never fails on it.
 */
public final class WorkDates {
    /** The fields that can hold the filing date, in the order they are tried. */
    public static final List<String> KEYS = List.of(
            "created",
            "created_at",
            "createdAt",
            "creation_date",
            "date",
            "opened",
            "opened_at",
            "reported",
            "reported_at",
            "filed",
            "submitted");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<DateTimeFormatter> LOCAL_DATE_TIMES = List.of(
            formatter("yyyy-MM-dd HH:mm[:ss][.SSS]"),
            formatter("d/MMM/yy H:mm"),
            formatter("d/MMM/yyyy H:mm"),
            formatter("d MMM yyyy H:mm[:ss]"));
    private static final List<DateTimeFormatter> LOCAL_DATES =
            List.of(formatter("d/MMM/yy"), formatter("d/MMM/yyyy"), formatter("d MMM yyyy"), formatter("yyyy/MM/dd"));

    private WorkDates() {}

    /** The filing date in these properties, if one of {@link #KEYS} holds a readable date. */
    public static Optional<Instant> created(Map<String, ?> properties) {
        for (String key : KEYS) {
            Optional<Instant> top = parse(properties.get(key));
            if (top.isPresent()) {
                return top;
            }
        }
        for (Object value : properties.values()) {
            if (value instanceof String s && s.startsWith("{")) {
                Optional<Instant> nested = nested(s);
                if (nested.isPresent()) {
                    return nested;
                }
            } else if (value instanceof Map<?, ?> map) {
                for (String key : KEYS) {
                    Optional<Instant> inner = parse(map.get(key));
                    if (inner.isPresent()) {
                        return inner;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Instant> nested(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JacksonException e) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            return Optional.empty();
        }
        for (String key : KEYS) {
            JsonNode v = node.get(key);
            if (v != null && (v.isString() || v.isNumber())) {
                Optional<Instant> inner = parse(v.isNumber() ? (Object) v.longValue() : v.asString());
                if (inner.isPresent()) {
                    return inner;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A date a caller typed, or {@code null} when {@code value} is null.
     *
     * @param name how the caller named it, for the error ({@code --created}, {@code created})
     * @throws IllegalArgumentException naming the input when it is not a date
     */
    public static Instant argument(String name, String value) {
        if (value == null) {
            return null;
        }
        return parse(value)
                .orElseThrow(() -> new IllegalArgumentException(
                        name + " '" + value + "' is not a date; give one such as 2026-03-01 or 2026-03-01T10:15:00Z"));
    }

    /** A date value as the frontmatter gives it, or empty when it is not one. */
    public static Optional<Instant> parse(Object value) {
        return switch (value) {
            case null -> Optional.empty();
            case Instant i -> Optional.of(i);
            case java.util.Date d -> Optional.of(d.toInstant());
            case Number n -> epoch(n.longValue());
            case String s -> parse(s.strip());
            default -> parse(value.toString().strip());
        };
    }

    private static Optional<Instant> parse(String s) {
        if (s.isEmpty()) {
            return Optional.empty();
        }
        if (s.chars().allMatch(Character::isDigit) && s.length() >= 9 && s.length() <= 13) {
            return epoch(Long.parseLong(s));
        }
        for (var attempt : List.<java.util.function.Function<String, Instant>>of(
                Instant::parse,
                t -> OffsetDateTime.parse(t).toInstant(),
                t -> ZonedDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant(),
                t -> LocalDateTime.parse(t).toInstant(ZoneOffset.UTC),
                t -> LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant())) {
            try {
                return Optional.of(attempt.apply(s));
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        for (DateTimeFormatter f : LOCAL_DATE_TIMES) {
            try {
                return Optional.of(LocalDateTime.parse(s, f).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        for (DateTimeFormatter f : LOCAL_DATES) {
            try {
                return Optional.of(
                        LocalDate.parse(s, f).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return Optional.empty();
    }

    /** Seconds or, past the year 5138 in seconds, milliseconds since the epoch. */
    private static Optional<Instant> epoch(long n) {
        if (n <= 0) {
            return Optional.empty();
        }
        return Optional.of(n >= 100_000_000_000L ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n));
    }

    private static DateTimeFormatter formatter(String pattern) {
        return new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern(pattern)
                .parseDefaulting(ChronoField.ERA, 1)
                .toFormatter(Locale.ENGLISH);
    }
}
