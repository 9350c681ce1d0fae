package dev.graphmemory.indexer.build;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dependencies on other projects from a Gradle build script, Groovy or Kotlin DSL, at the
 * text level: in every {@code dependencies { }} block, a configuration name followed by {@code
 * project(":x")}, {@code project(path: ':x')}, {@code project(path = ":x")}, optionally wrapped in
 * {@code testFixtures(...)}, {@code platform(...)} or {@code enforcedPlatform(...)}; also {@code
 * add("conf", project(":x"))} and Kotlin's {@code "conf"(project(":x"))}.
 *
 * <p>A {@code dependencies} block belongs to the script's own project, or to {@code :x} inside a
 * {@code project(':x') { }} block. Blocks inside {@code subprojects}, {@code allprojects} or {@code
 * configure(...)} apply to projects chosen by code and are not read. Comments never yield a
 * dependency: the search runs on {@link ScriptText} with comments blanked.
 */
final class GradleDependencies {
    /** A dependency as a script declares it; {@code target} is an absolute project path. */
    record Declared(String owner, String target, String configuration, boolean testFixtures) {}

    /**
     * Groups: 1-2 the literal configuration of {@code add("conf", ...)}, 3 a configuration name, 4-5 a
     * quoted one ({@code "conf"(...)}), 6 the wrappers, 7 the arguments of {@code project(...)}.
     */
    private static final Pattern DEPENDENCY = Pattern.compile("(?<![\\w$.])(?:add\\s*\\(\\s*" + ScriptText.STRING
            + "\\s*,\\s*|([A-Za-z_]\\w*)\\s*\\(?\\s*|" + ScriptText.STRING + "\\s*\\(\\s*)"
            + "((?:(?:testFixtures|platform|enforcedPlatform)\\s*\\(\\s*)*)"
            + "(?:dependencies\\s*\\.\\s*)?project\\s*\\(([^()]*)\\)");

    private static final Pattern PATH_ARGUMENT = Pattern.compile("\\bpath\\s*[:=]\\s*" + ScriptText.STRING);
    private static final Pattern LEADING_LITERAL = Pattern.compile("\\s*" + ScriptText.STRING);
    private static final Set<String> NOT_CONFIGURATIONS =
            Set.of("add", "testFixtures", "platform", "enforcedPlatform", "project", "dependencies");
    private static final Set<String> SHARED_BLOCKS = Set.of("subprojects", "allprojects", "configure");

    private GradleDependencies() {}

    /** A {@code dependencies} block: its code range, and the project it belongs to (null: not read). */
    private record Block(int start, int end, String owner) {}

    private enum Kind {
        DEPENDENCIES,
        /** {@code project(':x') { }}: configures one named project. */
        PROJECT,
        /** {@code subprojects}, {@code allprojects}, {@code configure(...)}: projects chosen by code. */
        SHARED,
        OTHER
    }

    /** An open brace: what its block is, and for a project block, the project. */
    private record Opened(Kind kind, String project) {}

    /**
     * @param project the absolute path of the project the script belongs to
     */
    static List<Declared> read(String file, String text, String project) {
        ScriptText script = ScriptText.of(text, file.endsWith(".kts"));
        List<Declared> declared = new ArrayList<>();
        for (Block block : blocks(script, project)) {
            if (block.owner() == null) {
                continue;
            }
            Matcher m = DEPENDENCY.matcher(script.code()).region(block.start(), block.end());
            while (m.find()) {
                String configuration = ScriptText.matched(m, 1)
                        ? ScriptText.content(m, 1)
                        : m.group(3) != null ? m.group(3) : ScriptText.content(m, 4);
                if (!script.inCode(m.start()) || NOT_CONFIGURATIONS.contains(configuration)) {
                    continue;
                }
                target(m.group(7), block.owner())
                        .ifPresent(target -> declared.add(new Declared(
                                block.owner(), target, configuration, m.group(6).contains("testFixtures"))));
            }
        }
        return declared;
    }

