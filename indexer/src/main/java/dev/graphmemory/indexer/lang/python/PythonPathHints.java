package dev.graphmemory.indexer.lang.python;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of one Python file that may hold or build a file path, read from its text alone: the
 * cheap test that decides whether a call's arguments are worth evaluating as paths.
 *
 * <p>Design notes: evaluating a call's arguments builds the scopes of its function, class and
 * module from the syntax tree, and each step crosses into the tree-sitter binding; on mypy that
 * work ran for most calls (any argument naming a function of the module let it through) and took
 * about 14 % of a first index's CPU. A function now lets a call through only when it may build a
 * path: its text mentions something path-like, a module constant assigned from something
 * path-like, or another such function (to any depth: the evaluator itself stops at
 * {@link PythonPathEvaluator#MAX_HELPERS}). Functions are found by their {@code def} lines and
 * bodies by indentation, nested ones and methods included, so {@code self._script()} counts too.
 * Local variables do not carry a function's flag to others: a name like {@code path} is assigned
 * in many functions, and letting it through would flag half of a large module.
 */
final class PythonPathHints {
    private static final Pattern PATHISH =
            Pattern.compile("__file__|\\.(py|pyw|sh|js|mjs|cjs|ts)\\b|Path\\(|os\\.path");
    private static final Pattern ASSIGNMENT =
            Pattern.compile("(?m)^([ \\t]*)(?:self\\.)?([A-Za-z_][A-Za-z_0-9]*)[ \\t]*(?::[^=\\n]*)?=(?!=)(.*)$");
    private static final Pattern DEF = Pattern.compile("^([ \\t]*)(?:async[ \\t]+)?def[ \\t]+([A-Za-z_][A-Za-z_0-9]*)");
    private static final Pattern DEF_LINE = Pattern.compile("(?m)" + DEF.pattern());
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z_0-9]*");

    /** Names assigned anywhere in the file from something path-like (the old, and still first, test). */
    private final Set<String> assigned = new HashSet<>();
    /** Functions (any nesting) that may build a path; found when an argument first names a candidate. */
    private final Set<String> functions = new HashSet<>();
    /** Module-level names assigned from something path-like. */
    private final Set<String> constants = new HashSet<>();
    /** Module-level assignments from anything else: name, right-hand side. */
    private final List<String[]> moduleAssignments = new ArrayList<>();
    /** Names that {@link #resolve} may add: every {@code def} and every other module-level assignment. */
    private final Set<String> candidates = new HashSet<>();

    private final String text;
    private boolean resolved;

    private PythonPathHints(String text) {
        this.text = text;
    }

    static PythonPathHints of(String text) {
        PythonPathHints hints = new PythonPathHints(text);
        Matcher a = ASSIGNMENT.matcher(text);
        while (a.find()) {
            if (a.group(3).stripTrailing().endsWith(",")) {
                continue; // a keyword argument on a line of its own (help="... .py files",)
            }
            boolean pathish = PATHISH.matcher(a.group(3)).find();
            if (pathish) {
                hints.assigned.add(a.group(2));
            }
            if (a.group(1).isEmpty()) {
                if (pathish) {
                    hints.constants.add(a.group(2));
                } else {
                    hints.moduleAssignments.add(new String[] {a.group(2), a.group(3)});
                    hints.candidates.add(a.group(2));
                }
            }
        }
        Matcher d = DEF_LINE.matcher(text);
        while (d.find()) {
            hints.candidates.add(d.group(2));
        }
        return hints;
    }

    /**
     * Whether a call's argument text mentions anything path-like, a name assigned from something
     * path-like, or a function that may build a path.
     */
    boolean mayCarryPath(String args) {
        if (PATHISH.matcher(args).find()) {
            return true;
        }
        Matcher m = IDENTIFIER.matcher(args);
        while (m.find()) {
            String id = m.group();
            if (assigned.contains(id)) {
                return true;
            }
            if (candidates.contains(id)) {
                resolve();
                if (functions.contains(id) || assigned.contains(id)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Finds the functions that may build a path: seeds, then the flag spreads through mentions. */
    private void resolve() {
        if (resolved) {
            return;
        }
        resolved = true;
        List<Def> open = new ArrayList<>();
        for (Def d : defs(text)) {
            if (PATHISH.matcher(d.body).find() || d.mentions(constants)) {
                functions.add(d.name);
            } else {
                open.add(d);
            }
        }
        boolean changed = !functions.isEmpty();
        while (changed) {
            changed = false;
            for (int i = open.size() - 1; i >= 0; i--) {
                Def d = open.get(i);
                if (d.mentions(functions) || d.mentions(constants)) {
                    functions.add(d.name);
                    open.remove(i);
                    changed = true;
                }
            }
            // A module constant assigned from such a function's result (SCRIPT = _script()).
            for (int i = moduleAssignments.size() - 1; i >= 0; i--) {
                String[] m = moduleAssignments.get(i);
                if (mentionsAny(m[1], functions)) {
                    constants.add(m[0]);
                    assigned.add(m[0]);
                    moduleAssignments.remove(i);
                    changed = true;
                }
            }
        }
    }

    /** Whether the function of this name (in any scope) may build a path. */
    boolean pathFunction(String name) {
        resolve();
        return functions.contains(name);
    }

    private record Def(String name, String body, Set<String> identifiers) {
        boolean mentions(Set<String> names) {
            if (names.isEmpty()) {
                return false;
            }
            for (String id : identifiers) {
                if (!id.equals(name) && names.contains(id)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static boolean mentionsAny(String text, Set<String> names) {
        Matcher m = IDENTIFIER.matcher(text);
        while (m.find()) {
            if (names.contains(m.group())) {
                return true;
            }
        }
        return false;
    }

    /** Every {@code def} with its body: the lines after it indented deeper (blank lines kept). */
    private static List<Def> defs(String text) {
        List<Def> out = new ArrayList<>();
        if (!text.contains("def ")) {
            return out;
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher d = DEF.matcher(lines[i]);
            if (!d.find()) {
                continue;
            }
            int indent = d.group(1).length();
            StringBuilder body = new StringBuilder(lines[i]).append('\n');
            int j = i + 1;
            // A signature over several lines goes on while its brackets are open.
            int depth = brackets(lines[i]);
            while (depth > 0 && j < lines.length && j - i < 50) {
                depth += brackets(lines[j]);
                body.append(lines[j++]).append('\n');
            }
            for (; j < lines.length; j++) {
                String line = lines[j];
                if (!line.isBlank()
                        && indentOf(line) <= indent
                        && !line.stripLeading().startsWith("#")) {
                    break;
                }
                body.append(line).append('\n');
            }
            String b = body.toString();
            Set<String> ids = new HashSet<>();
            Matcher m = IDENTIFIER.matcher(b);
            while (m.find()) {
                ids.add(m.group());
            }
            out.add(new Def(d.group(2), b, ids));
        }
        return out;
    }

    private static int brackets(String line) {
        int depth = 0;
        for (int k = 0; k < line.length(); k++) {
            char c = line.charAt(k);
            if (c == '#') {
                break;
            }
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            }
        }
        return depth;
    }

    private static int indentOf(String line) {
        int n = 0;
        while (n < line.length() && (line.charAt(n) == ' ' || line.charAt(n) == '\t')) {
            n++;
        }
        return n;
    }
}
