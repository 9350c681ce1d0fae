package dev.graphmemory.indexer.java;

import dev.graphmemory.indexer.model.Copies;
import dev.graphmemory.indexer.model.EdgeRow;
import dev.graphmemory.indexer.model.FileResult;
import dev.graphmemory.indexer.model.LanguagePlugin.LinkOutput;
import dev.graphmemory.queries.schema.RelType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Links the parsed Java files of one run: {@code EXTENDS} and {@code IMPLEMENTS} first (member
 * lookup needs the supertypes), then the types of fields and signatures, then per file {@code
 * CALLS}, {@code IMPORTS} (which take in the types the resolved calls and field reads depend on)
 * and {@code TESTS}, and what each file reaches by name ({@link ByNameLinker}), then entry points
 * named in {@code META-INF/services} files and other configuration.
 */
final class JavaLinker {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(JavaLinker.class);

    /**
     * Edge property: the reference names a class declared in several files that the build's layout
     * does not tell apart, and this edge goes to one of those copies (each gets one).
     */
    static final String AMBIGUOUS = "ambiguous";

    private final SymbolTable table;
    private final Map<String, String> resources;
    private final Consumer<LinkOutput> out;
    private final ByNameLinker byName;
    /** A type declared in two files (two source sets) would otherwise repeat its supertype edges. */
    private final Set<String> supertypeEdges = new HashSet<>();

    /** @param modulePaths every module of the run, whatever its language: the scripts a program start may name */
    JavaLinker(
            List<FileResult> parsed,
            Map<String, String> resources,
            Copies copies,
            java.util.Collection<String> modulePaths,
            Consumer<LinkOutput> out) {
        long t0 = System.nanoTime();
        List<JavaFacts> facts = new ArrayList<>(parsed.size());
        for (FileResult r : parsed) {
            if (r.facts() instanceof JavaFacts f) {
                facts.add(f);
            }
        }
        this.table = new SymbolTable(facts, copies);
        this.resources = resources;
        this.out = out;
        List<String> paths = new ArrayList<>(modulePaths);
        facts.forEach(f -> paths.add(f.path()));
        this.byName = new ByNameLinker(table, paths);
        LOG.debug("java link: table of {} files in {} ms", facts.size(), (System.nanoTime() - t0) / 1_000_000);
    }

    void run() {
        long t0 = System.nanoTime();
        for (int f = 0; f < table.fileCount(); f++) {
            linkSupertypes(new FileScope(table, f));
        }
        long t1 = System.nanoTime();
        for (int f = 0; f < table.fileCount(); f++) {
            MemberTypes.compute(table, new FileScope(table, f));
        }
        long t2 = System.nanoTime();
        // Files are linked on every core, a chunk at a time, and their edges emitted in file order:
        // the output is the same as one thread's, and only one chunk's edges wait in memory.
        int files = table.fileCount();
        for (int start = 0; start < files; start += CHUNK) {
            int end = Math.min(files, start + CHUNK);
            List<List<LinkOutput>> chunk = java.util.stream.IntStream.range(start, end)
                    .parallel()
                    .mapToObj(this::linkFile)
                    .toList();
            chunk.forEach(edges -> edges.forEach(out));
        }
        long t3 = System.nanoTime();
        byName.multiRelease(out);
        ServiceEntries.link(table, resources, out);
        LOG.debug(
                "java link: supertypes {} ms, member types {} ms, files {} ms, services {} ms",
                (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000,
                (t3 - t2) / 1_000_000,
                (System.nanoTime() - t3) / 1_000_000);
    }

    /** Files linked at once between two emissions of their edges (see {@link #run}). */
    private static final int CHUNK = 512;

    /** The calls, imports and by-name references of one file, in the order one thread emits them. */
    private List<LinkOutput> linkFile(int f) {
        List<LinkOutput> edges = new ArrayList<>();
        FileScope scope = new FileScope(table, f);
        ImportLinker imports = new ImportLinker(table);
        Set<Integer> imported = imports.importedFiles(scope);
        new CallLinker(table, edges::add).link(scope, imported);
        imported.remove(f);
        emitImports(f, imported, imports.ambiguous(), edges::add);
        byName.link(f, imported, edges::add);
        return edges;
    }

    private void linkSupertypes(FileScope scope) {
        JavaFacts.Types types = scope.facts().types();
        for (int local = 0; local < types.size(); local++) {
            int type = table.type(scope.file(), local);
            int context = table.outer(type);
            boolean isInterface = types.kind(local) == JavaFacts.Kind.INTERFACE;
            int[] resolved = new int[types.superclasses()[local].length + types.interfaces()[local].length];
            int n = 0;
            for (String written : types.superclasses()[local]) {
                n = addSuper(scope, type, context, written, RelType.EXTENDS, resolved, n);
            }
            for (String written : types.interfaces()[local]) {
                RelType rel = isInterface ? RelType.EXTENDS : RelType.IMPLEMENTS;
                n = addSuper(scope, type, context, written, rel, resolved, n);
            }
            table.setSupers(type, n == resolved.length ? resolved : Arrays.copyOf(resolved, n));
        }
    }

    private int addSuper(FileScope scope, int type, int context, String written, RelType rel, int[] resolved, int n) {
        int target = scope.resolve(written, context, false);
        if (target < 0 || target == type) {
            return n;
        }
        resolved[n] = target;
        String from = classId(type);
        String to = classId(target);
        if (supertypeEdges.add(from + ' ' + to)) {
            out.accept(EdgeRow.of(rel, from, to));
        }
        return n + 1;
    }

    private void emitImports(int f, Set<Integer> imported, Set<Integer> ambiguous, Consumer<LinkOutput> out) {
        String from = table.moduleId(f);
        boolean test = table.file(f).test();
        for (int target : imported) {
            String to = table.moduleId(target);
            out.accept(
                    ambiguous.contains(target)
                            ? new EdgeRow(RelType.IMPORTS, from, to, Map.of(AMBIGUOUS, true))
                            : EdgeRow.of(RelType.IMPORTS, from, to));
            if (test && !table.file(target).test()) {
                out.accept(EdgeRow.of(RelType.TESTS, from, to));
            }
        }
    }

    private String classId(int type) {
        return table.classId(type);
    }
}
