package dev.graphmemory.queries.workflow;

/**
 * Every weight and threshold of duplicate-work detection, in one place.
 *
 * <p>A candidate's confidence is {@code σ(bias + text·s + cover·c + reverse·r + gap·g + embedding·e
 * + embeddingGap·h + time·t + FILES·f)} with the {@link Weights} of one of four models. Every
 * text feature is a share or is relative to the proposal's own candidate set, so the model does not
 * lean on the raw scores one tracker's texts happen to give (long bodies, terse titles), and a
 * feature a source cannot supply has a neutral fallback (no dates: the undated models; embeddings
 * off: the lexical ones; no files: {@code f = 0}):
 *
 * <ul>
 *   <li>{@code s} is the cosine of the two texts' TF-IDF vectors (title counted {@link
 *       #TITLE_WEIGHT} times, stemmed, abbreviations expanded; see {@link WorkTerms}) divided by the
 *       best candidate's: 1 for the textually nearest;
 *   <li>{@code c} is the share of the proposal's title (IDF-weighted) that the candidate's text
 *       contains;
 *   <li>{@code r} is the same the other way round: the share of the candidate's title (IDF-weighted)
 *       that the proposal's text contains. A duplicate restates the other report's subject, so
 *       both titles are found in the other text; a report that merely mentions the proposal's
 *       words on the way to another subject covers one way only;
 *   <li>{@code g} is how far the text cosine stands above the best other candidate's (negative for
 *       all but the best): a proposal that matches one item clearly is likelier a duplicate than
 *       one that matches many items a little;
 *   <li>{@code e} and {@code h} (models {@code HYBRID*}, {@link Embeddings} on, the default) are the
 *       cosine of the two texts' sentence embeddings, and how far it stands above the best other
 *       candidate's: from the vector the indexer stored for every candidate that has one, else
 *       computed for the {@link #EMBEDDED_CANDIDATES} textually nearest (0 for the others). The
 *       cosine stays raw: it is on the embedding model's fixed scale, whatever the tracker, and it
 *       keeps the best of a few weak candidates (a small repository) from looking strong;
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
 * runners-up as well as judge the top one. The regression's output is the confidence as it stands,
 * so it is calibrated: among held-out answers whose best candidate has confidence c, about c have
 * a listed duplicate there (expected calibration error 0.018 for {@link #HYBRID_DATED}). {@link
 * #DUPLICATE} is the cut that maximises F1 held out, and {@link #REVIEW} opens the band below it
 * where the model is unsure. {@code bench/duplicates-fit.py} reproduces them from a run of {@code
 * bench/duplicates-eval.sh} ({@code GM_FIT_FEATURES} names the model) and prints the reliability
 * table. Repeated two-fold cross-validation (20 splits; see {@code BENCHMARKS.md}), at {@link
 * #DUPLICATE}, so the figures are out of sample:
 *
 * <ul>
 *   <li>{@link #HYBRID_DATED}: F1 0.707 (sd 0.028), Recall@5 0.967;
 *   <li>{@link #LEXICAL_DATED}: F1 0.718 (sd 0.027), Recall@5 0.940;
 *   <li>{@link #HYBRID} (the set with its dates removed): F1 0.577 (sd 0.021), Recall@5 0.926;
 *   <li>{@link #LEXICAL} (the same): F1 0.579 (sd 0.023), Recall@5 0.906.
 * </ul>
 *
 * <p>The dev set lists no files, so {@code FILES} is set by design: shared files alone make an
 * {@code overlap}, never a {@code duplicate} (a candidate whose texts alone, by the undated model,
 * score below {@link #REVIEW} is capped at {@link #FILES_ONLY_CAP}); with a matching text they tip
 * it over.
 */
public final class DuplicateThresholds {
    private DuplicateThresholds() {}

    /** How many times a title term counts against a body term. */
    public static final double TITLE_WEIGHT = 2.0;

    /**
     * The weights of one logistic model: {@code σ(bias + text·s + cover·c + reverse·r + gap·g +
     * embedding·e + embeddingGap·h + time·t)}. A model without the embedding or the date features
     * has 0 there.
     */
    public record Weights(
            double bias,
            double text,
            double cover,
            double reverse,
            double gap,
            double embedding,
            double embeddingGap,
            double time) {
        /** The log-odds for these features. */
        public double logit(Features x, double t) {
            return bias
                    + text * x.s()
                    + cover * x.c()
                    + reverse * x.r()
                    + gap * x.g()
                    + embedding * x.e()
                    + embeddingGap * x.h()
                    + time * t;
        }
    }

