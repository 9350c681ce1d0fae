package dev.graphmemory.indexer.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * How near a declaration in one file is to a file that names it, as a compiler with the build's
 * source sets would see it: of several copies of one name, a reference means the nearest one.
 *
 * <p>The order, from nearest: the same build module (and within it the copy that shares the most
 * leading folders with the referring file, so the same source set before another one); then a
 * build module the referring module depends on directly, then one it depends on through others;
 * then any other copy. A copy in another module's test code is visible to nobody else (unless it
 * is a test fixture the referring module depends on), so it comes last. Without build modules the
 * shared leading folders alone decide: {@code examples/one/demo/App.java} means the
 * {@code examples/one} copy. Copies that tie for nearest are an ambiguity the caller links to
 * every candidate, flagged.
 */
public final class Nearness {
    /** Nearness by shared leading folders only (no build modules known). */
    public static final Nearness FOLDERS = new Nearness(p -> Optional.empty(), Map.of(), Map.of());

    /** A build module as nearness needs it: its name and its folder ({@code ""} for the root). */
    public record Module(String name, String folder) {}

    private final Function<String, Optional<Module>> moduleOf;
    /** Module name → modules its main code depends on, directly and then transitively. */
    private final Map<String, Reach> mainReach;
    /** Module name → modules its test code depends on (main dependencies included). */
    private final Map<String, Reach> testReach;

    /** Which modules a module's code sees: direct dependencies, all dependencies, and test fixtures. */
    public record Reach(Set<String> direct, Set<String> all, Set<String> fixtures) {}

    public Nearness(
            Function<String, Optional<Module>> moduleOf, Map<String, Reach> mainReach, Map<String, Reach> testReach) {
        this.moduleOf = moduleOf;
        this.mainReach = mainReach;
        this.testReach = testReach;
    }

    /**
     * The nearness of {@code candidate}'s copy as seen from {@code from}; higher is nearer, and
     * equal values are equally near.
     */
    public int of(String from, String candidate) {
        int shared = sharedFolders(from, candidate);
        boolean candidateTest = Copies.looksLikeTest(candidate);
        boolean fixture = isFixture(candidate);
        Optional<Module> fromModule = moduleOf.apply(from);
        Optional<Module> candidateModule = moduleOf.apply(candidate);
        int tier;
        if (fromModule.isEmpty() || candidateModule.isEmpty()) {
            tier = shared > 0 ? 4 : 0;
        } else if (fromModule.get().name().equals(candidateModule.get().name())) {
            tier = 4;
        } else {
            Reach reach = (Copies.looksLikeTest(from) ? testReach : mainReach)
                    .get(fromModule.get().name());
            String target = candidateModule.get().name();
            if (reach == null) {
                tier = 0;
            } else if (fixture && reach.fixtures().contains(target)) {
                tier = 3;
            } else if (!candidateTest && reach.direct().contains(target)) {
                tier = 3;
            } else if (!candidateTest && reach.all().contains(target)) {
                tier = 2;
            } else {
                tier = 0;
            }
        }
        // Main code before test code among equals; another module's tests are seen by nobody.
        return tier * 10_000 + Math.min(shared, 4_000) * 2 + (candidateTest && !fixture ? 0 : 1);
    }

    /** The indexes of the nearest candidates (several when they tie), as seen from {@code from}. */
    public int[] nearest(String from, List<String> candidates) {
        int best = Integer.MIN_VALUE;
        int[] found = new int[candidates.size()];
        int n = 0;
        for (int i = 0; i < candidates.size(); i++) {
            int near = of(from, candidates.get(i));
            if (near > best) {
                best = near;
                n = 0;
            }
            if (near == best) {
                found[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(found, n);
    }

    private static boolean isFixture(String path) {
        return path.contains("/testFixtures/") || path.startsWith("testFixtures/");
    }

    /** How many leading folders two repository paths share (the whole path counts as one more when equal). */
    public static int sharedFolders(String a, String b) {
        int shared = 0;
        int i = 0;
        while (true) {
            int ea = a.indexOf('/', i);
            int eb = b.indexOf('/', i);
            if (ea < 0 || ea != eb || !a.regionMatches(i, b, i, ea - i)) {
                return a.equals(b) ? shared + 1 : shared;
            }
            shared++;
            i = ea + 1;
        }
    }
}
