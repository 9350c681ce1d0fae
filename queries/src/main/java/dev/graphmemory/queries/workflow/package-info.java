/**
 * Workflow analyses over the graph: duplicate-work detection.
 *
 * <p>{@link dev.graphmemory.queries.workflow.DuplicateFinder} is the entry point: a {@link
 * dev.graphmemory.queries.workflow.ProposedWork} (or an indexed id) in, a {@link
 * dev.graphmemory.queries.workflow.DuplicateReport} out. Text is matched lexically: words split at
 * punctuation and camelCase, abbreviations expanded, Porter-stemmed ({@link
 * dev.graphmemory.queries.workflow.WorkTerms}), weighted by TF-IDF over the repository's own work
 * units and bugs, the title counting double. Candidates come from Neo4j's full-text index and from
 * shared files; {@link dev.graphmemory.queries.workflow.DuplicateScorer} re-ranks them and {@link
 * dev.graphmemory.queries.workflow.DuplicateThresholds} holds every weight and threshold.
 *
 * <p>Why lexical: on the duplicates-dev set an in-process embedding model (all-MiniLM-L6-v2 from
 * Maven Central, see {@code bench/duplicates-embedding-probe.sh}) ranked worse alone (Recall@5 0.80
 * against 0.89) and added little combined, for about 180 MB of jars and far slower indexing.
 */
package dev.graphmemory.queries.workflow;
