package dev.graphmemory.queries.workflow;

/**
 * Every weight and threshold of duplicate-work detection, in one place.
 *
 * <p>A candidate's confidence is {@code σ(bias + text·s + cover·c + reverse·r + gap·g + embedding·e
 * + time·t + FILES·f)} with the {@link Weights} of one of four models, where
 *
 * <ul>
 *   <li>{@code s} is the cosine of the two texts' TF-IDF vectors (title counted {@link
 *       #TITLE_WEIGHT} times, stemmed, abbreviations expanded; see {@link WorkTerms});
 *   <li>{@code c} is the share of the proposal's title (IDF-weighted) that the candidate's text
 *       contains;
 *   <li>{@code r} is the same the other way round: the share of the candidate's title (IDF-weighted)
 *       that the proposal's text contains. A duplicate restates the other report's subject, so
 *       both titles are found in the other text; a report that merely mentions the proposal's
 *       words on the way to another subject covers one way only;
 *   <li>{@code g} is how far {@code s} stands above the best other candidate's (negative for all but
 *       the best): a proposal that matches one item clearly is likelier a duplicate than one that
 *       matches many items a little;
 *   <li>{@code e} (models {@code HYBRID*}, {@link Embeddings} on, the default) is the cosine of the
 *       two texts' sentence embeddings: from the vector the indexer stored for every candidate that
 *       has one, else computed for the {@link #EMBEDDED_CANDIDATES} textually nearest (0 for the
 *       others);
 *   <li>{@code t} (models {@code *_DATED}, when the proposal and the candidate both carry a filing
 *       date, see {@link WorkDates}) is {@link #time}: {@code ln(1 + days) / ln(1000)} for a
 *       candidate filed {@code days} before the proposal. Reports of the same work are filed close
 *       together: on duplicates-dev half of the labelled pairs lie within 48 days, while the best
 *       textual matches that are wrong lie a median of 256 days apart. A candidate filed after a
 *       dated proposal is not scored at all: of two reports of the same
 *       work the later one is the duplicate ({@link DuplicateScorer#filedAfter});
 *   <li>{@code f} is the overlap coefficient of the files the two expect to change ({@code |A ∩ B| /
 *       min(|A|, |B|)}, 0 when either lists none).
 * </ul>
 *
 * <p>How the numbers were chosen: each model's weights are a logistic regression (L2 0.01) fitted
 * on the duplicates-dev set (212 proposals, 487 indexed reports) over each proposal's ten textually
 * nearest candidates, labelled by whether each is a listed duplicate, so the weights order the
 * runners-up as well as judge the top one; the bias was then moved so that {@link #DUPLICATE}
 * (0.7) sits at the cut that maximised F1 there. {@code bench/duplicates-fit.py} reproduces them
 * from a run of {@code bench/duplicates-eval.sh} ({@code GM_FIT_FEATURES} names the model). Repeated
 * two-fold cross-validation (20 splits; see {@code BENCHMARKS.md}), so the figures are out of sample:
 *
 * <ul>
 *   <li>{@link #HYBRID_DATED}: F1 0.706 (sd 0.024), Recall@5 0.968;
 *   <li>{@link #LEXICAL_DATED}: F1 0.716 (sd 0.027), Recall@5 0.934;
 *   <li>{@link #HYBRID} (the set with its dates removed): F1 0.594 (sd 0.018), Recall@5 0.928;
 *   <li>{@link #LEXICAL} (the same): F1 0.574 (sd 0.017), Recall@5 0.911.
 * </ul>
 *
 * <p>{@code HYBRID*.text} is negative because {@code s} also enters through {@code g} and overlaps
 * with {@code e}: among candidates with the same embedding cosine and margin, a high word overlap
 * alone is weak evidence (same library, same test class). The dev set lists no files, so {@code
 * FILES} is set by design: shared files alone lift a candidate to {@code overlap}, never to {@code
 * duplicate} (a candidate whose texts alone, by the undated model, score below {@link #OVERLAP} is
 * capped at {@link #FILES_ONLY_CAP}); with a matching text they tip it over.
 */
public final class DuplicateThresholds {
    private DuplicateThresholds() {}

    /** How many times a title term counts against a body term. */
    public static final double TITLE_WEIGHT = 2.0;

    /**
     * The weights of one logistic model: {@code σ(bias + text·s + cover·c + reverse·r + gap·g +
     * embedding·e + time·t)}. A model without the embedding or the date feature has 0 there.
     */
    public record Weights(
            double bias, double text, double cover, double reverse, double gap, double embedding, double time) {
        /** The log-odds for these features. */
        public double logit(double s, double c, double r, double g, double e, double t) {
            return bias + text * s + cover * c + reverse * r + gap * g + embedding * e + time * t;
        }
    }

