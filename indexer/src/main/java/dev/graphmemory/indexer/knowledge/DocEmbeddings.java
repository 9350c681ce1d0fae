package dev.graphmemory.indexer.knowledge;

import dev.graphmemory.indexer.ProgressListener;
import dev.graphmemory.indexer.model.NodeRow;
import dev.graphmemory.queries.schema.Keys;
import dev.graphmemory.queries.schema.NodeType;
import dev.graphmemory.queries.workflow.Embeddings;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds the sentence embedding ({@link Keys#EMBEDDING}, {@link Keys#EMBEDDING_MODEL}) to the nodes
 * of work units and bugs, for Neo4j's vector index and duplicate-work detection.
 *
 * <p>Design notes: embedding costs about 20 ms a document, so vectors are kept in a file in the
 * index cache, keyed by a hash of the model and the embedded text: an incremental run (the
 * post-commit hook) embeds only the documents whose text changed, and a rebuild in full none that
 * the last run embedded. The model is loaded only when something must be embedded. The file keeps
 * the vectors of the last run's documents only, so it stays as large as the knowledge folder
 * needs. A missing or unreadable file is an empty cache; without a cache directory every run
 * embeds every document. When embeddings are off ({@code GRAPH_MEMORY_EMBEDDINGS=off}) or the
 * model cannot load, the nodes carry no vector and the duplicate finder embeds what it compares.
 */
public final class DocEmbeddings {
    /** Node types that get an embedding: the work a proposal may repeat. */
    static final Set<NodeType> EMBEDDED = Set.of(NodeType.WORK_UNIT, NodeType.BUG);

    private static final Logger LOG = LoggerFactory.getLogger(DocEmbeddings.class);
    private static final String MAGIC = "graph-memory embeddings 1";

    private final Path file;
    private final Supplier<Embeddings> model;

    /**
     * @param file the cache file, or {@code null} for none
     * @param model the model, called only when a vector is missing; it may return {@code null} (off)
     */
    public DocEmbeddings(Path file, Supplier<Embeddings> model) {
        this.file = file;
        this.model = model;
    }

    /** Embeddings as {@link Embeddings#configured()} says, cached in {@code file} (may be null). */
    public static DocEmbeddings configured(Path file) {
        return new DocEmbeddings(file, () -> Embeddings.configured().orElse(null));
    }

    /** The documents' nodes, those of work units and bugs with their vectors. */
    public List<NodeRow> nodes(List<KnowledgeDoc> docs, ProgressListener progress) {
        List<NodeRow> out = new ArrayList<>(docs.size());
        if (Embeddings.switchedOff() || docs.stream().noneMatch(d -> EMBEDDED.contains(d.type()))) {
            docs.forEach(d -> out.add(d.node()));
            return out;
        }
        Map<String, float[]> cached = read();
        Map<String, float[]> used = new LinkedHashMap<>();
        Embeddings embeddings = null;
        boolean unavailable = false;
        // Each text and its hash once: null for the documents that get no vector.
        List<String> texts = docs.stream()
                .map(d -> EMBEDDED.contains(d.type()) ? text(d) : null)
                .toList();
        List<String> keys = texts.stream().map(t -> t == null ? null : key(t)).toList();
        progress.phase(
                "embedding",
                keys.stream().filter(k -> k != null && !cached.containsKey(k)).count());
        for (int i = 0; i < docs.size(); i++) {
            KnowledgeDoc doc = docs.get(i);
            String key = keys.get(i);
            if (key == null) {
                out.add(doc.node());
                continue;
            }
            String text = texts.get(i);
            float[] vector = used.containsKey(key) ? used.get(key) : cached.get(key);
            if (vector == null && !unavailable) {
                if (embeddings == null) {
                    embeddings = model.get();
                    unavailable = embeddings == null;
                }
                if (embeddings != null) {
                    try {
                        vector = embeddings.vector(text);
                    } catch (RuntimeException e) {
                        // The vector is an aid to duplicate detection: a document the model fails on
                        // is indexed without one (the finder then embeds it itself if it can).
                        LOG.warn("cannot embed {}: {}", doc.path(), e.toString());
                    }
                    progress.advance(1);
                }
            }
            if (vector == null) {
                out.add(doc.node());
                continue;
            }
            used.put(key, vector);
            Map<String, Object> props = new LinkedHashMap<>(doc.properties());
            props.put(Keys.EMBEDDING, Embeddings.values(vector));
            props.put(Keys.EMBEDDING_MODEL, Embeddings.MODEL);
            out.add(NodeRow.of(doc.type(), doc.id(), props));
        }
        if (!used.keySet().equals(cached.keySet())) {
            write(used);
        }
        return out;
    }

    /** The text a document is embedded as: what the duplicate finder reads from its node. */
    private static String text(KnowledgeDoc doc) {
        return Embeddings.text(doc.properties(), doc.id());
    }

    private static String key(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Embeddings.MODEL.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private Map<String, float[]> read() {
        Map<String, float[]> out = new HashMap<>();
        if (file == null || !Files.isRegularFile(file)) {
            return out;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (!MAGIC.equals(in.readUTF())) {
                return out;
            }
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                String key = in.readUTF();
                float[] v = new float[in.readUnsignedShort()];
                for (int j = 0; j < v.length; j++) {
                    v[j] = in.readFloat();
                }
                out.put(key, v);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("embedding cache {} unreadable, documents are embedded again: {}", file, e.toString());
            out.clear();
        }
        return out;
    }

    private void write(Map<String, float[]> vectors) {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            // One fixed name: a run killed while writing leaves one stray file, which the next run replaces.
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
                out.writeUTF(MAGIC);
                out.writeInt(vectors.size());
                for (Map.Entry<String, float[]> e : vectors.entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeShort(e.getValue().length);
                    for (float f : e.getValue()) {
                        out.writeFloat(f);
                    }
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // A cache that cannot be written costs time on the next run, never correctness.
            LOG.warn("cannot write the embedding cache {}: {}", file, e.getMessage());
        }
    }
}
