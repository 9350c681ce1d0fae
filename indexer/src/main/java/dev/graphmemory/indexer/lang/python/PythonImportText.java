package dev.graphmemory.indexer.lang.python;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an import statement from its text ({@code import a.b as c, d},
 * {@code from ..pkg import (x as y, z)}): the grammar of imports is small enough that the text,
 * with comments, line continuations and parentheses removed, says everything.
 */
final class PythonImportText {
    private static final Pattern FROM = Pattern.compile("^from\\s*(\\.*)\\s*([\\w.]*)\\s+import\\s+(.*)$");

    private PythonImportText() {}

    /** One imported name and the local name it binds. */
    record Name(String name, String alias) {}

    /** A parsed statement: module and level for {@code from} imports, and the names. */
    record Statement(boolean from, int level, String module, List<Name> names) {}

    static Statement parse(String text) {
        String t = PythonNames.COMMENT
                .matcher(text)
                .replaceAll(" ")
                .replace("\\\n", " ")
                .replace('(', ' ')
                .replace(')', ' ');
        t = PythonNames.WHITESPACE.matcher(t).replaceAll(" ").strip();
        if (t.endsWith(";")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        Matcher m = FROM.matcher(t);
        if (m.matches()) {
            return new Statement(true, m.group(1).length(), m.group(2), names(m.group(3)));
        }
        String rest = t.startsWith("import ") ? t.substring("import ".length()) : t;
        return new Statement(false, 0, "", names(rest));
    }

    private static List<Name> names(String list) {
        List<Name> out = new ArrayList<>();
        for (String part : list.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            String[] words = p.split("\\s+as\\s+");
            String name = words[0].replace(" ", "");
            out.add(new Name(name, words.length > 1 ? words[1].strip() : null));
        }
        return out;
    }
}
