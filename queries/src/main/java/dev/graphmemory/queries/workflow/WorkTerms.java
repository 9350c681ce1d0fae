package dev.graphmemory.queries.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns work-item text into match terms: words split at punctuation and camelCase, lowercased,
 * stop words dropped, abbreviations expanded, Porter-stemmed and mapped through the synonym table
 * ({@link SoftwareVocabulary}). An identifier also yields itself whole, marked with a leading
 * {@code #} ({@code TokenCache#refresh} gives {@code token}, {@code cach}, {@code refresh},
 * {@code tokencach}, {@code #tokencache}, {@code #refresh}... ), so rare exact names weigh in.
 *
 * <p>Stateless and thread-safe.
 */
public final class WorkTerms {
    /** The prefix of whole-identifier terms. */
    public static final String IDENTIFIER_MARK = "#";

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:[._#$:/-][\\p{L}\\p{N}]+)*");
    private static final Pattern VERSION_V = Pattern.compile("[vV]\\d+(?:\\.\\d+)*");
    private static final Pattern SEPARATOR = Pattern.compile("[._#$:/-]");
    private static final Pattern CAMEL = Pattern.compile(
            "[\\p{Lu}\\p{N}]+(?=\\p{Lu}\\p{Ll})|[\\p{Lu}\\p{N}]?[\\p{Ll}\\p{N}]+|[\\p{Lu}\\p{N}]+|\\p{Lo}+");

    private WorkTerms() {}

    /** The terms of {@code text}, in order, with repeats. */
    public static List<String> of(String text) {
        return of(text, null);
    }

    /**
     * The terms of {@code text}; when {@code surfaces} is given, each new term is mapped to the first
     * word that produced it, for showing matches to people ({@code authent} → {@code auth}).
     */
    public static List<String> of(String text, Map<String, String> surfaces) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Matcher token = TOKEN.matcher(text);
        while (token.find()) {
            addToken(token.group(), out, surfaces);
        }
        return out;
    }

    private static void addToken(String token, List<String> out, Map<String, String> surfaces) {
        // A version written v2.0 or V3 is the same version as 2.0 or 3.
        String raw = VERSION_V.matcher(token).matches() ? token.substring(1) : token;
        String[] pieces = SEPARATOR.split(raw);
        int nonEmpty = 0;
        for (String piece : pieces) {
            if (piece.isEmpty()) {
                continue;
            }
            nonEmpty++;
            List<String> words = camelWords(piece);
            if (words.size() > 1) {
                String whole = piece.toLowerCase(Locale.ROOT);
                add(IDENTIFIER_MARK + whole, piece, out, surfaces);
                if (piece.chars().allMatch(Character::isLetter)) {
                    add(canonical(whole), piece, out, surfaces);
                }
            }
        }
        if (nonEmpty > 1) {
            add(IDENTIFIER_MARK + raw.toLowerCase(Locale.ROOT), raw, out, surfaces);
        }
        for (String piece : pieces) {
            for (String word : camelWords(piece)) {
                String w = word.toLowerCase(Locale.ROOT);
                if (w.length() >= 2 && !SoftwareVocabulary.STOP_WORDS.contains(w)) {
                    add(canonical(w), word, out, surfaces);
                }
            }
        }
    }

    private static List<String> camelWords(String piece) {
        List<String> words = new ArrayList<>();
        Matcher m = CAMEL.matcher(piece);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    /** A lowercase word's match term: abbreviation expanded, stemmed, synonym-mapped. */
    public static String canonical(String lowercaseWord) {
        String word = SoftwareVocabulary.ABBREVIATIONS.getOrDefault(lowercaseWord, lowercaseWord);
        String stem = PorterStemmer.stem(word);
        return SoftwareVocabulary.SYNONYM_STEMS.getOrDefault(stem, stem);
    }

    private static void add(String term, String surface, List<String> out, Map<String, String> surfaces) {
        out.add(term);
        if (surfaces != null) {
            surfaces.putIfAbsent(term, surface);
        }
    }
}
