package dev.graphmemory.indexer;

import dev.graphmemory.indexer.lang.SourceLanguages;
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
 * reads while linking, knowledge documents, the count per language of files of source languages
 * no plugin parses (see {@link #countNotParsed}), and the paths of every file (to tell a missing
 * file from one that is merely not source).
 */
record Inputs(
        List<WalkedFile> sources,
        List<WalkedFile> resources,
        List<WalkedFile> documents,
        Map<String, Integer> notParsed,
        Set<String> allPaths,
        List<SkippedFile> walkSkipped,
        String treeSignature) {

    /**
     * Walks the working tree and sorts its files.
     *
     * @param maxBytes the size past which a file is skipped, for the files counted as not parsed
     */
    static Inputs collect(Path root, List<LanguagePlugin> plugins, Predicate<String> isDocument, long maxBytes) {
        List<WalkedFile> sources = new ArrayList<>();
        List<WalkedFile> resources = new ArrayList<>();
        List<WalkedFile> documents = new ArrayList<>();
        List<WalkedFile> notParsed = new ArrayList<>();
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
                            } else {
                                if (plugins.stream().anyMatch(p -> p.wantsResource(path))) {
                                    resources.add(file);
                                }
                                // a shell script read for the servers it starts is still not parsed
                                if (SourceLanguages.of(path).isPresent()
                                        && !RepositoryWalker.inInstalledDependencies(path)) {
                                    notParsed.add(file);
                                }
                            }
                        },
                        skipped::add);
        return new Inputs(
                sources,
                resources,
                documents,
                countNotParsed(notParsed, maxBytes),
                all,
                skipped,
                TreeSignature.of(walked));
    }

    /**
     * Files of source languages no plugin parses, per language, leaving out those the skip rules
     * refuse (oversized, binary, unreadable) as they are for parsed files. Reads the first few
     * kilobytes of each file, never the whole: counting them costs a run little.
     */
    private static Map<String, Integer> countNotParsed(List<WalkedFile> notParsed, long maxBytes) {
        Map<String, Integer> counts = new ConcurrentHashMap<>();
        notParsed.parallelStream()
                .filter(f -> FileContent.skipReason(f.absolute(), maxBytes) == null)
                .forEach(f -> counts.merge(SourceLanguages.of(f.path()).orElseThrow(), 1, Integer::sum));
        return Map.copyOf(counts);
    }

    /** Every file whose content goes into the graph. */
    List<WalkedFile> candidates() {
        List<WalkedFile> all = new ArrayList<>(sources.size() + resources.size() + documents.size());
        all.addAll(sources);
        all.addAll(resources);
        all.addAll(documents);
        return all;
    }

    /**
     * Hashes every candidate in parallel (path → git blob id, or the skip reason prefixed {@code !}).
     *
     * <p>In a long-lived process (the store daemon) a file whose status (size, modification and
     * change times, inode) is the same as when this process last hashed it keeps that hash without
     * being read, as git's index does, unless it was modified less than {@link #RACY_MILLIS} before
     * that hashing: a later write within the file system's timestamp granularity could then leave
     * its status unchanged (git's "racily clean" entries).
     */
    Map<String, String> hashAll(long maxBytes, ProgressListener progress) {
        Map<String, String> hashes = new ConcurrentHashMap<>();
        candidates().parallelStream().forEach(f -> {
            List<Object> status = status(f.absolute());
            Stamp known = status == null ? null : STAMPS.get(f.absolute());
            if (known != null && known.status().equals(status)) {
                hashes.put(f.path(), known.hash());
            } else {
                FileContent.Read read = read(f.absolute(), maxBytes, status);
                hashes.put(f.path(), read.ok() ? read.hash() : "!" + read.skipReason());
            }
            progress.advance(1);
        });
        if (STAMPS.size() > MAX_STAMPS) {
            STAMPS.clear(); // many repositories in one process: start over rather than grow
        }
        return new TreeMap<>(hashes);
    }

    /**
     * Reads a file as {@link FileContent#read} does, and remembers its hash for {@link #hashAll}
     * under its status: every read of a run goes through here, so the first refresh after a full
     * run finds the files that did not change without reading them again.
     */
    static FileContent.Read read(Path file, long maxBytes) {
        return read(file, maxBytes, status(file));
    }

    private static FileContent.Read read(Path file, long maxBytes, List<Object> status) {
        long hashedAt = System.currentTimeMillis();
        FileContent.Read read = FileContent.read(file, maxBytes);
        boolean settled = status != null && (long) status.get(1) < (hashedAt - RACY_MILLIS) * 1_000_000L;
        boolean contentVerdict = read.ok()
                || read.skipReason().equals("binary")
                || read.skipReason().startsWith("oversized");
        if (settled && contentVerdict) {
            STAMPS.put(file, new Stamp(status, read.ok() ? read.hash() : "!" + read.skipReason()));
        } else {
            STAMPS.remove(file);
        }
        return read;
    }

    private static final long RACY_MILLIS = 2_000;
    private static final int MAX_STAMPS = 500_000;
    private static final Map<Path, Stamp> STAMPS = new ConcurrentHashMap<>();

    private record Stamp(List<Object> status, String hash) {}

    /** Size, modification time (ns), change time (ns) and inode, or null when unavailable. */
    private static List<Object> status(Path file) {
        try {
            Map<String, Object> a = java.nio.file.Files.readAttributes(
                    file, "unix:size,lastModifiedTime,ctime,ino", java.nio.file.LinkOption.NOFOLLOW_LINKS);
            return List.of(a.get("size"), nanos(a.get("lastModifiedTime")), nanos(a.get("ctime")), a.get("ino"));
        } catch (java.io.IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
    }

    private static long nanos(Object time) {
        java.time.Instant i = ((java.nio.file.attribute.FileTime) time).toInstant();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    /** Reads the resource files (path → text), adding their hashes to {@code hashes}. */
    Map<String, String> readResources(long maxBytes, Map<String, String> hashes) {
        Map<String, String> texts = new TreeMap<>();
        for (WalkedFile f : resources) {
            FileContent.Read read = read(f.absolute(), maxBytes);
            hashes.put(f.path(), read.ok() ? read.hash() : "!" + read.skipReason());
            if (read.ok()) {
                texts.put(f.path(), read.text());
            }
        }
        return texts;
    }
}
