package dev.graphmemory.queries.workflow;

/**
 * Every weight and threshold of duplicate-work detection, in one place.
 *
 * <p>A candidate's confidence is {@code σ(BIAS + TEXT·s + COVER·c + REVERSE·r + GAP·g + FILES·f)}
 * where
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
 *   <li>{@code f} is the overlap coefficient of the files the two expect to change ({@code |A ∩ B| /
 *       min(|A|, |B|)}, 0 when either lists none).
 * </ul>
 *
 * <p>How the numbers were chosen: {@code TEXT}, {@code COVER}, {@code REVERSE} and {@code GAP} are
 * a logistic regression (L2 0.01) fitted on the duplicates-dev set (212 proposals, 487 indexed
 * reports) over each proposal's ten textually nearest candidates, labelled by whether each is a
 * listed duplicate, so the weights order the runners-up as well as judge the top one; the bias was
 * then moved so that {@link #DUPLICATE} (0.7) sits at the cut that maximised F1 there. {@code
 * bench/duplicates-fit.py} reproduces them from a run of {@code bench/duplicates-eval.sh}. Fitted
 * on either half of the proposals and tested on the other, the same recipe scored F1 0.49 and
 * 0.69 (0.47 and 0.63 without {@code r}; see {@code BENCHMARKS.md}), so the weights are not
 * tuned to particular reports. The dev set lists no files, so {@code FILES} is set by design:
 * shared files alone lift a candidate to {@code overlap}, never to {@code duplicate} (a candidate
 * whose text alone scores below {@link #OVERLAP} is capped at {@link #FILES_ONLY_CAP}); with a
 * matching text they tip it over.
 *
 * <p>With {@link Embeddings} on (the default) a sixth feature {@code e}, the cosine of the two
 * texts' sentence embeddings, is computed for the {@link #EMBEDDED_CANDIDATES} textually nearest
 * candidates (0 for the others), and the {@code HYBRID_*} weights with {@link #EMBEDDING} replace
 * the ones above: {@code σ(HYBRID_BIAS + HYBRID_TEXT·s + HYBRID_COVER·c + HYBRID_REVERSE·r +
 * HYBRID_GAP·g + EMBEDDING·e + FILES·f)}, fitted the same way ({@code GM_FIT_FEATURES=s,c,r,g,e
 * bench/duplicates-fit.py}). {@code HYBRID_TEXT} is negative because {@code s} also enters through
 * {@code g} and overlaps with {@code e}: among candidates with the same embedding cosine and margin,
 * a high word overlap alone is weak evidence (same library, same test class). Repeated two-fold
 * cross-validation (20 splits) on duplicates-dev: F1 0.584 (sd 0.019) and Recall@5 0.945 with
 * {@code e}, F1 0.567 (sd 0.017) and Recall@5 0.910 without.
 */
public final class DuplicateThresholds {
    private DuplicateThresholds() {}

    /** How many times a title term counts against a body term. */
    public static final double TITLE_WEIGHT = 2.0;

    /** Logistic bias. */
    public static final double BIAS = -2.96;
    /** Weight of the text cosine {@code s}. */
    public static final double TEXT = 0.68;
    /** Weight of the title coverage {@code c}. */
    public static final double COVER = 1.79;
    /** Weight of the candidate's title coverage {@code r}. */
    public static final double REVERSE = 3.15;
    /** Weight of the margin {@code g} over the next-best candidate. */
    public static final double GAP = 9.22;
    /** Weight of the file overlap {@code f}. */
    public static final double FILES = 3.0;
    /** The highest confidence shared files can give a candidate whose text alone is below {@link #OVERLAP}. */
    public static final double FILES_ONLY_CAP = 0.6;

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

    /** Logistic bias when the embedding feature {@code e} is there. */
    public static final double HYBRID_BIAS = -5.26;
    /** Weight of {@code s} when {@code e} is there. */
    public static final double HYBRID_TEXT = -1.76;
    /** Weight of {@code c} when {@code e} is there. */
    public static final double HYBRID_COVER = 0.74;
    /** Weight of {@code r} when {@code e} is there. */
    public static final double HYBRID_REVERSE = 2.16;
    /** Weight of {@code g} when {@code e} is there. */
    public static final double HYBRID_GAP = 10.03;
    /** Weight of the embedding cosine {@code e}. */
    public static final double EMBEDDING = 6.95;
    /** Candidates (the textually nearest) whose embedding cosine is computed; the others get {@code e = 0}. */
    public static final int EMBEDDED_CANDIDATES = 20;

    /** The confidence for the lexical features, 0..1. */
    public static double confidence(double s, double c, double r, double g, double f) {
        return withFiles(BIAS + TEXT * s + COVER * c + REVERSE * r + GAP * g, f);
    }

    /** The confidence for the lexical features and the embedding cosine {@code e}, 0..1. */
    public static double confidence(double s, double c, double r, double g, double e, double f) {
        return withFiles(
                HYBRID_BIAS + HYBRID_TEXT * s + HYBRID_COVER * c + HYBRID_REVERSE * r + HYBRID_GAP * g + EMBEDDING * e,
                f);
    }

    private static double withFiles(double text, double f) {
        double withFiles = sigmoid(text + FILES * f);
        return sigmoid(text) < OVERLAP ? Math.min(withFiles, FILES_ONLY_CAP) : withFiles;
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
