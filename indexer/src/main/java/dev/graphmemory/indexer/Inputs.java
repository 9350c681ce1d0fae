package dev.graphmemory.indexer;

import dev.graphmemory.indexer.model.LanguagePlugin;
import dev.graphmemory.indexer.walk.FileContent;
import dev.graphmemory.indexer.walk.RepositoryWalker;
import dev.graphmemory.indexer.walk.SkippedFile;
import dev.graphmemory.indexer.walk.TreeSignature;
import dev.graphmemory.indexer.walk.WalkedFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The working tree sorted for one run: source files some plugin parses, resource files a plugin
 * reads while linking, knowledge documents, and the paths of every file (to tell a missing file
 * from one that is merely not source).
 */
record Inputs(
        List<WalkedFile> sources,
        List<WalkedFile> resources,
        List<WalkedFile> documents,
        Set<String> allPaths,
        List<SkippedFile> walkSkipped,
        String treeSignature) {

    static Inputs collect(Path root, List<LanguagePlugin> plugins, Predicate<String> isDocument) {
        List<WalkedFile> sources = new ArrayList<>();
        List<WalkedFile> resources = new ArrayList<>();
        List<WalkedFile> documents = new ArrayList<>();
        Set<String> all = new HashSet<>();
        List<WalkedFile> walked = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        new RepositoryWalker(root)
                .walk(
                        file -> {
                            String path = file.path();
                            all.add(path);
                            walked.add(file);
                            if (plugins.stream().anyMatch(p -> p.accepts(path))) {
                                sources.add(file);
                            } else if (isDocument.test(path)) {
                                documents.add(file);
                            } else if (plugins.stream().anyMatch(p -> p.wantsResource(path))) {
                                resources.add(file);
                            }
                        },
                        skipped::add);
        return new Inputs(sources, resources, documents, all, skipped, TreeSignature.of(walked));
    }

    /** Every file whose content goes into the graph. */
    List<WalkedFile> candidates() {
        List<WalkedFile> all = new ArrayList<>(sources.size() + resources.size() + documents.size());
        all.addAll(sources);
        all.addAll(resources);
        all.addAll(documents);
        return all;
    }

    /** Hashes every candidate in parallel (path → git blob id, or the skip reason prefixed {@code !}). */
    Map<String, String> hashAll(long maxBytes, ProgressListener progress) {
        Map<String, String> hashes = new ConcurrentHashMap<>();
        candidates().parallelStream().forEach(f -> {
            FileContent.Read read = FileContent.read(f.absolute(), maxBytes);
            hashes.put(f.path(), read.ok() ? read.hash() : "!" + read.skipReason());
            progress.advance(1);
        });
        return new TreeMap<>(hashes);
    }

    /** Reads the resource files (path → text), adding their hashes to {@code hashes}. */
    Map<String, String> readResources(long maxBytes, Map<String, String> hashes) {
        Map<String, String> texts = new TreeMap<>();
        for (WalkedFile f : resources) {
            FileContent.Read read = FileContent.read(f.absolute(), maxBytes);
            hashes.put(f.path(), read.ok() ? read.hash() : "!" + read.skipReason());
            if (read.ok()) {
                texts.put(f.path(), read.text());
            }
        }
        return texts;
    }
}
