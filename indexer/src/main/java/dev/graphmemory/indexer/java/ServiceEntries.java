package dev.graphmemory.indexer.java;

import dev.graphmemory.indexer.model.LanguagePlugin.LinkOutput;
import dev.graphmemory.indexer.model.NodeUpdate;
import dev.graphmemory.queries.schema.Keys;
import dev.graphmemory.queries.schema.NodeType;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Marks modules whose classes are named in {@code META-INF/services/*} files as entry points of
 * kind {@code service_loader} ({@link java.util.ServiceLoader} instantiates them by name), and those
 * named in Spring's {@code META-INF/spring.factories} (every value, comma-separated, lines continued
 * with {@code \\}) and {@code META-INF/spring/*.imports} (one class a line: auto-configurations) as
 * {@code spring_factories}: Spring loads them by name. Build and XML configuration files are read by
 * {@link ConfigEntries}.
 */
final class ServiceEntries {
    static final String SERVICE_LOADER = "service_loader";
    static final String SPRING_FACTORIES = "spring_factories";

    /** Whether the Java plugin reads this resource for the classes it names. */
    static boolean wanted(String path) {
        return path.contains("META-INF/services/")
                || path.endsWith("META-INF/spring.factories")
                || (path.contains("META-INF/spring/") && path.endsWith(".imports"));
    }

    private ServiceEntries() {}

    static void link(SymbolTable table, Map<String, String> resources, Consumer<LinkOutput> out) {
        for (Map.Entry<String, String> resource : resources.entrySet()) {
            String text = resource.getValue();
            if (!wanted(resource.getKey())) {
                for (ConfigEntries.Named named : ConfigEntries.classes(resource.getKey(), text)) {
                    entry(table, named.className(), resource.getKey(), named.kind(), out);
                }
                continue;
            }
            boolean factories = resource.getKey().endsWith("spring.factories");
            String kind = resource.getKey().contains("META-INF/services/") ? SERVICE_LOADER : SPRING_FACTORIES;
            List<String> names = factories ? factoryValues(text) : List.of(text.split("\\R"));
            for (String line : names) {
                entry(table, implementation(line), resource.getKey(), kind, out);
            }
        }
    }

    /** Marks the module declaring class {@code qn} (the copy nearest to {@code fromPath}) as an entry point of {@code kind}. */
    private static void entry(SymbolTable table, String qn, String fromPath, String kind, Consumer<LinkOutput> out) {
        int type = qn.isEmpty() ? -1 : table.type(qn.replace('$', '.'), fromPath);
        if (type >= 0) {
            out.accept(new NodeUpdate(
                    table.moduleId(table.fileOf(type)),
                    NodeType.CLI_ENTRY,
                    Map.of(Keys.ENTRY_KINDS, List.of(kind), "entry_classes", List.of(qn.replace('$', '.')))));
        }
    }

    /** The class names a {@code spring.factories} file lists: every value, split at commas. */
    static List<String> factoryValues(String text) {
        List<String> out = new java.util.ArrayList<>();
        String joined = text.replaceAll("\\\\\\R", " ");
        for (String line : joined.split("\\R")) {
            String l = line.strip();
            int eq = l.indexOf('=');
            if (l.isEmpty() || l.startsWith("#") || l.startsWith("!") || eq < 0) {
                continue;
            }
            for (String v : l.substring(eq + 1).split(",")) {
                out.add(v.strip());
            }
        }
        return out;
    }

    /** The class named on a line, without comments and blanks; binary names become canonical. */
    static String implementation(String line) {
        int hash = line.indexOf('#');
        String name = (hash >= 0 ? line.substring(0, hash) : line).strip();
        return name.replace('$', '.');
    }
}
