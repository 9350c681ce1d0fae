package dev.graphmemory.indexer.knowledge;

import dev.graphmemory.queries.schema.NodeType;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the documents a text names: short document ids ({@code WU-281}, case-insensitive) and
 * full node ids ({@code architecture:module:src/a.py}). Used for document bodies and commit
 * messages alike.
 *
 * <p>Design: one pass over the text for tokens (letters and digits joined by hyphens) and a hash
 * lookup per token, not one regex per id, so the cost does not grow with the
 * number of known ids. A token matches an id only as whole hyphen-separated parts: {@code WU-28}
 * is not found in {@code WU-281}, while {@code WU-281} is found in {@code wu-281-fix-auth} (a
 * branch or file name). Ids without a hyphen are never matched in text.
 */
public final class IdMentionMatcher {
    private static final Pattern NODE_ID = Pattern.compile("([a-z]+):([a-z_]+):(\\S+)");
    private static final List<String> NODE_ID_PREFIXES =
            NodeType.schemas().stream().map(s -> s + ":").toList();
    private static final String TRAILING = ".,;:!?'\"`>*";

    private final Map<String, String> nodeIdByUpperId;
    private final Set<String> firstParts;

    private IdMentionMatcher(Map<String, String> nodeIdByUpperId) {
        this.nodeIdByUpperId = nodeIdByUpperId;
        this.firstParts = new HashSet<>();
        nodeIdByUpperId.keySet().forEach(id -> firstParts.add(id.split("-", 2)[0]));
    }

    /**
     * A matcher for these documents.
     *
     * @param nodeIdsByDocId document id as written (e.g. {@code WU-281}) → node id; on ids equal
     *     but for case the first wins
     */
    public static IdMentionMatcher of(Map<String, String> nodeIdsByDocId) {
        Map<String, String> byUpper = new HashMap<>();
        nodeIdsByDocId.forEach((id, nodeId) -> byUpper.putIfAbsent(id.toUpperCase(Locale.ROOT), nodeId));
        return new IdMentionMatcher(byUpper);
    }

    /** A matcher for the ids of these documents. */
    public static IdMentionMatcher forDocs(Collection<KnowledgeDoc> docs) {
        Map<String, String> ids = new LinkedHashMap<>();
        docs.forEach(d -> ids.putIfAbsent(d.id(), d.nodeId()));
        return of(ids);
    }

    /** The node id of the document with this id, compared case-insensitively. */
    public Optional<String> resolve(String docId) {
        return Optional.ofNullable(nodeIdByUpperId.get(docId.strip().toUpperCase(Locale.ROOT)));
    }

    /** Whether the text is a full node id of a known schema and type, e.g. {@code issues:bug:BUG-1}. */
    public static boolean isNodeId(String text) {
        Matcher m = NODE_ID.matcher(text);
        return m.matches() && NodeType.of(m.group(1), m.group(2)).isPresent();
    }

    /** The node ids the text names, in order of first mention, each once. */
    public Set<String> mentions(CharSequence text) {
        String t = text.toString();
        Set<String> found = new LinkedHashSet<>();
        if (!nodeIdByUpperId.isEmpty()) {
            scanTokens(t, found);
        }
        for (String prefix : NODE_ID_PREFIXES) {
            for (int at = t.indexOf(prefix); at >= 0; at = t.indexOf(prefix, at + 1)) {
                Matcher m = NODE_ID.matcher(t).region(at, t.length());
                if ((at == 0 || !isWordChar(t.charAt(at - 1))) && m.lookingAt()) {
                    addNodeId(m, found);
                }
            }
        }
        return found;
    }

    /**
     * Finds tokens {@code [A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)+} with no letter, digit or {@code _}
     * either side. A hand-written loop: a regex here was the run's hot spot.
     */
    private void scanTokens(String t, Set<String> found) {
        int n = t.length();
        int i = 0;
        while (i < n) {
            if (!isLetter(t.charAt(i)) || (i > 0 && isWordChar(t.charAt(i - 1)))) {
                i++;
                continue;
            }
            int j = skipAlnum(t, i + 1);
            boolean hyphenated = false;
            while (j + 1 < n && t.charAt(j) == '-' && isAlnum(t.charAt(j + 1))) {
                j = skipAlnum(t, j + 1);
                hyphenated = true;
            }
            if (hyphenated && (j == n || !isWordChar(t.charAt(j)))) {
                matchToken(t, i, j, found);
            }
            i = j;
        }
    }

    private void addNodeId(Matcher m, Set<String> found) {
        String key = trimKey(m.group(3));
        if (!key.isEmpty() && NodeType.of(m.group(1), m.group(2)).isPresent()) {
            found.add(m.group(1) + ":" + m.group(2) + ":" + key);
        }
    }

    private static int skipAlnum(String t, int from) {
        int j = from;
        while (j < t.length() && isAlnum(t.charAt(j))) {
            j++;
        }
        return j;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAlnum(char c) {
        return isLetter(c) || (c >= '0' && c <= '9');
    }

    private static boolean isWordChar(char c) {
        return isAlnum(c) || c == '_';
    }

    /** Finds ids made of whole parts of one token, longest first, left to right. */
    private void matchToken(String text, int start, int end, Set<String> found) {
        String token = text.substring(start, end).toUpperCase(Locale.ROOT);
        String hit = nodeIdByUpperId.get(token);
        if (hit != null) {
            found.add(hit);
            return;
        }
        String[] parts = token.split("-");
        if (parts.length < 3) {
            return;
        }
        int[] offsets = new int[parts.length + 1];
        for (int p = 0; p < parts.length; p++) {
            offsets[p + 1] = offsets[p] + parts[p].length() + 1;
        }
        for (int i = 0; i < parts.length - 1; ) {
            int next = i + 1;
            if (firstParts.contains(parts[i])) {
                for (int j = parts.length; j >= i + 2; j--) {
                    hit = nodeIdByUpperId.get(token.substring(offsets[i], offsets[j] - 1));
                    if (hit != null) {
                        found.add(hit);
                        next = j;
                        break;
                    }
                }
            }
            i = next;
        }
    }

    /** Drops sentence punctuation after a key, and a closing bracket the key did not open. */
    private static String trimKey(String key) {
        String k = key;
        while (!k.isEmpty()) {
            char last = k.charAt(k.length() - 1);
            boolean unbalanced =
                    (last == ')' && count(k, '(') < count(k, ')')) || (last == ']' && count(k, '[') < count(k, ']'));
            if (TRAILING.indexOf(last) < 0 && !unbalanced) {
                break;
            }
            k = k.substring(0, k.length() - 1);
        }
        return k;
    }

    private static long count(String s, char c) {
        return s.chars().filter(x -> x == c).count();
    }
}
