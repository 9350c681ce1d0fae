package dev.graphmemory.queries.workflow;

/**
 * Every weight and threshold of duplicate-work detection, in one place.
 *
 * <p>A candidate's confidence is {@code σ(BIAS + TEXT·s + COVER·c + GAP·g + FILES·f)} where
 *
 * <ul>
 *   <li>{@code s} is the cosine of the two texts' TF-IDF vectors (title counted {@link
 *       #TITLE_WEIGHT} times, stemmed, abbreviations expanded; see {@link WorkTerms});
 *   <li>{@code c} is the share of the proposal's title (IDF-weighted) that the candidate's text
 *       contains;
 *   <li>{@code g} is how far {@code s} stands above the best other candidate's (negative for all but
 *       the best): a proposal that matches one item clearly is likelier a duplicate than one that
 *       matches many items a little;
 *   <li>{@code f} is the overlap coefficient of the files the two expect to change ({@code |A ∩ B| /
 *       min(|A|, |B|)}, 0 when either lists none).
 * </ul>
 *
 * <p>How the numbers were chosen: {@code TEXT}, {@code COVER} and {@code GAP} are a logistic
 * regression fitted on the duplicates-dev set (212 proposals, 487 indexed reports; see
 * {@code bench/duplicates-eval.sh}), and the bias was then moved so that {@link #DUPLICATE}
 * (0.7) sits at the cut that maximised F1 there, where about three in four {@code duplicate}
 * verdicts were right. The dev set lists no files, so {@code FILES} is set by design: shared files
 * alone lift a candidate to {@code overlap}, never to {@code duplicate}; with a matching text they
 * tip it over.
 */
public final class DuplicateThresholds {
    private DuplicateThresholds() {}

    /** How many times a title term counts against a body term. */
    public static final double TITLE_WEIGHT = 2.0;

    /** Logistic bias. */
    public static final double BIAS = -3.35;
    /** Weight of the text cosine {@code s}. */
    public static final double TEXT = 3.42;
    /** Weight of the title coverage {@code c}. */
    public static final double COVER = 2.38;
    /** Weight of the margin {@code g} over the next-best candidate. */
    public static final double GAP = 10.1;
    /** Weight of the file overlap {@code f}. */
    public static final double FILES = 2.5;

    /** Confidence at or above which a candidate is a {@code duplicate}. */
    public static final double DUPLICATE = 0.7;
    /** Confidence at or above which a candidate is an {@code overlap} (below: {@code distinct}). */
    public static final double OVERLAP = 0.4;

    /** Candidates taken from the full-text index before re-ranking. */
    public static final int FULLTEXT_CANDIDATES = 200;
    /** Candidates taken because they touch one of the proposal's files. */
    public static final int FILE_CANDIDATES = 200;
    /** Words (the rarest first) put into the full-text query. */
    public static final int QUERY_WORDS = 48;
    /** Matched words shown as evidence per candidate. */
    public static final int EVIDENCE_TERMS = 8;

    /** The confidence for the features, 0..1. */
    public static double confidence(double s, double c, double g, double f) {
        double z = BIAS + TEXT * s + COVER * c + GAP * g + FILES * f;
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
