import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Counts the tokens of the answers bench/answer-tokens.mjs wrote, with jtokkit's o200k_base and
 * cl100k_base (the encodings of OpenAI's current and previous models; Claude's tokenizer is not
 * public, and these two bracket it closely enough to compare two renderings). Prints a markdown
 * table: per case the rows, the text content's characters, tokens and tokens per row, and the
 * structuredContent JSON's tokens and tokens per row.
 *   java -cp jtokkit.jar bench/AnswerTokens.java OUT_DIR
 */
public class AnswerTokens {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        var registry = Encodings.newDefaultEncodingRegistry();
        Encoding o200k = registry.getEncoding(EncodingType.O200K_BASE);
        Encoding cl100k = registry.getEncoding(EncodingType.CL100K_BASE);
        System.out.println("| case | rows | text chars (per row) | text tokens o200k (per row) | text tokens cl100k |"
                + " JSON tokens o200k (per row) |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        long allRows = 0, allChars = 0, allText = 0, allJson = 0;
        // Module, class and function rows of graph_find / graph_neighbors: issue 17's target (all but
        // the commit rows and graph_query's free-form rows).
        long codeRows = 0, codeChars = 0, codeText = 0;
        for (String line : Files.readAllLines(out.resolve("cases.tsv"))) {
            List<String> cols = List.of(line.split("\t"));
            int rows = Integer.parseInt(cols.get(1));
            String text = Files.readString(out.resolve(cols.get(0) + ".text"));
            String json = Files.readString(out.resolve(cols.get(0) + ".json"));
            int t = o200k.countTokens(text);
            int j = o200k.countTokens(json);
            int per = Math.max(rows, 1);
            System.out.printf("| %s | %d | %d (%d) | %d (%.1f) | %d | %d (%.1f) |%n", cols.get(2), rows, text.length(),
                    text.length() / per, t, (double) t / per, cl100k.countTokens(text), j, (double) j / per);
            if (rows > 0 && !cols.get(2).startsWith("commits") && !cols.get(2).contains("graph_query")) {
                codeRows += rows;
                codeChars += text.length();
                codeText += t;
            }
            if (rows > 0) {
                allRows += rows;
                allChars += text.length();
                allText += t;
                allJson += j;
            }
        }
        System.out.printf("| all cases with rows | %d | %d (%.0f) | %d (%.1f) | | %d (%.1f) |%n", allRows, allChars,
                (double) allChars / allRows, allText, (double) allText / allRows, allJson, (double) allJson / allRows);
        System.out.printf("| module, class and function rows of graph_find / graph_neighbors | %d | %d (%.1f) | %d (%.1f) | | |%n",
                codeRows, codeChars, (double) codeChars / codeRows, codeText, (double) codeText / codeRows);
    }
}
