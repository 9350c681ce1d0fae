package dev.graphmemory.indexer.java;

import dev.graphmemory.indexer.lang.ModuleNodes;
import dev.graphmemory.indexer.lang.ScriptRef;
import dev.graphmemory.indexer.lang.ScriptResolver;
import dev.graphmemory.indexer.model.EdgeRow;
import dev.graphmemory.indexer.model.LanguagePlugin.LinkOutput;
import dev.graphmemory.queries.schema.RelType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Links what Java code reaches by name rather than by a type reference:
 *
 * <ul>
 *   <li>a class loaded by name ({@link ByNameCalls}) that the repository declares: {@code IMPORTS}
 *       to its module with {@code by_name=true}, {@code via=reflection} and the {@code line};
 *   <li>a multi-release copy ({@code src/main/java11/a/B.java} beside {@code src/main/java/a/B.java}):
 *       {@code IMPORTS} from the base file with {@code via=multi_release}, since the JVM loads the
 *       copy in its place;
 *   <li>a repository script a started program names ({@code python3 tools/x.py}): {@code INVOKES}
 *       from the module and the function to the script's module, with {@code resolution} and
 *       {@code line} as the other languages give them.
 * </ul>
 *
 * <p>Design note: names come from literals, from constants (same class, outer classes, supertypes,
 * static imports, or {@code Type.NAME}), from local variables' initializers and from paths joined
 * with {@code Path.of}/{@code resolve}; a name built at run time gives nothing. A path whose
 * beginning is unknown ({@code root.resolve("tools/x.py")}) is matched by its known tail.
 */
final class ByNameLinker {
    static final String BY_NAME = "by_name";
    static final String VIA = "via";
    static final String REFLECTION = "reflection";
    static final String MULTI_RELEASE = "multi_release";

    private static final Pattern BINARY_NAME =
            Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");
    private static final Pattern MULTI_RELEASE_PATH = Pattern.compile("(.*/)?src/([^/]+)/java(\\d+)/(.+)");

    private final SymbolTable table;
    private final Constants constants;
    private final ScriptResolver scripts;

    /** @param modulePaths the paths of every module of the run, whatever its language */
    ByNameLinker(SymbolTable table, java.util.Collection<String> modulePaths) {
        this.table = table;
        this.constants = new Constants(table);
        this.scripts = new ScriptResolver(modulePaths, List.of(), null);
    }

    /** Links the classes file {@code f} loads by name that it does not import already, and the scripts it runs. */
    void link(int f, Set<Integer> imported, Consumer<LinkOutput> out) {
        reflection(f, imported, out);
        commands(f, out);
    }

    private void reflection(int f, Set<Integer> imported, Consumer<LinkOutput> out) {
        JavaFacts.Named named = table.file(f).named();
        if (named == null) {
            return;
        }
        Set<Integer> done = new HashSet<>();
        for (int i = 0; i < named.size(); i++) {
            String value = constants.value(f, context(f, named.types()[i]), named.values()[i]);
            int type = Constants.known(value) ? repositoryClass(value.strip(), f) : -1;
            int target = type < 0 ? -1 : table.fileOf(type);
            if (target < 0 || target == f || imported.contains(target) || !done.add(target)) {
                continue;
            }
            out.accept(new EdgeRow(
                    RelType.IMPORTS,
                    table.moduleId(f),
                    table.moduleId(target),
                    Map.of(BY_NAME, true, VIA, REFLECTION, "line", named.lines()[i])));
        }
    }

    /** The repository type a binary name ({@code a.b.C$D}) names, as seen from file {@code f}; -1 if none. */
    int repositoryClass(String binaryName, int f) {
        if (!BINARY_NAME.matcher(binaryName).matches()) {
            return -1;
        }
        return table.type(binaryName.replace('$', '.'), f);
    }

    private void commands(int f, Consumer<LinkOutput> out) {
        JavaFacts.Commands commands = table.file(f).commands();
        if (commands == null) {
            return;
        }
        String from = table.file(f).path();
        Set<String> emitted = new HashSet<>();
        for (int i = 0; i < commands.size(); i++) {
            int context = context(f, commands.types()[i]);
            int line = commands.lines()[i];
            int function = commands.functions()[i];
            String functionId = function < 0 ? null : table.functionId(table.function(f, function));
            for (String arg : commands.args()[i]) {
                for (String token : constants.value(f, context, arg).split("[ \\t\\n]+")) {
                    ScriptRef ref = scriptRef(token, line);
                    if (ref == null) {
                        continue;
                    }
                    for (ScriptResolver.Target t : scripts.resolve(from, ref)) {
                        if (t.path().equals(from)) {
                            continue;
                        }
                        Map<String, Object> props = Map.of("resolution", t.resolution(), "line", line);
                        String to = ModuleNodes.id(t.path());
                        if (emitted.add(from + ">" + t.path())) {
                            out.accept(new EdgeRow(RelType.INVOKES, table.moduleId(f), to, props));
                        }
                        if (functionId != null && emitted.add(functionId + ">" + t.path())) {
                            out.accept(new EdgeRow(RelType.INVOKES, functionId, to, props));
                        }
                    }
                }
            }
        }
    }

    /**
     * A command-line word as a path relative to the working directory; its known tail when its
     * beginning is unknown; {@code null} for a word that names no file (no extension), an absolute
     * path or a word that is unknown at its end.
     */
    static ScriptRef scriptRef(String token, int line) {
        String word = token.replace("\"", "").replace("'", "");
        int unknown = word.lastIndexOf(Constants.UNKNOWN);
        if (unknown >= 0) {
            word = word.substring(unknown + 1);
            if (!word.startsWith("/")) {
                return null; // a name glued to a run-time value: not a path of its own
            }
        } else if (word.startsWith("/")) {
            return null;
        }
        List<String> segments = new ArrayList<>();
        for (String s : word.split("/")) {
            if (s.equals("..")) {
                segments.clear();
            } else if (!s.isEmpty() && !s.equals(".")) {
                segments.add(s);
            }
        }
        if (segments.isEmpty()) {
            return null;
        }
        String file = segments.get(segments.size() - 1);
        int dot = file.lastIndexOf('.');
        if (dot <= 0 || dot == file.length() - 1) {
            return null;
        }
        return new ScriptRef(ScriptRef.Anchor.CWD, 0, segments, null, line);
    }

    /** {@code IMPORTS} from each base file to its multi-release copies. */
    void multiRelease(Consumer<LinkOutput> out) {
        Map<String, Integer> byPath = new HashMap<>();
        for (int f = 0; f < table.fileCount(); f++) {
            byPath.put(table.file(f).path(), f);
        }
        for (int f = 0; f < table.fileCount(); f++) {
            Matcher m = MULTI_RELEASE_PATH.matcher(table.file(f).path());
            if (!m.matches()) {
                continue;
            }
            String prefix = m.group(1) == null ? "" : m.group(1);
            Integer base = byPath.get(prefix + "src/" + m.group(2) + "/java/" + m.group(4));
            if (base != null) {
                out.accept(new EdgeRow(
                        RelType.IMPORTS,
                        table.moduleId(base),
                        table.moduleId(f),
                        Map.of(BY_NAME, true, VIA, MULTI_RELEASE)));
            }
        }
    }

    private int context(int f, int localType) {
        return localType < 0 ? -1 : table.type(f, localType);
    }
}
