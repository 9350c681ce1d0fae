package dev.graphmemory.indexer.lang.ecma;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the bindings of an {@code import} statement from its text: {@code import d, {a as b} from
 * 'x'}, {@code import * as ns from 'x'}, {@code import type {T} from 'x'}.
 */
final class EcmaImportText {
    private static final Pattern SOURCE =
            Pattern.compile("['\"]([^'\"]+)['\"]\\s*(?:with\\s*\\{[^}]*\\}|assert\\s*\\{[^}]*\\})?\\s*;?\\s*$");
    private static final Pattern NAMESPACE = Pattern.compile("\\*\\s*as\\s+([\\w$]+)");
    private static final Pattern NAMED = Pattern.compile("\\{([^}]*)\\}");
    private static final Pattern DEFAULT = Pattern.compile("^import\\s+(?:type\\s+)?([\\w$]+)\\s*(?:,|from\\b)");

    private EcmaImportText() {}

    /** The specifier of an import or export statement, or {@code null}. */
    static String source(String text) {
        Matcher m = SOURCE.matcher(text.strip());
        return m.find() ? m.group(1) : null;
    }

    /** Whether the statement imports types only. */
    static boolean typeOnly(String text) {
        return text.strip().matches("(?s)^(import|export)\\s+type\\b.*");
    }

    /** Adds the local names the statement binds to {@code bindings}. */
    static void bind(String text, String spec, Map<String, String> bindings) {
        String t = text.replaceAll("//[^\\n]*|/\\*.*?\\*/", " ")
                .replaceAll("\\s+", " ")
                .strip();
        int from = t.lastIndexOf(" from ");
        String clause = from < 0 ? "" : t.substring(0, from);
        Matcher d = DEFAULT.matcher(t);
        if (d.find() && !d.group(1).equals("type")) {
            bindings.put(d.group(1), spec + ":default");
        }
        Matcher ns = NAMESPACE.matcher(clause);
        if (ns.find()) {
            bindings.put(ns.group(1), spec);
        }
        Matcher named = NAMED.matcher(clause);
        if (named.find()) {
            names(named.group(1), spec, bindings);
        }
    }

    /** Binds {@code a, b as c} (also {@code {a, b: c}} of a destructured require) to {@code spec}. */
    static void names(String list, String spec, Map<String, String> bindings) {
        for (String part : list.split(",")) {
            String p = part.strip().replaceFirst("^type\\s+", "");
            if (p.isEmpty()) {
                continue;
            }
            String[] w = p.split("\\s+as\\s+|\\s*:\\s*");
            String name = w[0].strip();
            String local = (w.length > 1 ? w[1] : w[0]).strip().replaceAll("\\s*=.*$", "");
            if (local.matches("[\\w$]+")) {
                bindings.put(local, spec + ":" + name);
            }
        }
    }
}
