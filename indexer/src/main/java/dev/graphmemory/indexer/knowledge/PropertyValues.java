package dev.graphmemory.indexer.knowledge;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns parsed YAML values into Neo4j property values and frontmatter keys into safe property
 * keys.
 *
 * <p>Neo4j stores strings, numbers, booleans and homogeneous lists of those. So: integers become
 * {@code long} (a {@code BigInteger} beyond {@code long} becomes its decimal string), decimals
 * {@code double}, dates ISO strings, a nested map compact JSON, and every list a list of strings
 * (scalars as text, maps and nested lists as compact JSON). {@code null} is dropped.
 */
final class PropertyValues {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PropertyValues() {}

    /**
     * The property key for a frontmatter key: lowercase, every character but {@code [a-z0-9_]}
     * turned into {@code _}, an {@code _} put before a leading digit; {@code null} for an empty key.
     */
    static String safeKey(String raw) {
        String lower = raw.strip().toLowerCase(Locale.ROOT);
        if (lower.isEmpty()) {
            return null;
        }
        StringBuilder key = new StringBuilder(lower.length() + 1);
        if (Character.isDigit(lower.charAt(0))) {
            key.append('_');
        }
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            key.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ? c : '_');
        }
        return key.toString();
    }

    /** The Neo4j value for a YAML value, or {@code null} to drop it. */
    static Object value(Object v) {
        if (v instanceof Collection<?> list) {
            List<String> out = new ArrayList<>(list.size());
            for (Object e : list) {
                String s = text(e);
                if (s != null) {
                    out.add(s);
                }
            }
            return List.copyOf(out);
        }
        return scalar(v);
    }

    /** A scalar as a Neo4j value; maps and lists as compact JSON. */
    private static Object scalar(Object v) {
        return switch (v) {
            case null -> null;
            case String s -> s;
            case Boolean b -> b;
            case Integer i -> i.longValue();
            case Long l -> l;
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case BigInteger big -> big.bitLength() < 64 ? (Object) big.longValue() : big.toString();
            case BigDecimal dec -> dec.doubleValue();
            case Number n -> n.doubleValue();
            case Date d -> d.toInstant().toString();
            case Instant i -> i.toString();
            case TemporalAccessor t -> t.toString();
            case byte[] bytes -> Base64.getEncoder().encodeToString(bytes);
            case Map<?, ?> m -> json(m);
            case Collection<?> c -> json(c);
            default -> v.toString();
        };
    }

    /** An element of a list as text, or {@code null} to drop it. */
    static String text(Object e) {
        Object s = scalar(e);
        return s == null ? null : s.toString();
    }

    /** Compact JSON; falls back to {@code toString()} for what JSON cannot carry. */
    static String json(Object v) {
        try {
            return JSON.writeValueAsString(v);
        } catch (JacksonException e) {
            return String.valueOf(v);
        }
    }
}
