package dev.graphmemory.server.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The {@code gaps:} section of {@code .graph-memory.yml}: extra entry points and exclusions for
 * {@code detect_integration_gaps}, as repository-relative path globs.
 *
 * <pre>
 * gaps:
 *   entry_points: ["src/main/java/com/acme/jobs/**", "scripts/*.py"]   # also roots of reachability
 *   exclude: ["src/main/java/com/acme/legacy/**"]                       # never reported
 * </pre>
 *
 * <p>Validated with the rest of the file at start-up ({@link GraphMemoryConfig} calls {@link
 * #fromSection}); read again by the gap tool and command so that the section stays in this file.
 *
 * @param entryPoints extra entry point globs
 * @param exclude exclusion globs
 */
public record GapsConfig(List<String> entryPoints, List<String> exclude) {
    /** The section's name. */
    public static final String SECTION = "gaps";
    /** The settings the section accepts. */
    public static final Set<String> KEYS = Set.of("entry_points", "exclude");

    public GapsConfig {
        entryPoints = List.copyOf(entryPoints);
        exclude = List.copyOf(exclude);
    }

    /** No extra entry points, no exclusions. */
    public static GapsConfig none() {
        return new GapsConfig(List.of(), List.of());
    }

    /** Reads the section of {@code <root>/.graph-memory.yml}; none when the file or section is absent. */
    public static GapsConfig load(Path root) {
        Path file = root.resolve(GraphMemoryConfig.FILE_NAME);
        if (!Files.exists(file)) {
            return none();
        }
        GraphMemoryConfig.load(root); // the whole file is checked first, as at start-up
        try {
            Object tree = YAMLMapper.builder().build().readValue(GraphMemoryConfig.text(root), Object.class);
            return tree instanceof Map<?, ?> top ? fromSection(top.get(SECTION), file.toString()) : none();
        } catch (JacksonException e) {
            throw new ConfigException(file + " is not valid YAML: " + e.getMessage());
        }
    }

    /** Reads and validates the section's value (a mapping, or null when absent). */
    public static GapsConfig fromSection(Object section, String source) {
        if (section == null) {
            return none();
        }
        if (!(section instanceof Map<?, ?> values)) {
            throw new ConfigException(source + ": section '" + SECTION + "' must be a mapping of " + KEYS);
        }
        for (Object key : values.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                throw new ConfigException(source + ": unknown setting '" + SECTION + "." + key + "'; valid in '"
                        + SECTION + "': " + KEYS.stream().sorted().toList());
            }
        }
        return new GapsConfig(
                globs(values.get("entry_points"), source + ": " + SECTION + ".entry_points"),
                globs(values.get("exclude"), source + ": " + SECTION + ".exclude"));
    }

    private static List<String> globs(Object value, String setting) {
        if (value == null) {
            return List.of();
        }
        List<?> list = value instanceof List<?> l ? l : List.of(value);
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof String s) || s.isBlank()) {
                throw new ConfigException(setting + " must be a list of repository-relative path globs such as"
                        + " src/main/java/com/acme/jobs/**, got '" + o + "'");
            }
            out.add(s.strip());
        }
        return out;
    }
}
