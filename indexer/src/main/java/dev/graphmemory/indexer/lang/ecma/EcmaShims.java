package dev.graphmemory.indexer.lang.ecma;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites, in place and at the same length, the few forms of today's TypeScript and JSX that the
 * newest tree-sitter grammars (TypeScript 0.23.2, JavaScript 0.25.0) refuse, so one such statement
 * does not cost the file: TypeScript 5.0's {@code export type * as X from 'm'} (read as the
 * type-only {@code export type {X} from 'm'}, which loads the same module) and
 * {@code export type * from 'm'}, and JSX's {@code class="..."} attribute in JavaScript files (read
 * as another attribute name; attributes are not recorded). Offsets, lines and columns stay those of
 * the file.
 *
 * <p>{@link #afterErrors} holds the rewrites tried only on a file that parsed with errors, and kept
 * only when they leave fewer errors (see the plugin): forms TypeScript reads and tree-sitter
 * TypeScript 0.23.2 does not, where the rewrite could mislead on a file that parses anyway.
 */
final class EcmaShims {
    private static final Pattern TYPE_STAR_AS =
            Pattern.compile("\\bexport(\\s+)type(\\s+)\\*(\\s+)as(\\s+)([A-Za-z_$][\\w$]*)(\\s)");
    private static final Pattern TYPE_STAR = Pattern.compile("\\bexport(\\s+)type(\\s+)\\*(\\s)(\\s*)from\\b");
    private static final Pattern JSX_CLASS = Pattern.compile("(?<=\\s)class(?=\\s*=\\s*[\"'{])");

    /**
     * A call or construct signature that opens a line, {@code <T>(a: T): R} or {@code <\n T,\n>(}, in
     * an interface or type literal after a member with no {@code ;}. TypeScript ends the member at
     * the line break; tree-sitter reads {@code R\n<T>(...)} on as one type with type arguments.
     */
    private static final Pattern SIGNATURE_LINE =
            Pattern.compile("(?<=\\n[ \\t]{0,200})[ \\t]<(?=\\s*[A-Za-z_$][\\w$]*\\s*(?:extends\\b|[,=>]))");

    /**
     * {@code typeof import('m')} and {@code <import('m')>}: an import type, which tree-sitter refuses
     * inside the type arguments of a call with no arguments or a trailing comma. Read as an indexed
     * access type ({@code typeof impor_['m']}); import types are not recorded as imports either way.
     */
    private static final Pattern IMPORT_TYPE = Pattern.compile(
            "(?<=(?:\\btypeof\\s{1,20}|<\\s{0,20}))import(\\s*)\\((\\s*)('[^'\\n]*'|\"[^\"\\n]*\")(\\s*)\\)");

    private EcmaShims() {}

    /**
     * The rewrites for a TypeScript file that parsed with errors; the text itself when none applies.
     * Same length, lines and columns as {@code text}.
     */
    static String afterErrors(String text) {
        String out = text;
        if (out.contains("<")) {
            out = replace(out, SIGNATURE_LINE, m -> ";<");
        }
        if (out.contains("import")) {
            out = replace(
                    out, IMPORT_TYPE, m -> "impor_" + m.group(1) + "[" + m.group(2) + m.group(3) + m.group(4) + "]");
        }
        return out;
    }

    static String apply(String text, boolean javascript) {
        String out = text;
        if (out.contains("type *") || out.contains("type\t*")) {
            out = replace(
                    out,
                    TYPE_STAR_AS,
                    m -> "export" + m.group(1) + "type" + m.group(2) + "{"
                            + " ".repeat(m.group(3).length() + 2 + m.group(4).length()) + m.group(5) + "}");
            out = replace(
                    out, TYPE_STAR, m -> "export" + m.group(1) + "type" + m.group(2) + "{}" + m.group(4) + "from");
        }
        if (javascript && (out.contains("class=") || out.contains("class ="))) {
            out = replace(out, JSX_CLASS, m -> "klass");
        }
        return out;
    }

    private static String replace(String text, Pattern p, java.util.function.Function<Matcher, String> with) {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        int last = 0;
        do {
            String r = with.apply(m);
            if (r.length() != m.end() - m.start()) {
                throw new IllegalStateException("a shim must keep the length: " + m.group());
            }
            sb.append(text, last, m.start()).append(r);
            last = m.end();
        } while (m.find());
        return sb.append(text, last, text.length()).toString();
    }
}
