package dev.graphmemory.indexer.lang.python;

import dev.graphmemory.indexer.lang.RepoPath;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the entry points a Python project declares: console scripts ({@code [project.scripts]},
 * {@code gui-scripts}, {@code [tool.poetry.scripts]} in {@code pyproject.toml},
 * {@code console_scripts} in {@code setup.cfg} and in {@code setup.py}'s {@code entry_points}) as
 * {@code name=module:function}, and plugin entry points of any other group
 * ({@code [project.entry-points."pytest11"]}, {@code [tool.poetry.plugins."x"]}, other keys of
 * setup.cfg's {@code [options.entry_points]} and of setup.py's {@code entry_points}), which a host
 * loads by name, as {@code group/name=module:attr}.
 * Line-based on purpose: these sections are flat {@code name = "module:function"} lists, and a
 * full TOML or INI parser would add a dependency for nothing else.
 */
final class PythonProjectFiles {
    private static final Pattern TOML_SECTION = Pattern.compile("^\\s*\\[([^\\]]+)]\\s*$");
    private static final Pattern TOML_ENTRY =
            Pattern.compile("^\\s*[\"']?([\\w.\\-]+)[\"']?\\s*=\\s*[\"']([\\w.]+)(?::([\\w.]+))?[\"']");
    private static final Pattern SPEC = Pattern.compile("([\\w.\\-]+)\\s*=\\s*([\\w.]+)\\s*(?::\\s*([\\w.]+))?");
    private static final Pattern SETUP_PY_SPEC =
            Pattern.compile("[\"']\\s*([\\w.\\-]+)\\s*=\\s*([\\w.]+)\\s*(?::\\s*([\\w.]+))?[^\"']*[\"']");
    private static final Pattern SETUP_PY_GROUP =
            Pattern.compile("(?:[\"']([\\w.\\-]+)[\"']\\s*:|\\b(\\w+)\\s*=)\\s*[\\[(]");
    private static final Pattern ENTRY_POINTS_DICT = Pattern.compile("\\bentry_points\\s*=\\s*(?:\\{|dict\\()");
    private static final List<String> SCRIPT_GROUPS = List.of("console_scripts", "gui_scripts");

    private PythonProjectFiles() {}

    /** Whether the linker reads this file. */
    static boolean wanted(String path) {
        String name = RepoPath.fileName(path);
        return name.equals("pyproject.toml") || name.equals("setup.cfg");
    }

    /** Entry specs {@code name=module:function} of a {@code pyproject.toml} or {@code setup.cfg}. */
    static List<String> entrySpecs(String path, String text) {
        return path.endsWith(".toml") ? toml(text) : cfg(text);
    }

    /**
     * Entry specs of a {@code setup.py}: the strings {@code "name = module:function"} of the lists
     * of an {@code entry_points} dict written in place ({@code entry_points={"pytest11": [...]}},
     * {@code dict(...)}); elsewhere only the lists of {@code console_scripts} and {@code gui_scripts}
     * (an {@code entry_points=ENTRY} whose dict is built apart).
     */
    static List<String> entrySpecs(String setupPy) {
        List<String> out = new ArrayList<>();
        Matcher dict = ENTRY_POINTS_DICT.matcher(setupPy);
        boolean inPlace = dict.find();
        int from = inPlace ? dict.end() : Math.max(-1, firstScriptGroup(setupPy) - 1);
        if (from < 0 && !inPlace) {
            return out;
        }
        int to = inPlace ? closing(setupPy, from) : setupPy.length();
        Matcher group = SETUP_PY_GROUP.matcher(setupPy);
        group.region(from, to);
        while (group.find()) {
            String name = group.group(1) != null ? group.group(1) : group.group(2);
            int close = Math.min(closing(setupPy, group.end()), to);
            if (inPlace || SCRIPT_GROUPS.contains(name)) {
                Matcher m = SETUP_PY_SPEC.matcher(setupPy);
                m.region(group.end(), close);
                while (m.find()) {
                    if (!SCRIPT_GROUPS.contains(name)) {
                        out.add(name + "/" + m.group(1) + "=" + m.group(2) + ":"
                                + (m.group(3) == null ? "" : m.group(3)));
                    } else if (m.group(3) != null) {
                        out.add(m.group(1) + "=" + m.group(2) + ":" + m.group(3));
                    }
                }
            }
            group.region(close, to);
        }
        return out;
    }

    private static int firstScriptGroup(String text) {
        int console = text.indexOf("console_scripts");
        int gui = text.indexOf("gui_scripts");
        return console < 0 ? gui : gui < 0 ? console : Math.min(console, gui);
    }

    /** The index of the bracket closing the one that opens just before {@code from}. */
    private static int closing(String text, int from) {
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[' || c == '(' || c == '{') {
                depth++;
            } else if ((c == ']' || c == ')' || c == '}') && --depth == 0) {
                return i;
            }
        }
        return text.length();
    }

    private static List<String> toml(String text) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        String group = "";
        for (String line : text.split("\n")) {
            Matcher section = TOML_SECTION.matcher(line);
            if (section.matches()) {
                String s = section.group(1).strip();
                in = s.equals("project.scripts") || s.equals("project.gui-scripts") || s.equals("tool.poetry.scripts");
                group = "";
                for (String prefix : List.of("project.entry-points.", "tool.poetry.plugins.")) {
                    if (s.startsWith(prefix)) {
                        group = s.substring(prefix.length()).replaceAll("^[\"']|[\"']$", "");
                        in = !group.isEmpty();
                    }
                }
                continue;
            }
            Matcher e = TOML_ENTRY.matcher(line);
            if (in && e.find()) {
                out.add((group.isEmpty() ? "" : group + "/") + e.group(1) + "=" + e.group(2) + ":"
                        + (e.group(3) == null ? "" : e.group(3)));
            }
        }
        return out;
    }

    private static List<String> cfg(String text) {
        List<String> out = new ArrayList<>();
        boolean section = false;
        String key = null;
        for (String line : text.split("\n")) {
            String stripped = line.strip();
            if (stripped.startsWith("[")) {
                section = stripped.equals("[options.entry_points]");
                key = null;
                continue;
            }
            if (!section || stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith(";")) {
                continue;
            }
            boolean indented = Character.isWhitespace(line.charAt(0));
            if (!indented) {
                key = stripped.split("=", 2)[0].strip();
                String rest = stripped.contains("=") ? stripped.split("=", 2)[1].strip() : "";
                if (!rest.isEmpty()) {
                    addSpec(group(key), rest, out);
                }
            } else if (key != null) {
                addSpec(group(key), stripped, out);
            }
        }
        return out;
    }

    /** The prefix of a spec of this group: none for console scripts, {@code group/} for plugins. */
    private static String group(String key) {
        return SCRIPT_GROUPS.contains(key) ? "" : key + "/";
    }

    private static void addSpec(String prefix, String s, List<String> out) {
        Matcher m = SPEC.matcher(s);
        if (m.find()) {
            out.add(prefix + m.group(1) + "=" + m.group(2) + ":" + (m.group(3) == null ? "" : m.group(3)));
        }
    }
}
