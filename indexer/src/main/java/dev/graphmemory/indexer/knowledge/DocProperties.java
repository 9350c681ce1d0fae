package dev.graphmemory.indexer.knowledge;

import dev.graphmemory.queries.schema.Keys;
import dev.graphmemory.queries.workflow.WorkDates;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a document node's properties from its frontmatter fields.
 *
 * <p>Every field is kept, converted by {@link PropertyValues}. Keys the indexer owns are not
 * overwritten: the {@code id} field is the node key; a {@code type} that names the document type
 * is dropped (the node type carries it) and any other {@code type} value is kept as {@code
 * doc_type}; {@code repo}, {@code key}, {@code schema}, {@code types}, {@code path}, {@code body},
 * {@code parse_ok} and {@code parse_error} from frontmatter are kept as {@code doc_<key>}.
 */
public final class DocProperties {
    /** Keys the reader sets itself besides {@link Keys#RESERVED}. */
    private static final Set<String> OWNED = Set.of(Keys.PATH, KnowledgeReader.BODY, Keys.PARSE_OK, Keys.PARSE_ERROR);

    private DocProperties() {}

    static Map<String, Object> build(Map<String, Object> fields, String id, String path, String body, String error) {
        Map<String, Object> props = new LinkedHashMap<>();
        fields.forEach((key, raw) -> {
            if (key.equals(Keys.ID) || (key.equals(Keys.TYPE) && isTypeWord(raw))) {
                return;
            }
            String target = Keys.RESERVED.contains(key) || OWNED.contains(key) ? "doc_" + key : key;
            Object value = dateKey(target) ? date(raw) : PropertyValues.value(raw);
            if (value != null) {
                props.putIfAbsent(target, value);
            }
        });
        props.put(Keys.NAME, name(fields, props, id));
        props.put(Keys.PATH, path);
        props.put(KnowledgeReader.BODY, truncate(body.strip(), KnowledgeReader.BODY_LIMIT));
        props.put(Keys.PARSE_OK, error == null);
        if (error != null) {
            props.put(Keys.PARSE_ERROR, error);
        }
        return props;
    }

    /** Whether a property of this key is a filing date ({@link WorkDates#KEYS}). */
    static boolean dateKey(String key) {
        return WorkDates.KEYS.contains(key);
    }

    /**
     * A filing date as an ISO-8601 instant in UTC ({@code 2020-01-23T12:06:53Z}), or as an ISO date
     * ({@code 2020-01-23}) when it was written without a time, whatever form the frontmatter wrote it
     * in; a value {@link WorkDates} cannot read is kept as written (and the run warns, see {@link
     * #unreadableDates}).
     */
    private static Object date(Object raw) {
        return WorkDates.parse(raw)
                .<Object>map(at ->
                        raw instanceof String s && s.indexOf(':') < 0 && at.equals(at.truncatedTo(ChronoUnit.DAYS))
                                ? LocalDate.ofInstant(at, ZoneOffset.UTC).toString()
                                : at.toString())
                .orElseGet(() -> PropertyValues.value(raw));
    }

    /**
     * The date fields of a document's properties that hold text {@link WorkDates} cannot read, as
     * {@code field: 'value'}; the run reports each as a warning, and the document is indexed as is.
     */
    public static List<String> unreadableDates(Map<String, Object> properties) {
        List<String> out = new ArrayList<>();
        for (String key : WorkDates.KEYS) {
            if (properties.get(key) instanceof String s && WorkDates.parse(s).isEmpty()) {
                out.add(key + ": '" + s + "'");
            }
        }
        return out;
    }

    /** The title, else a {@code name} field, else the id. */
    private static String name(Map<String, Object> fields, Map<String, Object> props, String id) {
        String title = PropertyValues.text(fields.get(Keys.TITLE));
        if (title != null && !title.isBlank()) {
            return title.strip();
        }
        return props.get(Keys.NAME) instanceof String n && !n.isBlank() ? n.strip() : id;
    }

    private static boolean isTypeWord(Object raw) {
        String word = PropertyValues.text(raw);
        return word != null && DocTypes.fromWord(word).isPresent();
    }

    /** At most {@code limit} chars, never splitting a surrogate pair. */
    static String truncate(String s, int limit) {
        if (s.length() <= limit) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(limit - 1)) ? limit - 1 : limit;
        return s.substring(0, end);
    }
}
