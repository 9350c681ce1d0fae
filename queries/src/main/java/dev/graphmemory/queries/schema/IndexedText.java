package dev.graphmemory.queries.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * Bounds the values that go into Neo4j's range indexes. A range index refuses a value of more
 * than about 8 KB ("Property value is too large to index"), and one such value made every run
 * fail until its file was removed. So every key, id, name, qualified name and path longer than
 * {@link #MAX_CHARS} characters is stored cut to that length, its last characters replaced by
 * {@code ~} and a digest of the whole value: still unique, still readable, the same on every run.
 * The whole text stays where it is not indexed (a document's {@code title}, a function's
 * {@code signature}).
 */
public final class IndexedText {
    /** The longest indexed text kept whole: 1,024 characters, at most 4 KB in UTF-8. */
    public static final int MAX_CHARS = 1024;

    /** The node properties that sit in a range index (beside {@code repo}, {@code id}, {@code key}). */
    public static final Set<String> INDEXED_KEYS = Set.of(Keys.NAME, Keys.QUALIFIED_NAME, Keys.PATH);

    private static final int DIGEST_CHARS = 16;

    private IndexedText() {}

    /** {@code text} itself when short enough, else its bounded form; null stays null. */
    public static String bound(String text) {
        if (text == null || text.length() <= MAX_CHARS) {
            return text;
        }
        int cut = MAX_CHARS - DIGEST_CHARS - 1;
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--; // never split a character in two
        }
        return text.substring(0, cut) + "~" + digest(text);
    }

    /** An id {@code <schema>:<type>:<key>} with its key bounded as {@link #bound} does. */
    public static String boundId(String id) {
        if (id == null || id.length() <= MAX_CHARS) {
            return id;
        }
        int first = id.indexOf(':');
        int second = first < 0 ? -1 : id.indexOf(':', first + 1);
        return second < 0 ? bound(id) : id.substring(0, second + 1) + bound(id.substring(second + 1));
    }

    /** A property value as stored: bounded when its key is one of {@link #INDEXED_KEYS}. */
    public static Object property(String key, Object value) {
        return value instanceof String s && INDEXED_KEYS.contains(key) ? bound(s) : value;
    }

    private static String digest(String text) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha).substring(0, DIGEST_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
