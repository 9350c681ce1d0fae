package dev.graphmemory.indexer.knowledge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Parses frontmatter into fields keyed by safe property keys (raw YAML values), or into the
 * problem that stopped it, with the file line and column.
 *
 * <p>When the YAML does not parse, top-level {@code id:}, {@code type:} and {@code title:} lines
 * are still picked up by a plain pattern, so a broken document keeps its id and stays linkable.
 */
final class YamlFields {
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Pattern SALVAGE =
            Pattern.compile("(?m)^(id|type|title)[ \\t]*:[ \\t]*([^\\s\\[{|>&*!#].*?)[ \\t]*$");

    /** Fields by safe key (first wins on a clash), and the problem, or {@code null}. */
    record Parsed(Map<String, Object> fields, String error) {}

    private YamlFields() {}

    static Parsed parse(Frontmatter fm) {
        if (!fm.opened()) {
            return new Parsed(Map.of(), null);
        }
        if (fm.yaml() == null) {
            return new Parsed(Map.of(), fm.problem());
        }
        if (fm.yaml().lines().allMatch(l -> l.isBlank() || l.strip().startsWith("#"))) {
            return new Parsed(Map.of(), null); // empty frontmatter: the parser would call it an error
        }
        Object root;
        try {
            root = YAML.readValue(fm.yaml(), Object.class);
        } catch (JacksonException e) {
            return new Parsed(salvage(fm.yaml()), describe(e));
        } catch (RuntimeException e) { // the YAML engine's own exceptions, should any escape
            return new Parsed(salvage(fm.yaml()), "frontmatter is not valid YAML: " + e.getMessage());
        }
        if (root == null) { // e.g. a lone "~"
            return new Parsed(Map.of(), null);
        }
        if (root instanceof Map<?, ?> map) {
            return new Parsed(bySafeKey(map), null);
        }
        return new Parsed(
                Map.of(),
                "frontmatter is " + kind(root) + ", expected a mapping of fields such as 'id: WU-1' and 'title: ...'");
    }

    private static Map<String, Object> bySafeKey(Map<?, ?> map) {
        Map<String, Object> fields = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            String key = PropertyValues.safeKey(String.valueOf(k));
            if (key != null && v != null) {
                fields.putIfAbsent(key, v);
            }
        });
        return fields;
    }

    private static Map<String, Object> salvage(String yaml) {
        Map<String, Object> fields = new LinkedHashMap<>();
        Matcher m = SALVAGE.matcher(yaml);
        while (m.find()) {
            String v = m.group(2);
            if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.endsWith(v.substring(0, 1))) {
                v = v.substring(1, v.length() - 1);
            }
            fields.putIfAbsent(m.group(1), v);
        }
        return fields;
    }

    /** "frontmatter is not valid YAML at line 4, column 6: <what the parser says>", in file lines. */
    private static String describe(JacksonException e) {
        String what = summary(e.getOriginalMessage());
        TokenStreamLocation loc = e.getLocation();
        if (loc == null || loc.getLineNr() < 1) {
            return "frontmatter is not valid YAML: " + what;
        }
        int line = loc.getLineNr() + Frontmatter.YAML_FIRST_LINE - 1;
        return "frontmatter is not valid YAML at line " + line + ", column " + loc.getColumnNr() + ": " + what;
    }

    /** The parser's sentences without its "in reader, line.." marks and source excerpts. */
    private static String summary(String message) {
        if (message == null) {
            return "unknown problem";
        }
        List<String> lines = message.lines()
                .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .toList();
        return lines.isEmpty() ? message.strip() : lines.stream().collect(Collectors.joining("; "));
    }

    private static String kind(Object root) {
        return switch (root) {
            case List<?> l -> "a list";
            case String s -> "a plain text";
            default -> "a single value";
        };
    }
}