    /** The project a {@code project(...)} call names, absolute; empty when it is not a literal. */
    private static Optional<String> target(String arguments, String owner) {
        Matcher named = PATH_ARGUMENT.matcher(arguments);
        Matcher literal = LEADING_LITERAL.matcher(arguments);
        String given = named.find()
                ? ScriptText.content(named, 1)
                : literal.lookingAt() ? ScriptText.content(literal, 1) : null;
        if (given == null || given.contains("$")) {
            return Optional.empty(); // computed: project(it.path), project("$prefix-core")
        }
        if (given.equals(":")) {
            return Optional.of(":");
        }
        // a relative path names a child of the project whose dependencies these are
        return GradleSettings.path(given.startsWith(":") || owner.equals(":") ? given : owner + ":" + given);
    }

    /** The outermost {@code dependencies} blocks of a script, each with its owner. */
    private static List<Block> blocks(ScriptText script, String project) {
        String s = script.skeleton();
        List<Block> blocks = new ArrayList<>();
        Deque<Opened> open = new ArrayDeque<>();
        Deque<Integer> starts = new ArrayDeque<>();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') {
                Opened opened = opened(script, i, project);
                boolean inDependencies = open.stream().anyMatch(o -> o.kind() == Kind.DEPENDENCIES);
                open.push(inDependencies && opened.kind() == Kind.DEPENDENCIES ? new Opened(Kind.OTHER, null) : opened);
                starts.push(i + 1);
            } else if (c == '}' && !open.isEmpty()) {
                Opened closed = open.pop();
                int start = starts.pop();
                if (closed.kind() == Kind.DEPENDENCIES) {
                    blocks.add(new Block(start, i, owner(open, project)));
                }
            }
        }
        return blocks;
    }

    /** The owner of a block opened inside {@code enclosing}: null when code chooses the projects. */
    private static String owner(Deque<Opened> enclosing, String project) {
        for (Opened o : enclosing) { // innermost first
            if (o.kind() == Kind.SHARED) {
                return null;
            }
            if (o.kind() == Kind.PROJECT) {
                return o.project();
            }
        }
        return project;
    }

    /** What the brace at {@code brace} opens, from the words just before it. */
    private static Opened opened(ScriptText script, int brace, String project) {
        String s = script.skeleton();
        int e = brace - 1;
        while (e >= 0 && Character.isWhitespace(s.charAt(e))) {
            e--;
        }
        int paren = -1;
        if (e >= 0 && s.charAt(e) == ')') {
            paren = matchingOpen(s, e);
            e = paren - 1;
            while (e >= 0 && Character.isWhitespace(s.charAt(e))) {
                e--;
            }
        }
        int b = e;
        while (b >= 0 && (Character.isJavaIdentifierPart(s.charAt(b)))) {
            b--;
        }
        String word = e < 0 ? "" : s.substring(b + 1, e + 1);
        if (paren < 0) {
            return new Opened(word.equals("dependencies") ? Kind.DEPENDENCIES : kindOf(word), null);
        }
        if (word.equals("project") || word.equals("findProject")) {
            Optional<String> target = target(script.code().substring(paren + 1, matchingClose(s, paren)), project);
            return target.map(t -> new Opened(Kind.PROJECT, t)).orElseGet(() -> new Opened(Kind.SHARED, null));
        }
        return new Opened(kindOf(word), null);
    }

    private static Kind kindOf(String word) {
        return SHARED_BLOCKS.contains(word) ? Kind.SHARED : Kind.OTHER;
    }

    private static int matchingOpen(String s, int close) {
        int depth = 0;
        for (int i = close; i >= 0; i--) {
            if (s.charAt(i) == ')') {
                depth++;
            } else if (s.charAt(i) == '(' && --depth == 0) {
                return i;
            }
        }
        return 0;
    }

    private static int matchingClose(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            if (s.charAt(i) == '(') {
                depth++;
            } else if (s.charAt(i) == ')' && --depth == 0) {
                return i;
            }
        }
        return s.length();
    }
}