    /** Lexical features alone: embeddings off, dates unknown. */
    public static final Weights LEXICAL = new Weights(-3.16, 0.54, 1.88, 3.36, 9.21, 0, 0);
    /** With the embedding cosine {@code e}; dates unknown. */
    public static final Weights HYBRID = new Weights(-5.27, -1.71, 0.88, 2.53, 9.93, 6.68, 0);
    /** Lexical features and the filing-date distance {@code t}. */
    public static final Weights LEXICAL_DATED = new Weights(-0.71, 0.13, 2.40, 3.62, 8.54, 0, -4.52);
    /** The embedding cosine {@code e} and the filing-date distance {@code t}. */
    public static final Weights HYBRID_DATED = new Weights(-4.05, -2.36, 1.23, 2.42, 9.00, 7.71, -4.36);

    /** Weight of the file overlap {@code f}. */
    public static final double FILES = 3.0;
    /** The highest confidence shared files can give a candidate whose text alone is below {@link #OVERLAP}. */
    public static final double FILES_ONLY_CAP = 0.6;
    /** The days at which the date feature {@code t = ln(1 + days) / ln(TIME_SCALE_DAYS)} reaches 1. */
    public static final double TIME_SCALE_DAYS = 1000;

    /** Confidence at or above which a candidate is a {@code duplicate}. */
    public static final double DUPLICATE = 0.7;
    /** Confidence at or above which a candidate is an {@code overlap} (below: {@code distinct}). */
    public static final double OVERLAP = 0.4;

    /** Candidates taken from the full-text index before re-ranking. */
    public static final int FULLTEXT_CANDIDATES = 200;
    /** Candidates taken from the vector index (the nearest in meaning) before re-ranking. */
    public static final int VECTOR_CANDIDATES = 50;
    /** Candidates taken because they touch one of the proposal's files. */
    public static final int FILE_CANDIDATES = 200;
    /** Words (the rarest first) put into the full-text query. */
    public static final int QUERY_WORDS = 48;
    /** Matched words shown as evidence per candidate. */
    public static final int EVIDENCE_TERMS = 8;

    /**
     * Candidates without a stored embedding (indexed while embeddings were off) that are embedded on
     * the fly: the textually nearest; the others get {@code e = 0}. A stored embedding is always used.
     */
    public static final int EMBEDDED_CANDIDATES = 20;

    /** The model for a scorer with or without embeddings, for a pair whose dates are or are not both known. */
    public static Weights weights(boolean embeddings, boolean dated) {
        if (embeddings) {
            return dated ? HYBRID_DATED : HYBRID;
        }
        return dated ? LEXICAL_DATED : LEXICAL;
    }

    /** The date feature for a candidate filed {@code days} before the proposal. */
    public static double time(double days) {
        return Math.log1p(Math.max(0, days)) / Math.log(TIME_SCALE_DAYS);
    }

    /**
     * The confidence, 0..1, of a candidate.
     *
     * @param embeddings whether the embedding feature is on (the {@code HYBRID} models)
     * @param days how many days before the proposal the candidate was filed, or {@code null} when
     *     either date is unknown (the undated models)
     * @param e the embedding cosine (0 when not computed)
     * @param f the file overlap
     */
    public static double confidence(
            boolean embeddings, Double days, double s, double c, double r, double g, double e, double f) {
        double z = weights(embeddings, days != null).logit(s, c, r, g, e, days == null ? 0 : time(days));
        if (f <= 0) {
            return sigmoid(z);
        }
        double withFiles = sigmoid(z + FILES * f);
        // What the texts alone say, without the date (a prior, not evidence of the same work) and the files.
        double text = sigmoid(weights(embeddings, false).logit(s, c, r, g, e, 0));
        if (text >= OVERLAP) {
            return withFiles;
        }
        // Shared files make an overlap, never a duplicate: they lift the candidate to at most
        // FILES_ONLY_CAP, and to at least OVERLAP when it shares every file of the shorter list.
        return Math.min(Math.max(withFiles, OVERLAP * f), Math.max(FILES_ONLY_CAP, sigmoid(z)));
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** The verdict for a confidence. */
    public static Verdict verdict(double confidence) {
        if (confidence >= DUPLICATE) {
            return Verdict.DUPLICATE;
        }
        return confidence >= OVERLAP ? Verdict.OVERLAP : Verdict.DISTINCT;
    }
}
