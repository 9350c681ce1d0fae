package dev.graphmemory.indexer.lang;

import dev.graphmemory.indexer.model.EdgeRow;
import dev.graphmemory.indexer.model.FileResult;
import dev.graphmemory.indexer.model.LanguagePlugin;
import dev.graphmemory.indexer.model.NodeRow;
import dev.graphmemory.indexer.model.NodeUpdate;
import dev.graphmemory.queries.schema.RelType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Runs a language plugin over a fixture directory the way the indexer does: parse every file, then link. */
public final class PluginRun {
    public final Map<String, FileResult> files = new LinkedHashMap<>();
    public final List<EdgeRow> edges = new ArrayList<>();
    public final List<NodeUpdate> updates = new ArrayList<>();
    public final List<NodeRow> linkNodes = new ArrayList<>();

    /** Module paths of other languages handed to the linker; null: the plugin is linked alone. */
    private java.util.Collection<String> others;

    private PluginRun() {}

    /** Parses and links every file of {@code fixture} (under {@code src/test/resources/fixtures}). */
    public static PluginRun of(LanguagePlugin plugin, String fixture) {
        Path root = Path.of("src/test/resources/fixtures", fixture);
        PluginRun run = new PluginRun();
        Map<String, String> resources = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                String text = Files.readString(p);
                if (plugin.accepts(rel)) {
                    run.files.put(rel, plugin.parse(rel, text, "hash-" + rel));
                } else if (plugin.wantsResource(rel)) {
                    resources.put(rel, text);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run.link(plugin, resources);
        return run;
    }

    /** Parses and links the files given as {@code path -> text}, as {@link #of} does a fixture's. */
    public static PluginRun ofSources(LanguagePlugin plugin, Map<String, String> sources) {
        return ofSources(plugin, sources, null);
    }

    /**
     * As {@link #ofSources(LanguagePlugin, Map)}, with the module paths of the whole run handed to the
     * plugin's linker as the indexer does ({@code sources} the plugin parses, and {@code others}: the
     * modules of other languages), for edges that cross languages.
     */
    public static PluginRun ofSources(
            LanguagePlugin plugin, Map<String, String> sources, java.util.Collection<String> others) {
        PluginRun run = new PluginRun();
        run.others = others;
        Map<String, String> resources = new LinkedHashMap<>();
        new TreeMap<>(sources).forEach((rel, text) -> {
            if (plugin.accepts(rel)) {
                run.files.put(rel, plugin.parse(rel, text, "hash-" + rel));
            } else if (plugin.wantsResource(rel)) {
                resources.put(rel, text);
            }
        });
        run.link(plugin, resources);
        return run;
    }

    private void link(LanguagePlugin plugin, Map<String, String> resources) {
        List<FileResult> facts = files.values().stream()
                .map(r -> new FileResult(r.path(), List.of(), List.of(), r.facts(), r.parseOk(), null))
                .toList();
        java.util.function.Consumer<LanguagePlugin.LinkOutput> sink = out -> {
            if (out instanceof EdgeRow e) {
                edges.add(e);
            } else if (out instanceof NodeUpdate u) {
                updates.add(u);
            } else if (out instanceof NodeRow n) {
                linkNodes.add(n);
            }
        };
        if (others == null) {
            plugin.link(facts, resources, sink);
        } else {
            java.util.Set<String> modules = new java.util.TreeSet<>(files.keySet());
            modules.addAll(others);
            plugin.link(facts, resources, dev.graphmemory.indexer.model.Copies.NONE, modules, sink);
        }
    }

    /** Every node the files declared. */
    public List<NodeRow> nodes() {
        return files.values().stream().flatMap(f -> f.nodes().stream()).toList();
    }

    /** The node with this id, declared by a file or by linking. */
    public Optional<NodeRow> node(String id) {
        return Stream.concat(nodes().stream(), linkNodes.stream())
                .filter(n -> n.id().equals(id))
                .findFirst();
    }

    /** The module node of a file. */
    public NodeRow module(String path) {
        return files.get(path).nodes().get(0);
    }

    /** Edges of a type, as {@code from -> to} with the {@code architecture:<type>:} prefixes dropped. */
    public List<String> edges(RelType type) {
        List<String> out = new ArrayList<>();
        for (FileResult f : files.values()) {
            f.edges().stream()
                    .filter(e -> e.type() == type)
                    .forEach(e -> out.add(shortId(e.fromId()) + " -> " + shortId(e.toId())));
        }
        edges.stream()
                .filter(e -> e.type() == type)
                .forEach(e -> out.add(shortId(e.fromId()) + " -> " + shortId(e.toId())));
        return out;
    }

    /** The edges of a type that end at {@code toId}. */
    public List<EdgeRow> edgesTo(RelType type, String toId) {
        return edges.stream()
                .filter(e -> e.type() == type && e.toId().equals(toId))
                .toList();
    }

    private static String shortId(String id) {
        return id.replaceFirst("^architecture:[a-z_]+:", "");
    }
}
