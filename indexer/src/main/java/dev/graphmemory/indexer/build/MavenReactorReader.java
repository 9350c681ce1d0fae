package dev.graphmemory.indexer.build;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.parsers.DocumentBuilder;

/**
 * Reads a Maven reactor: the root {@code pom.xml}, then every {@code <module>} (or Maven 4 {@code
 * <subproject>}) entry, depth first in declaration order. A module entry names a folder (its {@code
 * pom.xml} is read) or a POM file. Every POM is read once, which also ends {@code <module>} cycles;
 * an entry that leads out of the repository is refused with a warning.
 */
final class MavenReactorReader {
    private static final String ROOT_POM = "pom.xml";
    private static final String EXPECTED = "a Maven POM";

    private final BuildReading reading;
    private final DocumentBuilder parser = Pom.parser();

    MavenReactorReader(BuildReading reading) {
        this.reading = reading;
    }

    /** One POM of the reactor: its file, its folder and what it says. */
    private record Found(String file, String folder, Pom pom, String groupId) {}

    /** A POM still to read, and which file listed it as what. */
    private record Entry(String file, String listedBy, String given) {}

    List<BuildModule> read() {
        List<Found> reactor = walk();
        Map<String, Found> byCoordinates = new LinkedHashMap<>();
        List<Found> listed = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Found found : reactor) {
            if (!names.add(found.pom().artifactId())) {
                reading.warn(found.file() + ": artifactId " + found.pom().artifactId()
                        + " is already another module's; expected a unique artifactId, this module is left out");
                continue;
            }
            byCoordinates.put(found.groupId() + ":" + found.pom().artifactId(), found);
            if (!found.file().equals(ROOT_POM) || reading.hasOwnSources("")) {
                listed.add(found);
            }
        }
        return listed.stream()
                .map(found -> new BuildModule(
                        found.pom().artifactId(),
                        found.folder(),
                        BuildModule.MAVEN,
                        found.file(),
                        dependencies(found, byCoordinates)))
                .toList();
    }

    private List<Found> walk() {
        List<Found> reactor = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Deque<Entry> todo = new ArrayDeque<>();
        todo.push(new Entry(ROOT_POM, null, null));
        while (!todo.isEmpty()) {
            Entry entry = todo.pop();
            if (!seen.add(entry.file())) {
                continue; // listed twice (two profiles) or a <module> cycle
            }
            if (reactor.size() == BuildReading.MAX_MODULES) {
                reading.warn(entry.listedBy() + ": the reactor has more than " + BuildReading.MAX_MODULES
                        + " modules; the rest, from " + entry.file() + " on, are not read");
                break;
            }
            Optional<String> text = entry.listedBy() == null
                    ? reading.text(entry.file(), EXPECTED)
                    : reading.required(entry.file(), EXPECTED, entry.listedBy() + ": module '" + entry.given() + "'");
            if (text.isEmpty()) {
                continue;
            }
            Pom pom;
            try {
                pom = Pom.parse(parser, text.get());
            } catch (Pom.Invalid e) {
                reading.warn(entry.file() + ": " + e.getMessage() + "; expected " + EXPECTED
                        + ", so this module and the modules it lists are not read");
                continue;
            }
            String folder = BuildReading.parent(entry.file());
            String group = pom.groupId() != null ? pom.groupId() : pom.parentGroupId();
            reactor.add(new Found(entry.file(), folder, pom, group == null ? "" : group));
            List<Entry> children = new ArrayList<>();
            for (String module : pom.modules()) {
                entry(entry.file(), folder, module).ifPresent(children::add);
            }
            children.reversed().forEach(todo::push);
        }
        return reactor;
    }

    private Optional<Entry> entry(String listedBy, String folder, String module) {
        Optional<String> path = BuildReading.resolve(folder, module);
        if (path.isEmpty()) {
            reading.warn(listedBy + ": module '" + module
                    + "' does not name a folder or POM below the reactor root inside the repository; not read");
            return Optional.empty();
        }
        String target = path.get();
        boolean pomFile = !reading.isFolder(target) && target.endsWith(".xml");
        return Optional.of(new Entry(pomFile ? target : BuildReading.join(target, ROOT_POM), listedBy, module));
    }

    private static List<BuildDependency> dependencies(Found from, Map<String, Found> byCoordinates) {
        Set<BuildDependency> found = new LinkedHashSet<>();
        for (Pom.Dependency dep : from.pom().dependencies()) {
            String group = groupOf(dep.groupId(), from);
            Found target = group == null ? null : byCoordinates.get(group + ":" + dep.artifactId());
            if (target == null || target == from) {
                continue; // outside the reactor: a library, not a module
            }
            boolean tests = "test-jar".equals(dep.type()) || "tests".equals(dep.classifier());
            found.add(new BuildDependency(
                    target.pom().artifactId(), dep.scope() == null ? "compile" : dep.scope(), tests));
        }
        return List.copyOf(found);
    }

    /** A dependency's groupId as the module declares it; null when it is a property not read. */
    private static String groupOf(String given, Found from) {
        if (given == null || given.equals("${project.groupId}") || given.equals("${pom.groupId}")) {
            return from.groupId();
        }
        if (given.equals("${project.parent.groupId}") || given.equals("${parent.groupId}")) {
            return from.pom().parentGroupId();
        }
        return given.contains("${") ? null : given;
    }
}
