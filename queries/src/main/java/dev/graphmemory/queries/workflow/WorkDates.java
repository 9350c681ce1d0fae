package dev.graphmemory.queries.workflow;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one reader of dates: when a work unit or bug was filed, read from its frontmatter by the
 * indexer and from tool arguments and CLI options by the tools.
 *
 * <p>The first of {@link #KEYS} that holds a date wins; a field at the top level goes before the same
 * field inside a nested map (frontmatter imported from a tracker often keeps it there, as in {@code
 * source: {project: hadoop, created: "11/Apr/22 10:12"}}, which the indexer stores as compact JSON).
 *
 * <p>Accepted forms ({@link #FORMS}): ISO 8601 with {@code T} or spaces between date and time, with
 * {@code Z}, {@code UTC}, an offset ({@code +02:00}, {@code +0200}, {@code +02}) or none, with or
 * without seconds and fractions, or a date alone, and the basic form {@code 20220411T101200Z}; the
 * same with slashes ({@code 2022/04/11 10:12}); RFC 1123 and RFC 2822 (mail, HTTP: {@code Mon, 11 Apr
 * 2022 10:12:00 +0200}, the weekday optional, the obsolete zone names {@code GMT UT EST EDT CST CDT
 * MST MDT PST PDT} and a trailing comment such as {@code (UTC)}); git's and C's {@code ctime} form
 * ({@code Mon Apr 11 10:12:00 2022 +0200}, also {@code date}'s {@code ... UTC 2022}); Jira's {@code
 * 11/Apr/22 10:12} (with {@code AM}/{@code PM}, a four-digit year or no time); month names ({@code Apr
 * 11, 2022}, {@code April 11 2022 10:12 PM}, {@code 11 April 2022}); Unix epoch seconds (with a
 * fraction) or milliseconds, as text or number; and values a YAML parser has already typed. A time
 * without a zone is read as UTC; a two-digit year is 2000-2069 or 1970-1999. Day-first and
 * month-first numeric dates ({@code 04/11/2022}) are ambiguous and not read.
 */
public final class WorkDates {
    /** The fields that can hold the filing date, in the order they are tried. */
    public static final List<String> KEYS = List.of(
            "created",
            "created_at",
            "createdAt",
            "createdat",
            "creation_date",
            "date",
            "opened",
            "opened_at",
            "reported",
            "reported_at",
            "filed",
            "submitted");

    /** The accepted forms, as an error message lists them. */
    public static final String FORMS = "ISO 8601 (2026-03-01, 2026-03-01T10:15:00Z, 2026-03-01 10:15:00+00:00),"
            + " 2026/03/01, RFC 1123/2822 (Sun, 01 Mar 2026 10:15:00 GMT), git (Sun Mar 1 10:15:00 2026 +0000),"
            + " Jira (01/Mar/26 10:15 AM), Mar 1, 2026, or Unix epoch seconds or milliseconds;"
            + " a time without a zone is UTC";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String TIME = "(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?";
    private static final String ZONE = "(Z|UTC|UT|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|[+-]\\d{1,2}(?::?\\d{2})?)";
    private static final String MERIDIEM = "(AM|PM|A\\.M\\.|P\\.M\\.)";
    private static final String COMMENT = "(?:\\s*\\([^)]*\\))?";

    /** {@code 2022-04-11[T| ]10:12[:00[.123]][ ][Z|+02:00]} and the same with slashes. */
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})([-/])(\\d{1,2})\\2(\\d{1,2})(?:(?:T|\\s+)" + TIME + "\\s*" + ZONE + "?)?",
            Pattern.CASE_INSENSITIVE);
    /** ISO 8601's basic form: {@code 20220411T101200Z}. */
    private static final Pattern ISO_BASIC = Pattern.compile(
            "(\\d{4})(\\d{2})(\\d{2})T(\\d{2})(\\d{2})(\\d{2})?(?:[.,](\\d{1,9}))?(Z|[+-]\\d{2}(?:\\d{2})?)?",
            Pattern.CASE_INSENSITIVE);
    /** RFC 1123/2822 and day-first month names: {@code [Mon, ]11 Apr 2022[ 10:12[:00]][ +0200]}. */
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(?:[A-Z]{3,9},?\\s+)?(\\d{1,2})[\\s-]+([A-Z]{3,9})\\.?[\\s-]+(\\d{2}|\\d{4})(?:,?\\s+" + TIME + "\\s*"
                    + ZONE + "?)?" + COMMENT,
            Pattern.CASE_INSENSITIVE);
    /** git, ctime and date(1): {@code Mon Apr 11 10:12:00 [UTC ]2022[ +0200]}. */
    private static final Pattern CTIME = Pattern.compile(
            "[A-Z]{3,9},?\\s+([A-Z]{3,9})\\s+(\\d{1,2})\\s+" + TIME + "\\s+(?:" + ZONE + "\\s+)?(\\d{4})(?:\\s+" + ZONE
                    + ")?",
            Pattern.CASE_INSENSITIVE);
    /** Jira: {@code 11/Apr/22[ 10:12[ AM]]}. */
    private static final Pattern JIRA = Pattern.compile(
            "(\\d{1,2})/([A-Z]{3,9})/(\\d{2}|\\d{4})(?:\\s+" + TIME + "\\s*" + MERIDIEM + "?)?",
            Pattern.CASE_INSENSITIVE);
    /** Month first: {@code [Mon, ]Apr 11, 2022[, 10:12 PM][ UTC]}. */
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "(?:[A-Z]{3,9},?\\s+)?([A-Z]{3,9})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?:,?\\s+(?:at\\s+)?"
                    + TIME + "\\s*" + MERIDIEM + "?\\s*" + ZONE + "?)?",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern EPOCH = Pattern.compile("\\d{9,13}(?:\\.\\d{1,9})?");

    private static final List<String> MONTHS =
            List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
    private static final Map<String, Integer> NAMED_ZONES = Map.ofEntries(
            Map.entry("Z", 0),
            Map.entry("UTC", 0),
            Map.entry("UT", 0),
            Map.entry("GMT", 0),
            Map.entry("EST", -5),
            Map.entry("EDT", -4),
            Map.entry("CST", -6),
            Map.entry("CDT", -5),
            Map.entry("MST", -7),
            Map.entry("MDT", -6),
            Map.entry("PST", -8),
            Map.entry("PDT", -7));

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
                Optional<Instant> inner = parse(v.isNumber() ? (Object) v.decimalValue() : v.asString());
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
     * @throws IllegalArgumentException quoting the input and listing the accepted forms when it is
     *     not a date
     */
    public static Instant argument(String name, String value) {
        if (value == null) {
            return null;
        }
        return parse(value)
                .orElseThrow(() ->
                        new IllegalArgumentException(name + " '" + value + "' is not a date; accepted: " + FORMS));
    }

    /** A date value as frontmatter, a tracker export or a caller gives it, or empty when it is not one. */
    public static Optional<Instant> parse(Object value) {
        try {
            return switch (value) {
                case null -> Optional.empty();
                case Instant i -> Optional.of(i);
                case java.util.Date d -> Optional.of(d.toInstant());
                case OffsetDateTime t -> Optional.of(t.toInstant());
                case ZonedDateTime t -> Optional.of(t.toInstant());
                case LocalDateTime t -> Optional.of(t.toInstant(ZoneOffset.UTC));
                case LocalDate d -> Optional.of(d.atStartOfDay(ZoneOffset.UTC).toInstant());
                case TemporalAccessor t -> text(t.toString());
                case Boolean b -> Optional.empty();
                case Number n -> epoch(new BigDecimal(n.toString()));
                case String s -> text(s.strip());
                default -> text(value.toString().strip());
            };
        } catch (NumberFormatException | DateTimeException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> text(String s) {
        if (s.isEmpty() || s.length() > 64) {
            return Optional.empty();
        }
        if (EPOCH.matcher(s).matches()) {
            return epoch(new BigDecimal(s));
        }
        Matcher m;
        if ((m = ISO.matcher(s)).matches()) {
            return at(
                    year(m.group(1)),
                    m.group(3),
                    m.group(4),
                    m.group(5),
                    m.group(6),
                    m.group(7),
                    m.group(8),
                    null,
                    m.group(9));
        }
        if ((m = ISO_BASIC.matcher(s)).matches()) {
            return at(
                    year(m.group(1)),
                    m.group(2),
                    m.group(3),
                    m.group(4),
                    m.group(5),
                    m.group(6),
                    m.group(7),
                    null,
                    m.group(8));
        }
        if ((m = JIRA.matcher(s)).matches()) {
            return at(
                    year(m.group(3)),
                    month(m.group(2)),
                    m.group(1),
                    m.group(4),
                    m.group(5),
                    m.group(6),
                    m.group(7),
                    m.group(8),
                    null);
        }
        if ((m = DAY_MONTH_YEAR.matcher(s)).matches()) {
            return at(
                    year(m.group(3)),
                    month(m.group(2)),
                    m.group(1),
                    m.group(4),
                    m.group(5),
                    m.group(6),
                    m.group(7),
                    null,
                    m.group(8));
        }
        if ((m = CTIME.matcher(s)).matches()) {
            return at(
                    year(m.group(8)),
                    month(m.group(1)),
                    m.group(2),
                    m.group(3),
                    m.group(4),
                    m.group(5),
                    m.group(6),
                    null,
                    m.group(9) != null ? m.group(9) : m.group(7));
        }
        if ((m = MONTH_DAY_YEAR.matcher(s)).matches()) {
            return at(
                    year(m.group(3)),
                    month(m.group(1)),
                    m.group(2),
                    m.group(4),
                    m.group(5),
                    m.group(6),
                    m.group(7),
                    m.group(8),
                    m.group(9));
        }
        return Optional.empty();
    }

    /** The instant of these fields; empty when one is out of range (month 13, 31 April, hour 25). */
    private static Optional<Instant> at(
            int year,
            Object month,
            String day,
            String hour,
            String minute,
            String second,
            String fraction,
            String meridiem,
            String zone) {
        if (year < 0 || month == null) {
            return Optional.empty();
        }
        int h = hour == null ? 0 : Integer.parseInt(hour);
        if (meridiem != null) {
            if (h < 1 || h > 12) {
                return Optional.empty();
            }
            h = h % 12 + (Character.toUpperCase(meridiem.charAt(0)) == 'P' ? 12 : 0);
        }
        int nanos = fraction == null ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
        LocalDateTime local = LocalDateTime.of(
                year,
                month instanceof Integer i ? i : Integer.parseInt((String) month),
                Integer.parseInt(day),
                h,
                minute == null ? 0 : Integer.parseInt(minute),
                second == null ? 0 : Integer.parseInt(second),
                nanos);
        ZoneOffset offset = offset(zone);
        return offset == null ? Optional.empty() : Optional.of(local.toInstant(offset));
    }

    /** UTC for no zone; {@code null} for one that cannot be read. */
    private static ZoneOffset offset(String zone) {
        if (zone == null) {
            return ZoneOffset.UTC;
        }
        Integer named = NAMED_ZONES.get(zone.toUpperCase(Locale.ROOT));
        if (named != null) {
            return ZoneOffset.ofHours(named);
        }
        int sign = zone.charAt(0) == '-' ? -1 : 1;
        String digits = zone.substring(1).replace(":", "");
        int hours;
        int minutes;
        if (digits.length() <= 2) {
            hours = Integer.parseInt(digits);
            minutes = 0;
        } else {
            hours = Integer.parseInt(digits.substring(0, digits.length() - 2));
            minutes = Integer.parseInt(digits.substring(digits.length() - 2));
        }
        return hours > 18 || minutes > 59 ? null : ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    /** A four-digit year as written; a two-digit one in 1970-2069. */
    private static int year(String digits) {
        int y = Integer.parseInt(digits);
        return digits.length() == 2 ? (y < 70 ? 2000 + y : 1900 + y) : y;
    }

    /** An English month name or its first three letters (any case), as 1-12; {@code null} otherwise. */
    private static Integer month(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        int i = MONTHS.indexOf(lower.length() >= 3 ? lower.substring(0, 3) : lower);
        if (i < 0) {
            return null;
        }
        String full = java.time.Month.of(i + 1).name().toLowerCase(Locale.ROOT);
        boolean known = lower.length() == 3 || full.equals(lower) || (i == 8 && lower.equals("sept"));
        return known ? i + 1 : null;
    }

    /**
     * Seconds (a fraction allowed) or, from the year 5138 on in seconds, milliseconds since the
     * epoch; nothing before 1973-03-03 (nine digits), where a count is more likely an id or a year.
     */
    private static Optional<Instant> epoch(BigDecimal n) {
        if (n.compareTo(BigDecimal.valueOf(100_000_000L)) < 0) {
            return Optional.empty();
        }
        if (n.compareTo(BigDecimal.valueOf(100_000_000_000L)) >= 0) {
            return n.compareTo(BigDecimal.valueOf(10_000_000_000_000L)) >= 0
                    ? Optional.empty()
                    : Optional.of(Instant.ofEpochMilli(n.longValue()));
        }
        long seconds = n.longValue();
        int nanos = n.subtract(BigDecimal.valueOf(seconds)).movePointRight(9).intValue();
        return Optional.of(Instant.ofEpochSecond(seconds, nanos));
    }
}
