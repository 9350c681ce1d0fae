package dev.graphmemory.queries.workflow;

/**
 * The Porter (1980) suffix-stripping stemmer for lowercase English words: {@code handling} and
 * {@code handle} both become {@code handl}, {@code authentication} becomes {@code authent}.
 *
 * <p>Follows M. F. Porter, "An algorithm for suffix stripping", Program 14(3), 1980
 * (https://tartarus.org/martin/PorterStemmer/def.txt), steps 1a to 5b. Stateless and thread-safe.
 */
public final class PorterStemmer {
    private static final String[][] STEP2 = {
        {"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"}, {"anci", "ance"}, {"izer", "ize"},
        {"abli", "able"}, {"alli", "al"}, {"entli", "ent"}, {"eli", "e"}, {"ousli", "ous"},
        {"ization", "ize"}, {"ation", "ate"}, {"ator", "ate"}, {"alism", "al"}, {"iveness", "ive"},
        {"fulness", "ful"}, {"ousness", "ous"}, {"aliti", "al"}, {"iviti", "ive"}, {"biliti", "ble"}
    };
    private static final String[][] STEP3 = {
        {"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"}, {"ical", "ic"}, {"ful", ""}, {"ness", ""}
    };
    private static final String[] STEP4 = {
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate",
        "iti", "ous", "ive", "ize"
    };

    private PorterStemmer() {}

    /** The stem of a lowercase word; words of one or two letters are returned as they are. */
    public static String stem(String word) {
        if (word.length() <= 2) {
            return word;
        }
        String w = step1a(word);
        w = step1b(w);
        if (w.endsWith("y") && hasVowel(w, w.length() - 1)) {
            w = w.substring(0, w.length() - 1) + "i";
        }
        w = replaceFirstMatch(w, STEP2);
        w = replaceFirstMatch(w, STEP3);
        w = step4(w);
        return step5(w);
    }

    private static String step1a(String w) {
        if (w.endsWith("sses") || w.endsWith("ies")) {
            return w.substring(0, w.length() - 2);
        }
        if (w.endsWith("s") && !w.endsWith("ss")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    private static String step1b(String w) {
        if (w.endsWith("eed")) {
            return measure(w, w.length() - 3) > 0 ? w.substring(0, w.length() - 1) : w;
        }
        String stem;
        if (w.endsWith("ed") && hasVowel(w, w.length() - 2)) {
            stem = w.substring(0, w.length() - 2);
        } else if (w.endsWith("ing") && hasVowel(w, w.length() - 3)) {
            stem = w.substring(0, w.length() - 3);
        } else {
            return w;
        }
        if (stem.endsWith("at") || stem.endsWith("bl") || stem.endsWith("iz")) {
            return stem + "e";
        }
        int n = stem.length();
        if (doubleConsonant(stem, n) && "lsz".indexOf(stem.charAt(n - 1)) < 0) {
            return stem.substring(0, n - 1);
        }
        return measure(stem, n) == 1 && cvc(stem, n) ? stem + "e" : stem;
    }

    private static String replaceFirstMatch(String w, String[][] rules) {
        for (String[] rule : rules) {
            if (w.endsWith(rule[0])) {
                int end = w.length() - rule[0].length();
                return measure(w, end) > 0 ? w.substring(0, end) + rule[1] : w;
            }
        }
        return w;
    }

    private static String step4(String w) {
        for (String suffix : STEP4) {
            if (w.endsWith(suffix)) {
                int end = w.length() - suffix.length();
                if (measure(w, end) <= 1) {
                    return w;
                }
                if (suffix.equals("ion")) {
                    return end > 0 && (w.charAt(end - 1) == 's' || w.charAt(end - 1) == 't') ? w.substring(0, end) : w;
                }
                return w.substring(0, end);
            }
        }
        return w;
    }

    private static String step5(String w) {
        if (w.endsWith("e")) {
            int end = w.length() - 1;
            int m = measure(w, end);
            if (m > 1 || (m == 1 && !cvc(w, end))) {
                w = w.substring(0, end);
            }
        }
        int n = w.length();
        if (measure(w, n) > 1 && doubleConsonant(w, n) && w.charAt(n - 1) == 'l') {
            w = w.substring(0, n - 1);
        }
        return w;
    }

    /** Whether {@code w.charAt(i)} is a consonant in Porter's sense ({@code y} after a consonant is a vowel). */
    private static boolean consonant(String w, int i) {
        char c = w.charAt(i);
        if ("aeiou".indexOf(c) >= 0) {
            return false;
        }
        return c != 'y' || i == 0 || !consonant(w, i - 1);
    }

    /** Porter's m: the number of vowel-consonant sequences in {@code w[0, end)}. */
    private static int measure(String w, int end) {
        int i = 0;
        while (i < end && consonant(w, i)) {
            i++;
        }
        int m = 0;
        while (i < end) {
            while (i < end && !consonant(w, i)) {
                i++;
            }
            if (i >= end) {
                break;
            }
            m++;
            while (i < end && consonant(w, i)) {
                i++;
            }
        }
        return m;
    }

    private static boolean hasVowel(String w, int end) {
        for (int i = 0; i < end; i++) {
            if (!consonant(w, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean doubleConsonant(String w, int end) {
        return end >= 2 && w.charAt(end - 1) == w.charAt(end - 2) && consonant(w, end - 1);
    }

    /** Consonant-vowel-consonant ending {@code w[0, end)}, the last not w, x or y. */
    private static boolean cvc(String w, int end) {
        return end >= 3
                && consonant(w, end - 3)
                && !consonant(w, end - 2)
                && consonant(w, end - 1)
                && "wxy".indexOf(w.charAt(end - 1)) < 0;
    }
}
