package dev.graphmemory.indexer.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.indexer.model.EdgeRow;
import dev.graphmemory.indexer.model.FileResult;
import dev.graphmemory.indexer.model.LanguagePlugin.LinkOutput;
import dev.graphmemory.indexer.model.NodeRow;
import dev.graphmemory.indexer.model.NodeUpdate;
import dev.graphmemory.queries.schema.NodeType;
import dev.graphmemory.queries.schema.RelType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A small repository of Java sources run through the plugin: parse results and link output. */
final class JavaFixture {
    private final JavaLanguagePlugin plugin = new JavaLanguagePlugin();
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, String> resources = new LinkedHashMap<>();
    private final List<String> otherModules = new ArrayList<>();
    private List<FileResult> parsed;
    private List<LinkOutput> linked;

    /** Adds a source file (or a resource, when the plugin wants it as one). */
    JavaFixture file(String path, String text) {
        if (plugin.accepts(path)) {
            sources.put(path, text);
        } else {
            resources.put(path, text);
        }
        return this;
    }

    /** Adds the module of another language (a script Java code may start), by path only. */
    JavaFixture module(String path) {
        otherModules.add(path);
        return this;
    }

    /** Adds every file of the test resource folder {@code fixtures/<name>}, with paths relative to it. */
    static JavaFixture fromResources(String name) {
        JavaFixture fixture = new JavaFixture();
        try {
            Path root =
                    Path.of(JavaFixture.class.getResource("/fixtures/" + name).toURI());
            try (Stream<Path> files = Files.walk(root)) {
                for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                    fixture.file(root.relativize(p).toString().replace('\\', '/'), Files.readString(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return fixture;
    }

    List<FileResult> parsed() {
        if (parsed == null) {
            parsed = new ArrayList<>();
            sources.forEach((path, text) -> parsed.add(plugin.parse(path, text, "hash-" + path)));
        }
        return parsed;
    }

    FileResult result(String path) {
        return parsed().stream().filter(r -> r.path().equals(path)).findFirst().orElseThrow();
    }

    List<LinkOutput> linked() {
        if (linked == null) {
            linked = new ArrayList<>();
            plugin.link(parsed(), resources, dev.graphmemory.indexer.model.Copies.NONE, otherModules, linked::add);
        }
        return linked;
    }

    /** The node with this id among all parse results. */
    NodeRow node(String id) {
        return parsed().stream()
                .flatMap(r -> r.nodes().stream())
                .filter(n -> n.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no node " + id + " in " + nodeIds()));
    }

    List<String> nodeIds() {
        return parsed().stream()
                .flatMap(r -> r.nodes().stream())
                .map(NodeRow::id)
                .toList();
    }

    /** Edges of one type from parsing and linking, as {@code from -> to} with ids shortened to keys. */
    List<String> edges(RelType type) {
        List<EdgeRow> all = new ArrayList<>();
        parsed().forEach(r -> all.addAll(r.edges()));
        linked().forEach(o -> {
            if (o instanceof EdgeRow e) {
                all.add(e);
            }
        });
        return all.stream()
                .filter(e -> e.type() == type)
                .map(e -> key(e.fromId()) + " -> " + key(e.toId()))
                .toList();
    }

    /** Edges of one type leaving this node key. */
    List<String> edgesFrom(RelType type, String fromKey) {
        return edges(type).stream()
                .filter(e -> e.startsWith(fromKey + " -> "))
                .map(e -> e.substring(fromKey.length() + 4))
                .toList();
    }

    List<NodeUpdate> updates() {
        return linked().stream()
                .filter(NodeUpdate.class::isInstance)
                .map(NodeUpdate.class::cast)
                .toList();
    }

    static String moduleId(String path) {
        return NodeType.MODULE.id(path);
    }

    static String classId(String qualifiedName) {
        return NodeType.CLASS.id(qualifiedName);
    }

    static String functionId(String key) {
        return NodeType.FUNCTION.id(key);
    }

    /** Every edge is unique; a duplicate would be a linker bug. */
    void assertNoDuplicateEdges() {
        List<String> all = new ArrayList<>();
        for (RelType t : RelType.values()) {
            edges(t).forEach(e -> all.add(t + " " + e));
        }
        assertThat(all).doesNotHaveDuplicates();
    }

    private static String key(String id) {
        return id.substring(id.indexOf(':', id.indexOf(':') + 1) + 1);
    }
}
