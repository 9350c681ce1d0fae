package dev.graphmemory.indexer.sessions;

import tools.jackson.databind.JsonNode;

/** Reading the few text values of a transcript record the reader needs: ids, names, a tool result's length. */
final class RecordText {
    private RecordText() {}

    /** A tool result's text, to be searched and dropped: a string, or the {@code text} of a list of blocks. */
    static CharSequence output(JsonNode content) {
        if (content == null) {
            return "";
        }
        if (content.isString()) {
            return content.stringValue();
        }
        StringBuilder sb = new StringBuilder();
        if (content.isArray()) {
            for (JsonNode block : content) {
                String t = text(block.get("text"));
                sb.append(t == null ? "" : t).append('\n');
            }
        }
        return sb;
    }

    /** The length of a tool result's text: a string, or the {@code text} of a list of blocks. */
    static long length(JsonNode content) {
        if (content == null) {
            return 0;
        }
        if (content.isString()) {
            return content.stringValue().length();
        }
        long n = 0;
        if (content.isArray()) {
            for (JsonNode block : content) {
                String t = text(block.get("text"));
                n += t == null ? 0 : t.length();
            }
        }
        return n;
    }

    /** The node's string, or null when it is absent or no string. */
    static String text(JsonNode node) {
        return node != null && node.isString() ? node.stringValue() : null;
    }

    /** The first non-empty string among the nodes, or null. */
    static String firstText(JsonNode... nodes) {
        for (JsonNode n : nodes) {
            String t = text(n);
            if (t != null && !t.isEmpty()) {
                return t;
            }
        }
        return null;
    }
}
