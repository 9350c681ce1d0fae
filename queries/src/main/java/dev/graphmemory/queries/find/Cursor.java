package dev.graphmemory.queries.find;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An opaque page cursor: where the previous page ended and a hash of the query it belongs to, so a
 * cursor given to another query is refused rather than silently misread.
 */
public record Cursor(String after, String queryHash) {
    /** Encodes the cursor as an opaque string. */
    public String encode() {
        String raw = queryHash + "\n" + after;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor and checks it belongs to {@code queryHash}; {@code null} when none was given. */
    public static String afterFor(String encoded, String queryHash) {
        if (encoded == null || encoded.isBlank()) {
            return null;
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
            throw new ToolException("cursor belongs to a different query; repeat the same arguments with the"
                    + " cursor, or leave cursor out to start over");
        }
        return raw.substring(nl + 1);
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