    /**
     * What the texts say of one candidate, each feature as the class comment defines it.
     *
     * @param s text cosine over the best candidate's
     * @param c share of the proposal's title in the candidate
     * @param r share of the candidate's title in the proposal
     * @param g text cosine minus the best other candidate's
     * @param e embedding cosine (0 when not computed)
     * @param h embedding cosine minus the best other candidate's (0 when not computed)
     */
    public record Features(double s, double c, double r, double g, double e, double h) {}

    /** Lexical features alone: embeddings off, dates unknown. */
    public static final Weights LEXICAL = new Weights(-6.06, 1.09, 1.90, 3.36, 8.39, 0, 0, 0);
    /** With the embedding features {@code e} and {@code h}; dates unknown. */
    public static final Weights HYBRID = new Weights(-7.29, 0.60, 0.62, 2.40, 7.75, 4.78, 2.19, 0);
    /** Lexical features and the filing-date distance {@code t}. */
    public static final Weights LEXICAL_DATED = new Weights(-3.53, 1.85, 2.26, 3.33, 6.75, 0, 0, -4.40);
    /** The embedding features and the filing-date distance {@code t}. */
    public static final Weights HYBRID_DATED = new Weights(-5.52, 1.01, 0.95, 2.10, 6.35, 6.54, 0.74, -4.20);

    /** Weight of the file overlap {@code f}. */
    public static final double FILES = 3.0;
    /** The highest confidence shared files can give a candidate whose text alone is below {@link #REVIEW}. */
    public static final double FILES_ONLY_CAP = 0.35;
    /** The days at which the date feature {@code t = ln(1 + days) / ln(TIME_SCALE_DAYS)} reaches 1. */
    public static final double TIME_SCALE_DAYS = 1000;

    /**
     * Confidence at or above which a candidate is a {@code duplicate}: the cut that maximised F1
     * held out on duplicates-dev; about 80% of such verdicts named a listed duplicate there.
     */
    public static final double DUPLICATE = 0.4;
    /**
     * Confidence at or above which a candidate below {@link #DUPLICATE} is {@code review}: the model
     * is unsure, about one in four such candidates was a listed duplicate on duplicates-dev (below:
     * {@code distinct}, or {@code overlap} when it shares files).
     */
    public static final double REVIEW = 0.2;

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
     * @param embeddings whether the embedding features are on (the {@code HYBRID} models)
     * @param days how many days before the proposal the candidate was filed, or {@code null} when
     *     either date is unknown (the undated models)
     * @param f the file overlap
     */
    public static double confidence(boolean embeddings, Double days, Features x, double f) {
        double z = weights(embeddings, days != null).logit(x, days == null ? 0 : time(days));
        if (f <= 0 || !filesOnly(embeddings, x, f)) {
            return f <= 0 ? sigmoid(z) : sigmoid(z + FILES * f);
        }
        // Shared files make an overlap, never a duplicate: they lift the candidate to at most
        // FILES_ONLY_CAP, and to at least REVIEW when it shares every file of the shorter list.
        double withFiles = sigmoid(z + FILES * f);
        return Math.min(Math.max(withFiles, REVIEW * f), Math.max(FILES_ONLY_CAP, sigmoid(z)));
    }

    /**
     * Whether a candidate is related by its files alone: it shares files, and what the texts alone
     * say (without the date, a prior rather than evidence of the same work) is below {@link #REVIEW}.
     */
    public static boolean filesOnly(boolean embeddings, Features x, double f) {
        return f > 0 && sigmoid(weights(embeddings, false).logit(x, 0)) < REVIEW;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * The verdict for a confidence: {@code duplicate}, {@code review}, or {@code distinct}; a
     * candidate related by its files alone ({@link #filesOnly}) is an {@code overlap} instead of
     * {@code review} or {@code distinct}.
     */
    public static Verdict verdict(double confidence, boolean filesOnly) {
        if (confidence >= DUPLICATE) {
            return Verdict.DUPLICATE;
        }
        if (filesOnly) {
            return Verdict.OVERLAP;
        }
        return confidence >= REVIEW ? Verdict.REVIEW : Verdict.DISTINCT;
    }
}
