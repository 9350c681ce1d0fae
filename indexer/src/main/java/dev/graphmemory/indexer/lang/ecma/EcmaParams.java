package dev.graphmemory.indexer.lang.ecma;

import dev.graphmemory.indexer.lang.CodeText;
import java.util.ArrayList;
import java.util.List;

/** Text helpers for TypeScript and JavaScript: parameter names and callees as written. */
final class EcmaParams {
    private EcmaParams() {}

    /** Parameter names without types, defaults and modifiers: {@code a, b, ...rest}, {@code {x,y}}. */
    static List<String> names(String paramsText) {
        String inner = paramsText.strip();
        if (inner.startsWith("(") && inner.endsWith(")")) {
            inner = inner.substring(1, inner.length() - 1);
        }
        List<String> out = new ArrayList<>();
        for (String p : CodeText.splitTopLevel(inner)) {
            String s = p.replaceAll("//[^\\n]*|/\\*.*?\\*/", "").strip();
            s = s.replaceFirst("^(public|private|protected|readonly|override)\\s+", "");
            s = s.replaceFirst("^(public|private|protected|readonly|override)\\s+", "");
            int cut = CodeText.indexTopLevel(s, ':');
            int eq = CodeText.indexTopLevel(s, '=');
            if (cut < 0 || (eq >= 0 && eq < cut)) {
                cut = eq;
            }
            String name =
                    (cut >= 0 ? s.substring(0, cut) : s).replaceAll("\\s+", "").replace("?", "");
            if (!name.isEmpty() && !name.equals("this")) {
                out.add(name);
            }
        }
        return out;
    }

    /** The callee as written, argument lists and type arguments emptied: {@code a.b().c}. */
    static String callee(String text) {
        String t = text.replaceAll("<[^<>()]*>", "");
        return CodeText.calleeText(t);
    }
}
