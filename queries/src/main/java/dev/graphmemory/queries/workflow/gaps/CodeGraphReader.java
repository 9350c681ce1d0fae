package dev.graphmemory.queries.workflow.gaps;

import dev.graphmemory.queries.graph.IndexState;
import dev.graphmemory.queries.graph.LruCache;
import dev.graphmemory.queries.graph.RepoGraph;
import dev.graphmemory.queries.graph.Values;
import dev.graphmemory.queries.schema.Keys;
import dev.graphmemory.queries.schema.NodeType;
import dev.graphmemory.queries.schema.RelType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

/**
 * Loads a repository's {@link CodeGraph} in three queries (modules, module-level edges, Java
 * types), kept in a small cache per index state so that paging through gaps reads the graph once.
 */
final class CodeGraphReader {
    private static final int CACHE_SIZE = 2;
    private static final LruCache<String, CodeGraph> CACHE = new LruCache<>(CACHE_SIZE);

    /** The relationships that make one module depend on another at run time (TESTS: from tests). */
    static final List<RelType> WIRING = List.of(
            RelType.IMPORTS, RelType.CALLS, RelType.EXTENDS, RelType.IMPLEMENTS, RelType.INVOKES, RelType.TESTS);

    private static final String MODULES = "MATCH (m:" + NodeType.MODULE.label() + " {repo: $repo})"
            + " WHERE m.path IS NOT NULL AND coalesce(m.external, false) = false"
            + " RETURN m.id AS id, m.path AS path, m.language AS language, m.package AS pkg,"
            + " coalesce(m.is_test, false) AS test, coalesce(m.entry_kinds, []) AS kinds,"
            + " coalesce(m.parse_ok, true) AS ok ORDER BY m.path";

    private static final String EDGES = "MATCH (a:" + Keys.ENTITY_LABEL + " {repo: $repo})-[:"
            + String.join("|", WIRING.stream().map(RelType::name).toList()) + "]->(b:" + Keys.ENTITY_LABEL + ")"
            + " WHERE b.repo = $repo AND a.path IS NOT NULL AND b.path IS NOT NULL AND a.path <> b.path"
            + " RETURN DISTINCT a.path AS s, b.path AS t";

    // The module's package is joined in Java from the modules read first: an OPTIONAL MATCH of the
    // module by path per class cost a label scan each (40 s on the JDK's java.base).
    private static final String TYPES = "MATCH (c:" + NodeType.CLASS.label() + " {repo: $repo})"
            + " RETURN c.path AS path, c.qualified_name AS qn, c.name AS name,"
            + " coalesce(c.modifiers, []) AS modifiers, coalesce(c.annotations, []) AS annotations,"
            + " coalesce(c.annotation_types, []) AS literals";

    private final Driver driver;
    private final String repo;

    CodeGraphReader(Driver driver, String repo) {
        this.driver = driver;
        this.repo = repo;
    }

    CodeGraph read() {
        IndexState state = new RepoGraph(driver, repo).state();
        return CACHE.get(repo + '\u0000' + state.version(), this::load);
    }

    private CodeGraph load() {
        Map<String, Object> params = Map.of("repo", repo);
        try (Session session = driver.session()) {
            List<CodeModule> modules = new ArrayList<>();
            session.executeRead(tx -> {
                tx.run(MODULES, params).forEachRemaining(r -> modules.add(module(modules.size(), r)));
                return null;
            });
            List<String[]> edges = new ArrayList<>();
            session.executeRead(tx -> {
                tx.run(EDGES, params)
                        .forEachRemaining(r -> edges.add(
                                new String[] {r.get("s").asString(), r.get("t").asString()}));
                return null;
            });
            Map<String, String> packages = new java.util.HashMap<>();
            modules.forEach(m -> {
                if (m.pkg() != null) {
                    packages.put(m.path(), m.pkg());
                }
            });
            List<JavaType> types = new ArrayList<>();
            session.executeRead(tx -> {
                tx.run(TYPES, params).forEachRemaining(r -> types.add(type(r, packages)));
                return null;
            });
            return CodeGraph.of(modules, edges, types);
        }
    }

    private static CodeModule module(int index, Record r) {
        return new CodeModule(
                index,
                r.get("id").asString(),
                r.get("path").asString(),
                r.get("language").isNull() ? "" : r.get("language").asString(),
                r.get("pkg").isNull() ? null : r.get("pkg").asString(),
                r.get("test").asBoolean(),
                Values.strings(r.get("kinds")),
                r.get("ok").asBoolean());
    }

    private static JavaType type(Record r, Map<String, String> packages) {
        String qn = r.get("qn").isNull() ? "" : r.get("qn").asString();
        String pkg = packages.getOrDefault(r.get("path").asString(), "");
        String name = r.get("name").isNull() ? "" : r.get("name").asString();
        boolean topLevel = qn.equals(pkg.isEmpty() ? name : pkg + "." + name);
        boolean isPublic = Values.strings(r.get("modifiers")).contains("public");
        List<String> annotations = Values.strings(r.get("annotations")).stream()
                .map(CodeGraphReader::simpleAnnotation)
                .toList();
        return new JavaType(
                r.get("path").asString(),
                qn,
                pkg,
                topLevel && isPublic,
                annotations,
                Values.strings(r.get("literals")));
    }

    /** {@code @org.springframework.stereotype.Service("x")} → {@code Service}. */
    static String simpleAnnotation(String written) {
        String a = written.strip();
        a = a.startsWith("@") ? a.substring(1) : a;
        int paren = a.indexOf('(');
        a = paren >= 0 ? a.substring(0, paren) : a;
        return a.substring(a.lastIndexOf('.') + 1).strip();
    }
}
