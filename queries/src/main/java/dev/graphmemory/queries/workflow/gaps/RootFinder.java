package dev.graphmemory.queries.workflow.gaps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses the roots of reachability.
 *
 * <ul>
 *   <li>Entry points the indexer marked ({@code cli_entry}: {@code main}, picocli, Spring Boot,
 *       {@code service_loader} from {@code META-INF/services}, {@code spring_factories},
 *       {@code main_class} named by a build file or manifest, {@code spring_xml}, {@code web_xml},
 *       Python {@code main_guard},
 *       {@code console_script}, {@code server_app}, package.json {@code bin}/{@code main}/{@code exports},
 *       {@code html_script}, {@code build_input}, framework routes such as {@code nextjs_route}, ...).
 *   <li>Spring stereotypes ({@code @Component}, {@code @Service}, ...) in a package that a
 *       {@code @SpringBootApplication} or {@code @ComponentScan} class scans (its own package and
 *       below).
 *   <li>Modules matching the configured {@code entry_points} globs.
 *   <li>A library (no entry point of an application kind, or mode {@code library}): its public
 *       API. Java: modules declaring a public top-level type outside {@code internal}/{@code impl}
 *       packages; Python: modules outside {@code _private} and {@code internal} folders whose name
 *       does not start with {@code _} ({@code __init__.py} counts); TS/JS: package.json
 *       {@code main}/{@code exports}, else {@code index.*} files outside internal folders.
 * </ul>
 */
final class RootFinder {
    static final String MODE_AUTO = "auto";
    static final String MODE_APPLICATION = "application";
    static final String MODE_LIBRARY = "library";

    static final String SPRING_COMPONENT = "spring_component";
    static final String CONFIGURED = "configured";
    static final String PUBLIC_API = "public_api";

    /** Entry kinds that describe a library's published surface rather than a program to run. */
    static final Set<String> API_KINDS = Set.of("package_main", "package_exports", "plugin_entry_point");

    static final Set<String> SPRING_STEREOTYPES = Set.of(
            "Component",
            "Service",
            "Repository",
            "Controller",
            "RestController",
            "Configuration",
            "ControllerAdvice",
            "RestControllerAdvice",
            "SpringBootApplication");
    static final Set<String> SPRING_SCANNERS =
            Set.of("SpringBootApplication", "ComponentScan", "SpringBootConfiguration", "EnableAutoConfiguration");
    private static final Set<String> INTERNAL = Set.of("internal", "impl", "_internal", "private");

    private final CodeGraph graph;
    private final List<String> excluded;

    /** @param excluded per module index, why it is excluded, or null */
    RootFinder(CodeGraph graph, List<String> excluded) {
        this.graph = graph;
        this.excluded = excluded;
    }

    Roots find(List<String> entryPointGlobs, String mode) {
        PathGlob configured = PathGlob.anyOf(entryPointGlobs, "entry_points");
        Map<Integer, List<String>> kinds = new LinkedHashMap<>();
        List<String> scanned = scannedPackages();
        for (CodeModule m : graph.modules()) {
            if (m.test()) {
                continue;
            }
            if (configured.matches(m.path())) {
                add(kinds, m, CONFIGURED);
            }
            if (excluded.get(m.index()) != null) {
                continue;
            }
            m.entryKinds().forEach(k -> add(kinds, m, k));
            if (isScannedComponent(m, scanned)) {
                add(kinds, m, SPRING_COMPONENT);
            }
        }
        boolean application = kinds.values().stream().flatMap(List::stream).anyMatch(k -> !API_KINDS.contains(k));
        boolean library = mode.equals(MODE_LIBRARY) || (mode.equals(MODE_AUTO) && !application);
        if (!library) {
            return new Roots(
                    kinds,
                    false,
                    "application: reachability starts from its " + kinds.size()
                            + " entry point modules (main methods and build-file main classes, CLI scripts, ServiceLoader,"
                            + " Spring and web.xml wiring, scripts"
                            + " HTML pages load, framework routes, servers started from deployment files, configured"
                            + " entry_points)");
        }
        for (CodeModule m : graph.modules()) {
            if (!m.test() && excluded.get(m.index()) == null && publicApi(m, kinds)) {
                add(kinds, m, PUBLIC_API);
            }
        }
        String why = mode.equals(MODE_LIBRARY)
                ? "library (as asked)"
                : "library: the repository has no entry point (no main method, CLI script, ServiceLoader or"
                        + " Spring wiring)";
        return new Roots(
                kinds,
                true,
                why + ", so its public API serves as the roots: public types in"
                        + " non-internal packages (Java), modules without a leading underscore outside internal folders"
                        + " (Python), package.json main/exports or index files (TS/JS); " + kinds.size()
                        + " root modules");
    }

    private static void add(Map<Integer, List<String>> kinds, CodeModule m, String kind) {
        List<String> ks = kinds.computeIfAbsent(m.index(), k -> new ArrayList<>());
        if (!ks.contains(kind)) {
            ks.add(kind);
        }
    }

    /** The packages a Spring application scans: those of its scanning classes. */
    private List<String> scannedPackages() {
        List<String> packages = new ArrayList<>();
        for (CodeModule m : graph.modules()) {
            if (m.test()) {
                continue;
            }
            for (JavaType t : graph.types(m)) {
                if (t.annotations().stream().anyMatch(SPRING_SCANNERS::contains)) {
                    packages.add(m.pkg() == null ? "" : m.pkg());
                }
            }
        }
        return packages;
    }

    private boolean isScannedComponent(CodeModule m, List<String> scanned) {
        if (scanned.isEmpty() || !isStereotype(graph.types(m))) {
            return false;
        }
        String pkg = m.pkg() == null ? "" : m.pkg();
        return scanned.stream().anyMatch(base -> base.isEmpty() || pkg.equals(base) || pkg.startsWith(base + "."));
    }

    static boolean isStereotype(List<JavaType> types) {
        return types.stream().anyMatch(t -> t.annotations().stream().anyMatch(SPRING_STEREOTYPES::contains));
    }

    private boolean publicApi(CodeModule m, Map<Integer, List<String>> kinds) {
        List<String> segments = List.of(m.folder().split("/"));
        if (segments.stream().anyMatch(INTERNAL::contains)) {
            return false;
        }
        String file = m.path().substring(m.path().lastIndexOf('/') + 1);
        return switch (m.language()) {
            case "java" -> {
                String pkg = m.pkg() == null ? "" : m.pkg();
                yield List.of(pkg.split("\\.")).stream().noneMatch(INTERNAL::contains)
                        && graph.types(m).stream().anyMatch(JavaType::publicTopLevel);
            }
            case "python" ->
                segments.stream().noneMatch(s -> s.startsWith("_"))
                        && (!file.startsWith("_") || file.equals("__init__.py"));
            default -> {
                boolean packageApi =
                        kinds.values().stream().flatMap(List::stream).anyMatch(API_KINDS::contains);
                yield !packageApi && m.stem().equals("index");
            }
        };
    }
}
