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
 * kind {@code service_loader}: {@link java.util.ServiceLoader} instantiates them by name.
 */
final class ServiceEntries {
    static final String SERVICE_LOADER = "service_loader";

    private ServiceEntries() {}

    static void link(SymbolTable table, Map<String, String> resources, Consumer<LinkOutput> out) {
        for (Map.Entry<String, String> resource : resources.entrySet()) {
            String text = resource.getValue();
            for (String line : text.split("\\R")) {
                String qn = implementation(line);
                int type = qn.isEmpty() ? -1 : table.type(qn, resource.getKey());
                if (type >= 0) {
                    out.accept(new NodeUpdate(
                            table.moduleId(table.fileOf(type)),
                            NodeType.CLI_ENTRY,
                            Map.of(Keys.ENTRY_KINDS, List.of(SERVICE_LOADER), "entry_classes", List.of(qn))));
                }
            }
        }
    }

    /** The class named on a line, without comments and blanks; binary names become canonical. */
    static String implementation(String line) {
        int hash = line.indexOf('#');
        String name = (hash >= 0 ? line.substring(0, hash) : line).strip();
        return name.replace('$', '.');
    }
}
