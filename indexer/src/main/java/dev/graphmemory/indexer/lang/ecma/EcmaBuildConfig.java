package dev.graphmemory.indexer.lang.ecma;

import dev.graphmemory.indexer.lang.RepoPath;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The entry files a Vite configuration names literally: {@code build.rollupOptions.input} and
 * {@code build.lib.entry}, as a string, an array or an object of strings, each possibly wrapped in
 * {@code resolve(__dirname, ...)} or {@code new URL(..., import.meta.url)}. Read from the text, not
 * evaluated: a name computed at run time (a glob, a variable) is not seen.
 */
final class EcmaBuildConfig {
    private static final Pattern CONFIG = Pattern.compile("vite\\.config\\.[cm]?[jt]s");
    private static final Pattern KEY = Pattern.compile("(?<![\\w$.])[\"']?(input|entry)[\"']?\\s*:\\s*");
    private static final Pattern STRING = Pattern.compile("([\"'`])((?:(?!\\1)[^\\\\\\n]|\\\\.)*)\\1");

    private EcmaBuildConfig() {}

    static boolean isViteConfig(String path) {
        return CONFIG.matcher(RepoPath.fileName(path)).matches();
    }

    /** The string literals in the values of {@code input:} and {@code entry:} keys that look like files. */
    static List<String> inputs(String text) {
        List<String> out = new ArrayList<>();
        Matcher key = KEY.matcher(text);
        while (key.find()) {
            int end = dev.graphmemory.indexer.lang.CodeText.valueEnd(text, key.end(), ",;\n");
            Matcher s = STRING.matcher(text.substring(key.end(), end));
            while (s.find()) {
                String v = s.group(2);
                if (!v.contains("${") && (v.contains("/") || v.contains(".")) && !out.contains(v)) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    /**
     * The repository path an input names, relative to the configuration's folder ({@code /x} and
     * {@code x} alike, as Vite takes them from its root).
     */
    static String resolve(String configDir, String input) {
        String s = input.startsWith("/") ? "." + input : input;
        return RepoPath.resolve(configDir, s.startsWith("./") || s.startsWith("../") ? s : "./" + s);
    }
}
