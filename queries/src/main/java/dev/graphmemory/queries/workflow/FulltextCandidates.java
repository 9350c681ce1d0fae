package dev.graphmemory.queries.workflow;

import dev.graphmemory.queries.graph.RepoGraph;
import dev.graphmemory.queries.schema.GraphSchema;
import dev.graphmemory.queries.schema.NodeType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds candidate work units and bugs for a proposal in Neo4j's full-text index ({@value
 * GraphSchema#FULLTEXT_INDEX}, over titles, objectives, names and root causes).
 *
 * <p>The Lucene query is built from the proposal's title words and then its rarest other words
 * (a long stack trace is full of rare words that say nothing of the subject, so the title must
 * not be crowded out): each word as written, its
 * expansion when it is an abbreviation, and its stem as a prefix ({@code authent*}), so the index
 * finds {@code authentication} for {@code auth} and {@code handling} for {@code handler}. Every word
 * is escaped: nothing the caller typed reaches Lucene's query syntax. The query stays well below
 * Lucene's 1,024-clause limit however the text looks: a word longer than {@value #MAX_WORD_CHARS}
 * characters is left out (the analyzer would split it into many clauses, and no such word is a
 * subject), and words stop once the analyzer would see {@value #MAX_QUERY_TOKENS} tokens.
 */
final class FulltextCandidates {
    private static final String CYPHER = "CALL db.index.fulltext.queryNodes($index, $query) YIELD node, score"
            + " WHERE node.repo = $repo AND (node:" + NodeType.WORK_UNIT.label() + " OR node:"
            + NodeType.BUG.label() + ")"
            + " RETURN node.id AS id ORDER BY score DESC LIMIT $limit";
    private static final String LUCENE_SPECIAL = "+-&|!(){}[]^\"~*?:\\/";

    /** The longest word put into a query. */
    static final int MAX_WORD_CHARS = 64;

    /** The most tokens the index's analyzer may see in one query (Lucene refuses over 1,024 clauses). */
    static final int MAX_QUERY_TOKENS = 400;

    private final RepoGraph graph;

    FulltextCandidates(RepoGraph graph) {
        this.graph = graph;
    }

    /** The ids of the best full-text matches, best first; empty when the text has no words. */
    List<String> find(String title, String text, TermWeights weights, int limit) {
        String query = query(title, text, weights);
        if (query.isEmpty()) {
            return List.of();
        }
        return graph
                .read(CYPHER, Map.of("index", GraphSchema.FULLTEXT_INDEX, "query", query, "limit", (long) limit))
                .stream()
                .map(r -> r.get("id").asString())
                .toList();
    }

    /** The Lucene query for a text without a title: its rarest words, OR-ed; {@code ""} when none. */
    static String query(String text, TermWeights weights) {
        return query("", text, weights);
    }

    /**
     * The Lucene query for a title and a body: the title's words, then the body's rarest, OR-ed, at
     * most {@link DuplicateThresholds#QUERY_WORDS} words; {@code ""} when there are none.
     */
    static String query(String title, String body, TermWeights weights) {
        Map<String, String> surfaces = new LinkedHashMap<>();
        List<String> ranked = new ArrayList<>(byRarity(WorkTerms.of(title, surfaces), weights));
        for (String term : byRarity(WorkTerms.of(body, surfaces), weights)) {
            if (!ranked.contains(term)) {
                ranked.add(term);
            }
        }
        Set<String> clauses = new LinkedHashSet<>();
        int tokens = 0;
        for (String term : ranked) {
            if (clauses.size() >= DuplicateThresholds.QUERY_WORDS) {
                break;
            }
            String surface = surfaces.get(term).toLowerCase(Locale.ROOT);
            if (surface.length() > MAX_WORD_CHARS) {
                continue;
            }
            List<String> more = new ArrayList<>(3);
            more.add(escape(surface));
            String word = SoftwareVocabulary.ABBREVIATIONS.get(surface);
            if (word != null) {
                more.add(escape(word));
            }
            if (!term.startsWith(WorkTerms.IDENTIFIER_MARK) && term.length() >= 4) {
                more.add(escape(term) + "*");
            }
            int cost =
                    more.stream().mapToInt(FulltextCandidates::analyzerTokens).sum();
            if (tokens + cost > MAX_QUERY_TOKENS) {
                break;
            }
            tokens += cost;
            clauses.addAll(more);
        }
        return String.join(" ", clauses);
    }

    /** Distinct terms, those the corpus has first (others cannot match), then the rarest first. */
    private static List<String> byRarity(List<String> terms, TermWeights weights) {
        List<String> ranked = new ArrayList<>(new LinkedHashSet<>(terms));
        ranked.sort(
                Comparator.comparing((String t) -> weights.frequency(t) == 0).thenComparing(t -> -weights.idf(t)));
        return ranked;
    }

    /**
     * How many tokens the analyzer makes of a clause, at most: each run of ASCII letters and digits,
     * and each other letter or digit on its own (the analyzer gives every ideograph a token).
     */
    static int analyzerTokens(String clause) {
        int tokens = 0;
        boolean inRun = false;
        for (int i = 0; i < clause.length(); i++) {
            char c = clause.charAt(i);
            boolean ascii = c < 128 && Character.isLetterOrDigit(c);
            if (ascii && !inRun) {
                tokens++;
            } else if (!ascii && Character.isLetterOrDigit(c)) {
                tokens++;
            }
            inRun = ascii;
        }
        return Math.max(tokens, 1);
    }

    /** Escapes every character Lucene's classic query parser treats as syntax. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            if (LUCENE_SPECIAL.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
