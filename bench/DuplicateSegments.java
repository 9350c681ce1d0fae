import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The sentence vectors behind bench/duplicates-probe.py's alignment features (nineteenth session): each
 * report of a duplicates set cut into its title and up to twelve body sentences (three words or more,
 * 300 characters at most), each embedded with the model `duplicates` ships (all-MiniLM-L6-v2, quantized).
 * Writes one line a sentence: folder initial|report id|sentence number TAB the vector, comma-separated;
 * sentence 0 is the title. Run with the queries module's class path:
 * {@code java -cp CP bench/DuplicateSegments.java SET_DIR OUT_TSV}.
 */
public class DuplicateSegments {
    private static final Pattern TITLE = Pattern.compile("^title: \"?(.*?)\"?$", Pattern.MULTILINE);
    private static final Pattern SPLIT = Pattern.compile("(?U)(?<=[.!?])\\s+|\\n\\s*\\n");
    private static final Pattern WORD = Pattern.compile("[A-Za-z]{2,}");

    public static void main(String[] args) throws IOException {
        var model = new AllMiniLmL6V2QuantizedEmbeddingModel();
        List<String> out = new ArrayList<>();
        for (String folder : List.of("existing", "proposed")) {
            List<Path> files;
            try (Stream<Path> s = Files.list(Path.of(args[0], folder))) {
                files = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
            }
            for (Path f : files) {
                String id = f.getFileName().toString().replaceAll("\\.md$", "");
                List<String> segments = segments(Files.readString(f));
                for (int n = 0; n < segments.size(); n++) {
                    float[] v = model.embed(segments.get(n)).content().vector();
                    StringBuilder line = new StringBuilder(folder.charAt(0) + "|" + id + "|" + n + "\t");
                    for (int i = 0; i < v.length; i++) {
                        line.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.5f", v[i]));
                    }
                    out.add(line.toString());
                }
            }
        }
        Files.write(Path.of(args[1]), out);
    }

    static List<String> segments(String text) {
        Matcher m = TITLE.matcher(text);
        List<String> out = new ArrayList<>();
        out.add(m.find() ? m.group(1) : "");
        String[] parts = text.split("\n---\n", 2);
        String body = parts.length > 1 ? parts[1].replaceFirst("^# .*\n", "") : "";
        for (String s : SPLIT.split(body)) {
            s = String.join(" ", s.strip().split("(?U)\\s+"));
            if (WORD.matcher(s).results().count() >= 3) {
                out.add(s.length() > 300 ? s.substring(0, 300) : s);
            }
            if (out.size() >= 13) {
                break;
            }
        }
        return out;
    }
}
