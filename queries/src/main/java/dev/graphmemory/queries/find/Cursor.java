package dev.graphmemory.queries.find;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A page cursor: a hash of the query it belongs to, so a cursor given to another query is refused
 * rather than silently misread, then {@code ~} and where the previous page ended (the last row's
 * key), as plain text: {@code 9f3c01ab~architecture:class:a.B}. Callers pass it back unchanged. It
 * was Base64 once, which cost a model about 100 tokens a page for a 25-token id; such cursors are
 * still read.
 */
public record Cursor(String after, String queryHash) {
    private static final char SEPARATOR = '~';

    /** Encodes the cursor as the string an answer's {@code next_cursor} carries. */
    public String encode() {
        return queryHash + SEPARATOR + after;
    }

    /** Decodes a cursor and checks it belongs to {@code queryHash}; {@code null} when none was given. */
    public static String afterFor(String encoded, String queryHash) {
        if (encoded == null || encoded.isBlank()) {
            return null;
        }
        int tilde = encoded.indexOf(SEPARATOR);
        if (tilde > 0 && encoded.substring(0, tilde).matches("[0-9a-f]{1,8}")) {
            if (!encoded.substring(0, tilde).equals(queryHash)) {
                throw differentQuery();
            }
            return encoded.substring(tilde + 1);
        }
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ToolException("cursor '" + encoded + "' is not a cursor this server gave out; pass the"
                    + " next_cursor of the previous answer unchanged, or leave cursor out for the first page");
        }
        int nl = raw.indexOf('\n');
        if (nl < 0 || !raw.substring(0, nl).equals(queryHash)) {
            throw differentQuery();
        }
        return raw.substring(nl + 1);
    }

    private static ToolException differentQuery() {
        return new ToolException("cursor belongs to a different query; repeat the same arguments with the"
                + " cursor, or leave cursor out to start over");
    }

    /** A short stable hash of the query's arguments. */
    public static String hash(Object... parts) {
        StringBuilder sb = new StringBuilder();
        for (Object p : parts) {
            sb.append(p).append('\u0000');
        }
        return Integer.toHexString(sb.toString().hashCode());
    }
}
