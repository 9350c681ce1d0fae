import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Embedding-only duplicate ranking for comparison with graph-memory's lexical method: all-MiniLM-L6-v2
 * (the in-process ONNX model shipped in LangChain4j's Maven Central artifact) over title + objective,
 * cosine, top 5 per proposal. Usage: EmbeddingProbe DUPWORK_DIR OUT_TSV
 */
public class EmbeddingProbe {
    private static final Pattern FIELD = Pattern.compile("^(id|title|objective): \"(.*)\"$", Pattern.MULTILINE);

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        var model = new AllMiniLmL6V2EmbeddingModel();
        Map<String, float[]> existing = embed(model, dir.resolve("existing"));
        Map<String, float[]> proposed = embed(model, dir.resolve("proposed"));
        List<String> out = new ArrayList<>();
        proposed.forEach((q, v) -> existing.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), dot(v, e.getValue())))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(5)
                .forEach(e -> out.add(q + "\t" + e.getKey() + "\t" + String.format("%.4f", e.getValue()))));
        Files.write(Path.of(args[1]), out);
    }

    private static Map<String, float[]> embed(AllMiniLmL6V2EmbeddingModel model, Path folder) throws IOException {
        Map<String, float[]> vectors = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                Map<String, String> fields = new LinkedHashMap<>();
                Matcher m = FIELD.matcher(Files.readString(f).split("\n---\n", 2)[0]);
                while (m.find()) {
                    fields.put(m.group(1), m.group(2).replace("\\\"", "\""));
                }
                float[] v = model.embed(fields.get("title") + ". " + fields.getOrDefault("objective", ""))
                        .content()
                        .vector();
                vectors.put(fields.get("id"), v);
            }
        }
        return vectors;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return s / Math.sqrt(na * nb);
    }
}
