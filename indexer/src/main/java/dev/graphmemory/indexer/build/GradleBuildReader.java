package dev.graphmemory.indexer.build;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a Gradle multi-project build: the projects {@link GradleSettings} names, each one's build
 * script and the dependencies on other projects {@link GradleDependencies} finds in it.
 *
 * <p>A project's folder is the one its settings give it, else its parent's folder plus its name
 * ({@code :b:c} in {@code b/c}). Its build script is the first of {@code build.gradle}, {@code
 * build.gradle.kts}, {@code <name>.gradle}, {@code <name>.gradle.kts} in that folder: the last two
 * cover builds that set {@code buildFileName} from the project's name, as the Spring Framework does,
 * without evaluating the code that sets it. Projects the settings include are modules; a parent Gradle
 * creates implicitly ({@code :b} for {@code :b:c}) only when it has a build script or sources of its
 * own; the root project only when it has sources of its own.
 */
final class GradleBuildReader {
    private static final List<String> SETTINGS = List.of("settings.gradle", "settings.gradle.kts");
    private static final String SCRIPT = "a Gradle build script";

    private final BuildReading reading;

    GradleBuildReader(BuildReading reading) {
        this.reading = reading;
    }

    /** A project: its folder, whether the settings include it by name, its build script if any. */
    private record Project(String path, String folder, boolean included, String buildFile, String script) {}

    List<BuildModule> read() {
        Optional<GradleSettings> settings = settings();
        Map<String, Project> projects = new LinkedHashMap<>();
        projects.put(":", project(":", "", true));
        if (settings.isEmpty() && projects.get(":").buildFile().isEmpty()) {
            return List.of(); // no Gradle build here
        }
        settings.ifPresent(s -> addIncluded(s, projects));
        List<Project> modules =
                projects.values().stream().filter(this::isModule).toList();
        Map<String, Set<BuildDependency>> dependencies = new LinkedHashMap<>();
        modules.forEach(p -> dependencies.put(p.path(), new LinkedHashSet<>()));
        List<Runnable> fromOtherScripts = new ArrayList<>(); // project(':x') { } blocks: after x's own
        for (Project p : projects.values()) {
            for (GradleDependencies.Declared d : declared(p)) {
                if (d.owner().equals(p.path())) {
                    add(p.buildFile(), d, dependencies);
                } else {
                    fromOtherScripts.add(() -> add(p.buildFile(), d, dependencies));
                }
            }
        }
        fromOtherScripts.forEach(Runnable::run);
        return modules.stream()
                .map(p -> new BuildModule(
                        p.path(),
                        p.folder(),
                        BuildModule.GRADLE,
                        p.buildFile(),
                        List.copyOf(dependencies.get(p.path()))))
                .toList();
    }

    private Optional<GradleSettings> settings() {
        GradleSettings found = null;
        for (String file : SETTINGS) {
            Optional<String> text = reading.text(file, "Gradle settings");
            if (text.isPresent() && found != null) {
                reading.warn(file + ": not read; Gradle reads only " + SETTINGS.getFirst() + " when both exist");
            } else if (text.isPresent()) {
                try {
                    found = GradleSettings.parse(file, text.get(), reading::warn);
                } catch (RuntimeException e) {
                    reading.warn(file + ": not read, the reader failed on it (" + e + "); expected Gradle settings");
                }
            }
        }
        return Optional.ofNullable(found);
    }

    private void addIncluded(GradleSettings settings, Map<String, Project> projects) {
        for (String path : settings.includes()) {
            if (projects.size() > BuildReading.MAX_MODULES) {
                reading.warn("Gradle settings include more than " + BuildReading.MAX_MODULES
                        + " projects; the rest, from " + path + " on, are not read");
                return;
            }
            String[] names = path.substring(1).split(":");
            String parent = ":";
            for (int i = 0; i < names.length; i++) {
                String at = (parent.equals(":") ? "" : parent) + ":" + names[i];
                boolean last = i == names.length - 1;
                Project known = projects.get(at);
                if (known == null || (last && !known.included())) {
                    String folder = settings.projectDirs()
                            .getOrDefault(
                                    at, BuildReading.join(projects.get(parent).folder(), names[i]));
                    projects.put(at, project(at, folder, last));
                }
                parent = at;
            }
        }
    }

    /** The dependencies a project's script declares; a fault of the text-level reader is a warning. */
    private List<GradleDependencies.Declared> declared(Project p) {
        if (p.script().isEmpty()) {
            return List.of();
        }
        try {
            return GradleDependencies.read(p.buildFile(), p.script(), p.path());
        } catch (RuntimeException e) {
            reading.warn(p.buildFile() + ": not read, the reader failed on it (" + e + "); expected " + SCRIPT);
            return List.of();
        }
    }

    private Project project(String path, String folder, boolean included) {
        String name = path.substring(path.lastIndexOf(':') + 1);
        List<String> candidates = path.equals(":")
                ? List.of("build.gradle", "build.gradle.kts")
                : List.of("build.gradle", "build.gradle.kts", name + ".gradle", name + ".gradle.kts");
        for (String candidate : candidates) {
            String file = BuildReading.join(folder, candidate);
            Optional<String> text = reading.text(file, SCRIPT);
            if (text.isPresent()) {
                return new Project(path, folder, included, file, text.get());
            }
        }
        return new Project(path, folder, included, "", "");
    }

    private boolean isModule(Project p) {
        if (p.path().equals(":")) {
            return reading.hasOwnSources("");
        }
        if (!reading.isFolder(p.folder())) {
            if (p.included()) {
                reading.warn("Gradle settings include " + p.path() + ", but its folder " + p.folder()
                        + " does not exist; expected the project's folder there, the project is left out");
            }
            return false;
        }
        return p.included() || !p.buildFile().isEmpty() || reading.hasOwnSources(p.folder());
    }

    private void add(String file, GradleDependencies.Declared d, Map<String, Set<BuildDependency>> dependencies) {
        Set<BuildDependency> of = dependencies.get(d.owner());
        if (of == null) {
            return; // the owner is no module (the root without sources, a project the settings omit)
        }
        if (!dependencies.containsKey(d.target())) {
            reading.warn(file + ": " + d.owner() + " depends on project " + d.target()
                    + ", which is not a project of this build; expected a project the settings include,"
                    + " the dependency is left out");
            return;
        }
        of.add(new BuildDependency(d.target(), d.configuration(), d.testFixtures()));
    }
}
