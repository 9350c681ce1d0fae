package dev.graphmemory.indexer;

import dev.graphmemory.indexer.lang.SourceLanguages;
import dev.graphmemory.indexer.walk.SkippedFile;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an index run did.
 *
 * @param filesSeen files of the working tree the indexer considered (sources, resources, documents)
 * @param indexed files parsed and written in this run
 * @param unchanged files left as they were because nothing changed
 * @param unparsed files that did not parse cleanly (indexed as far as the parser got)
 * @param skipped files passed over, by reason (binary, oversized, symlink, ...)
 * @param skippedExamples the first few files passed over, with their reason
 * @param unparsedExamples the first few files that did not parse, with the parser's problem
 * @param notParsed files of source languages no plugin parses (Kotlin, Groovy, Go, ...; see
 *     {@link SourceLanguages}), per language name: counted over the whole working tree in every
 *     run, incremental or not, under the same skip rules as parsed files; never read whole
 * @param documents knowledge documents indexed; {@code documentErrors} of them had bad frontmatter
 * @param commits commits indexed; {@code historyTruncated} when older ones exist beyond the bound
 * @param incremental whether the run changed only what differed from the last run (otherwise it
 *     rebuilt the repository's subgraph, or wrote nothing because nothing changed)
 * @param reparsed source files parsed in this run (an incremental run takes the others from its
 *     cache; a full run parses every file)
 * @param removed source files whose nodes were removed because the file was deleted, renamed or
 *     is now skipped (incremental runs only)
 * @param warnings how many inputs were indexed only in part (a node Neo4j refused, a declaration
 *     repeated in several files); {@code warningExamples} names the first few, with the reason
 */
public record IndexSummary(
        int filesSeen,
        int indexed,
        int unchanged,
        int unparsed,
        Map<String, Integer> skipped,
        List<SkippedFile> skippedExamples,
        List<SkippedFile> unparsedExamples,
        Map<String, Integer> notParsed,
        int documents,
        int documentErrors,
        int commits,
        boolean historyTruncated,
        int maxCommits,
        long nodesWritten,
        long relationshipsWritten,
        String indexedCommit,
        double seconds,
        boolean incremental,
        int reparsed,
        int removed,
        int warnings,
        List<SkippedFile> warningExamples) {
    public IndexSummary {
        skipped = Map.copyOf(skipped);
        warningExamples = List.copyOf(warningExamples);
        skippedExamples = List.copyOf(skippedExamples);
        unparsedExamples = List.copyOf(unparsedExamples);
        notParsed = Collections.unmodifiableMap(new TreeMap<>(notParsed)); // sorted: stable JSON
    }

    /**
     * The {@link #notParsed} counts of a run summary stored as JSON (the index state's {@code
     * last_run}); empty when there is none, or when it was written before these were counted.
     */
    public static Map<String, Integer> notParsedOf(String lastRunJson) {
        if (lastRunJson == null) {
            return Map.of();
        }
        JsonNode counts = JsonMapper.builder().build().readTree(lastRunJson).path("notParsed");
        Map<String, Integer> out = new TreeMap<>();
        counts.properties().forEach(e -> out.put(e.getKey(), e.getValue().asInt()));
        return Collections.unmodifiableMap(out);
    }

    /** Files skipped, all reasons together. */
    public int skippedTotal() {
        return skipped.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The one-line summary printed at the end of a run. */
    public String oneLine() {
        return (incremental ? String.format("incremental: %d files reparsed, %d removed; ", reparsed, removed) : "")
                + String.format(
                        "indexed %d files (%d unchanged, %d unparsed, %d skipped), %d documents, %d commits%s; wrote %d nodes"
                                + " and %d relationships in %.1f s%s%s",
                        indexed,
                        unchanged,
                        unparsed,
                        skippedTotal(),
                        documents,
                        commits,
                        historyTruncated ? " (history bounded to the last " + maxCommits + ")" : "",
                        nodesWritten,
                        relationshipsWritten,
                        seconds,
                        notParsed.isEmpty() ? "" : "; not parsed: " + SourceLanguages.describe(notParsed),
                        warnings == 0 ? "" : "; " + warnings + (warnings == 1 ? " warning" : " warnings"));
    }
}
