package dev.graphmemory.indexer.lang.ecma;

import dev.graphmemory.indexer.lang.RepoPath;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Single-file components ({@code .vue}, {@code .svelte}, {@code .astro}): the code in them is
 * their {@code <script>} blocks (Vue's {@code <script>} and {@code <script setup>}, Svelte's
 * instance and module scripts, Astro's client scripts) and, in Astro, the frontmatter between the
 * leading {@code ---} fences. {@link #code} keeps that code in place and blanks everything else
 * (newlines kept), so the result parses as one TypeScript file whose lines and columns are the
 * component's own. Template expressions are not read: a module used only inside a template
 * expression, not imported by a script, is not seen.
 */
final class EcmaComponents {
    static final java.util.Set<String> EXTENSIONS = java.util.Set.of(".vue", ".svelte", ".astro");

    private static final Pattern SCRIPT = Pattern.compile(
            "<script\\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>(.*?)</script\\s*>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern LANG = Pattern.compile("\\blang\\s*=\\s*[\"']?(\\w+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SRC = Pattern.compile("\\bsrc\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern FRONTMATTER =
            Pattern.compile("\\A\\s*---[ \\t]*\\r?\\n(.*?)\\r?\\n---", Pattern.DOTALL);

    /** The component's code in place, and whether any block asked for JSX ({@code lang="tsx"/"jsx"}). */
    record Code(String text, boolean jsx) {}

    private EcmaComponents() {}

    static boolean isComponent(String path) {
        return EXTENSIONS.contains(RepoPath.extension(path));
    }

    static Code code(String path, String text) {
        char[] out = new char[text.length()];
        for (int i = 0; i < out.length; i++) {
            char c = text.charAt(i);
            out[i] = c == '\n' || c == '\r' ? c : ' ';
        }
        boolean jsx = false;
        if (RepoPath.extension(path).equals(".astro")) {
            Matcher fm = FRONTMATTER.matcher(text);
            if (fm.find()) {
                text.getChars(fm.start(1), fm.end(1), out, fm.start(1));
            }
        }
        Matcher m = SCRIPT.matcher(text);
        while (m.find()) {
            String attributes = m.group(1);
            if (SRC.matcher(attributes).find()
                    || attributes.toLowerCase(Locale.ROOT).contains("is:inline")) {
                continue;
            }
            Matcher lang = LANG.matcher(attributes);
            if (lang.find()) {
                String l = lang.group(1).toLowerCase(Locale.ROOT);
                if (!l.equals("ts")
                        && !l.equals("js")
                        && !l.equals("tsx")
                        && !l.equals("jsx")
                        && !l.equals("typescript")
                        && !l.equals("javascript")) {
                    continue; // CoffeeScript and the like: not ours to read
                }
                jsx |= l.endsWith("x");
            }
            text.getChars(m.start(2), m.end(2), out, m.start(2));
        }
        return new Code(new String(out), jsx);
    }
}
