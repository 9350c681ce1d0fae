package dev.graphmemory.queries.workflow;

import dev.graphmemory.queries.graph.LruCache;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sentence embeddings of work items, for the semantic similarity feature of duplicate-work
 * detection: the quantized all-MiniLM-L6-v2 model (384 dimensions) that ships inside LangChain4j's
 * Maven Central artifact and runs in process on ONNX Runtime, so nothing is downloaded at run time.
 *
 * <p>Design notes: the model is loaded once per process, on first use (about a second). The
 * indexer embeds each work unit and bug once and stores the vector on its node, for Neo4j's vector
 * index and the scorer ({@code DocEmbeddings} in the indexer, {@link VectorCandidates}); a query
 * embeds the proposal, and an item indexed without a vector only when it is among the {@link
 * DuplicateThresholds#EMBEDDED_CANDIDATES} textually nearest. A text's vector is kept in a bounded
 * process-wide cache keyed by the text. {@code GRAPH_MEMORY_EMBEDDINGS=off} switches the feature
 * off (see {@link #configured()}); the scorer then uses the lexical weights alone.
 */
public final class Embeddings {
    /** The model's name, stored beside each vector ({@code embedding_model}). */
    public static final String MODEL = "all-MiniLM-L6-v2-q";
    /** The environment variable that switches embeddings off ({@code off}, {@code false}, {@code 0}). */
    public static final String SWITCH = "GRAPH_MEMORY_EMBEDDINGS";
    /** Characters of a text's body embedded after its title (the model reads about 256 word pieces). */
    static final int BODY_CHARS = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(Embeddings.class);
    private static final int CACHE_SIZE = 10_000;
    private static final Set<String> OFF_VALUES = Set.of("off", "false", "0", "no");
    private static volatile Embeddings shared;

    private final EmbeddingModel model;
    private final LruCache<String, float[]> cache = new LruCache<>(CACHE_SIZE);

    private Embeddings(EmbeddingModel model) {
        this.model = model;
    }

    /**
     * The process-wide embeddings, or empty when {@value #SWITCH} says {@code off} or the model
     * cannot be loaded (the reason is logged once and the scorer falls back to lexical features).
     */
    public static Optional<Embeddings> configured() {
        return configured(System.getenv(SWITCH));
    }

    static Optional<Embeddings> configured(String setting) {
        return off(setting) ? Optional.empty() : Optional.ofNullable(load());
    }

    /** Whether {@value #SWITCH} switches embeddings off for this process. */
    public static boolean switchedOff() {
        return off(System.getenv(SWITCH));
    }

    private static boolean off(String setting) {
        return setting != null && OFF_VALUES.contains(setting.strip().toLowerCase(Locale.ROOT));
    }

    private static Embeddings load() {
        Embeddings e = shared;
        if (e == null) {
            synchronized (Embeddings.class) {
                e = shared;
                if (e == null) {
                    try {
                        OnnxNatives.prepare();
                        e = new Embeddings(new AllMiniLmL6V2QuantizedEmbeddingModel());
                        shared = e;
                    } catch (RuntimeException | LinkageError ex) {
                        LOG.warn(
                                "embedding model unavailable, duplicate detection uses lexical features only: {}",
                                ex.toString());
                        LOG.debug("embedding model unavailable", ex); // the trace with --verbose
                        return null;
                    }
                }
            }
        }
        return e;
    }

    /** The cosine of two unit vectors of the same length, -1..1. */
    public static double cosine(float[] x, float[] y) {
        double dot = 0;
        for (int i = 0; i < x.length; i++) {
            dot += x[i] * y[i];
        }
        return Math.max(-1, Math.min(1, dot));
    }

    /** A vector as the indexer stores it and the vector index is queried with: a list of doubles. */
    public static List<Double> values(float[] vector) {
        List<Double> out = new ArrayList<>(vector.length);
        for (float f : vector) {
            out.add((double) f);
        }
        return out;
    }

    /**
     * The text an indexed work unit or bug is embedded as, from its node's properties: what {@link
     * WorkCorpusReader} reads as its title ({@code title}, else {@code name}, else {@code key}) and
     * text, through {@link #text(String, String)}. The indexer stores the vector of this text.
     */
    public static String text(Map<String, ?> props, String key) {
        return text(WorkItem.titleOf(props, key), WorkItem.textOf(props));
    }

    /** The text an item is embedded as: its title, then the start of its body. */
    public static String text(String title, String body) {
        String t = title == null ? "" : title.strip();
        String b = body == null ? "" : body.strip();
        return t + ". " + b.substring(0, Math.min(BODY_CHARS, b.length()));
    }

    /** The unit-length embedding of a text (kept in the process-wide cache). */
    public float[] vector(String text) {
        return cache.get(text, () -> unitVector(text));
    }

    private float[] unitVector(String text) {
        float[] v = model.embed(text.isBlank() ? "." : text).content().vector().clone();
        double norm = 0;
        for (float f : v) {
            norm += f * f;
        }
        float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0;
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return v;
    }
}
