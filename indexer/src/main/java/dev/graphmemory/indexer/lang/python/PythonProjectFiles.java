package dev.graphmemory.indexer.lang.python;

import dev.graphmemory.indexer.lang.RepoPath;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the console scripts a Python project declares: {@code [project.scripts]} (and
 * {@code gui-scripts}, {@code [tool.poetry.scripts]}) in {@code pyproject.toml},
 * {@code console_scripts} in {@code setup.cfg} and in {@code setup.py}'s {@code entry_points}.
 * Line-based on purpose: these sections are flat {@code name = "module:function"} lists, and a
 * full TOML or INI parser would add a dependency for nothing else.
 */
final class PythonProjectFiles {
    private static final Pattern TOML_SECTION = Pattern.compile("^\\s*\\[([^\\]]+)]\\s*$");
    private static final Pattern TOML_ENTRY =
            Pattern.compile("^\\s*[\"']?([\\w.\\-]+)[\"']?\\s*=\\s*[\"']([\\w.]+)(?::([\\w.]+))?[\"']");
    private static final Pattern SPEC = Pattern.compile("([\\w.\\-]+)\\s*=\\s*([\\w.]+)\\s*(?::\\s*([\\w.]+))?");
    private static final Pattern SETUP_PY_SPEC =
            Pattern.compile("[\"']\\s*([\\w.\\-]+)\\s*=\\s*([\\w.]+)\\s*:\\s*([\\w.]+)[^\"']*[\"']");

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

    /** Entry specs of a {@code setup.py}: strings {@code "name = module:function"}. */
    static List<String> entrySpecs(String setupPy) {
        List<String> out = new ArrayList<>();
        int at = setupPy.indexOf("console_scripts");
        if (at < 0) {
            at = setupPy.indexOf("gui_scripts");
        }
        if (at < 0) {
            return out;
        }
        Matcher m = SETUP_PY_SPEC.matcher(setupPy);
        m.region(at, setupPy.length());
        while (m.find()) {
            out.add(m.group(1) + "=" + m.group(2) + ":" + m.group(3));
        }
        return out;
    }

    private static List<String> toml(String text) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String line : text.split("\n")) {
            Matcher section = TOML_SECTION.matcher(line);
            if (section.matches()) {
                String s = section.group(1).strip();
                in = s.equals("project.scripts") || s.equals("project.gui-scripts") || s.equals("tool.poetry.scripts");
                continue;
            }
            Matcher e = TOML_ENTRY.matcher(line);
            if (in && e.find()) {
                out.add(e.group(1) + "=" + e.group(2) + ":" + (e.group(3) == null ? "" : e.group(3)));
            }
        }
        return out;
    }

    private static List<String> cfg(String text) {
        List<String> out = new ArrayList<>();
        boolean section = false;
        boolean key = false;
        for (String line : text.split("\n")) {
            String stripped = line.strip();
            if (stripped.startsWith("[")) {
                section = stripped.equals("[options.entry_points]");
                key = false;
                continue;
            }
            if (!section || stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith(";")) {
                continue;
            }
            boolean indented = Character.isWhitespace(line.charAt(0));
            if (!indented) {
                String k = stripped.split("=", 2)[0].strip();
                key = k.equals("console_scripts") || k.equals("gui_scripts");
                String rest = stripped.contains("=") ? stripped.split("=", 2)[1].strip() : "";
                if (key && !rest.isEmpty()) {
                    addSpec(rest, out);
                }
            } else if (key) {
                addSpec(stripped, out);
            }
        }
        return out;
    }

    private static void addSpec(String s, List<String> out) {
        Matcher m = SPEC.matcher(s);
        if (m.find()) {
            out.add(m.group(1) + "=" + m.group(2) + ":" + (m.group(3) == null ? "" : m.group(3)));
        }
    }
}
