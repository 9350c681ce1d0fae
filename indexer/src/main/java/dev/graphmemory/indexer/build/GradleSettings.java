package dev.graphmemory.indexer.build;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the build reader takes from a {@code settings.gradle} or {@code settings.gradle.kts}: the
 * projects it includes with string literals ({@code include 'a', ':b:c'}, {@code include("a", "b")},
 * lists over several lines, repeated calls), the folders it moves projects to ({@code
 * project(':x').projectDir = file('path')}, {@code new File(rootDir, 'path')}) and {@code
 * rootProject.name}. Anything computed (an include in a loop, an interpolated name) is left out with a
 * warning, never guessed.
 *
 * @param includes absolute project paths ({@code :b:c}) in the order included, each once
 * @param projectDirs moved projects' folders, repository-relative
 */
record GradleSettings(String rootName, List<String> includes, Map<String, String> projectDirs) {
    private static final Pattern INCLUDE = Pattern.compile("(?<![\\w$])include(?![\\w$])");
    private static final Pattern ROOT_NAME = Pattern.compile("rootProject\\s*\\.\\s*name\\s*=\\s*" + ScriptText.STRING);
    private static final Pattern PROJECT_DIR = Pattern.compile("(?<![\\w$.])(?:project|findProject)\\s*\\(\\s*"
            + ScriptText.STRING + "\\s*\\)\\s*[?!]*\\s*\\.\\s*projectDir\\s*=\\s*"
            + "(?:file\\s*\\(\\s*" + ScriptText.STRING + "\\s*\\)"
            + "|(?:new\\s+)?(?:java\\.io\\.)?File\\s*\\(\\s*(?:(?:rootDir|settingsDir|rootProject\\.projectDir)\\s*,\\s*)?"
            + ScriptText.STRING + "\\s*\\))");
    /** A name in a project path: none of the characters Gradle forbids there, no {@code $}, no blank. */
    private static final Pattern NAME = Pattern.compile("[^/\\\\:<>\"?*|$\\s]+");

    GradleSettings {
        includes = List.copyOf(includes);
        projectDirs = Map.copyOf(projectDirs);
    }

    static GradleSettings parse(String file, String text, Consumer<String> warn) {
        ScriptText script = ScriptText.of(text, file.endsWith(".kts"));
        Set<String> includes = new LinkedHashSet<>();
        Matcher include = INCLUDE.matcher(script.skeleton());
        while (include.find()) {
            includes.addAll(included(file, script, include.end(), warn));
        }
        String rootName = null;
        Matcher name = ROOT_NAME.matcher(script.code());
        while (name.find()) {
            if (script.inCode(name.start())) {
                rootName = ScriptText.content(name, 1);
            }
        }
        return new GradleSettings(rootName, new ArrayList<>(includes), projectDirs(file, script, warn));
    }

    /** The project paths an {@code include} call names, from just after the word {@code include}. */
    private static List<String> included(String file, ScriptText script, int from, Consumer<String> warn) {
        String code = script.code();
        int i = script.skipSpace(from);
        if (i < code.length() && code.charAt(i) == '(') {
            i++;
        }
        List<String> paths = new ArrayList<>();
        int literals = 0;
        while (true) {
            Matcher literal = script.literalAt(script.skipSpace(i));
            if (literal == null) {
                break;
            }
            literals++;
            path(ScriptText.content(literal, 1))
                    .ifPresentOrElse(
                            paths::add,
                            () -> warn.accept(
                                    file + " line "
                                            + script.line(from) + ": include '" + ScriptText.content(literal, 1)
                                            + "' is not read; expected a project path such as ':a:b' (interpolated names are not read)"));
            i = script.skipSpace(literal.end());
            if (i >= code.length() || code.charAt(i) != ',') {
                break;
            }
            i++;
        }
        if (literals == 0) {
            int lineEnd = code.indexOf('\n', from);
            String shown =
                    code.substring(from, lineEnd < 0 ? code.length() : lineEnd).strip();
            warn.accept(file + " line " + script.line(from) + ": include" + shown
                    + " is not read; expected quoted project paths (computed includes are not evaluated)");
        }
        return paths;
    }

    /** A project path as given ({@code a:b}, {@code :a:b}) made absolute ({@code :a:b}). */
    static Optional<String> path(String given) {
        String path = given.startsWith(":") ? given.substring(1) : given;
        String[] names = path.split(":", -1);
        for (String n : names) {
            if (!NAME.matcher(n).matches() || n.equals(".") || n.equals("..")) {
                return Optional.empty();
            }
        }
        return Optional.of(":" + path);
    }

    private static Map<String, String> projectDirs(String file, ScriptText script, Consumer<String> warn) {
        Map<String, String> dirs = new LinkedHashMap<>();
        Matcher m = PROJECT_DIR.matcher(script.code());
        while (m.find()) {
            if (!script.inCode(m.start())) {
                continue;
            }
            Optional<String> project = path(ScriptText.content(m, 1));
            String given = ScriptText.matched(m, 3) ? ScriptText.content(m, 3) : ScriptText.content(m, 5);
            String dir = given.replaceFirst("^\\$\\{?(rootDir|settingsDir)}?(/|$)", "");
            Optional<String> folder = dir.contains("$") ? Optional.empty() : BuildReading.resolve("", dir);
            if (project.isEmpty() || folder.isEmpty()) {
                warn.accept(file + " line " + script.line(m.start()) + ": projectDir '" + given + "' of '"
                        + ScriptText.content(m, 1) + "' is not read; expected a project path and a folder inside"
                        + " the repository");
                continue;
            }
            dirs.put(project.get(), folder.get());
        }
        return dirs;
    }
}
