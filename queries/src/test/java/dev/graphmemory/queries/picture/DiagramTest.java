package dev.graphmemory.queries.picture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The format-free model: capping, ordering, merging and cycle marking. */
class DiagramTest {
    private static List<DiagramNode> modules(int n) {
        List<DiagramNode> nodes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            nodes.add(DiagramNode.of("m" + (100 + i), "M" + i, "module"));
        }
        return nodes;
    }

    @Test
    void capKeepsTheFirstBoxesByRankAndFoldsTheRestIntoOneMoreBoxThatTakesTheirArrows() {
        List<DiagramNode> nodes = new ArrayList<>(modules(60));
        nodes.add(new DiagramNode("z-focus", "Focus", "module", 0, true));
        List<DiagramEdge> edges = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            edges.add(DiagramEdge.of("z-focus", "m" + (100 + i), "IMPORTS"));
        }
        edges.add(DiagramEdge.of("m150", "m151", "IMPORTS"));

        Diagram capped = Diagram.of("t", nodes, edges).capped(40);

        assertThat(capped.boxes()).isEqualTo(40);
        assertThat(capped.hidden()).isEqualTo(22);
        assertThat(capped.nodes().get(0).key()).isEqualTo("z-focus");
        DiagramNode more = capped.nodes().get(39);
        assertThat(more.kind()).isEqualTo(DiagramNode.MORE);
        assertThat(more.label()).isEqualTo("+22 more");
        // 38 kept arrows and one from the focus to the 22 left out, counting them; m150 -> m151 is gone.
        assertThat(capped.edges()).hasSize(39);
        assertThat(capped.edges())
                .filteredOn(e -> e.to().equals(more.key()))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.weight()).isEqualTo(22);
                    assertThat(e.caption()).isEqualTo("IMPORTS ×22");
                });
    }

    @Test
    void aDiagramWithinTheCapIsLeftAsItIs() {
        Diagram d = Diagram.of("t", modules(40), List.of());
        assertThat(d.capped(40)).isSameAs(d);
    }

    @Test
    void cappingTwiceCountsEveryBoxLeftOut() {
        Diagram twice = Diagram.of("t", modules(100), List.of()).capped(50).capped(10);
        assertThat(twice.hidden()).isEqualTo(91);
        assertThat(twice.nodes().get(9).label()).isEqualTo("+91 more");
    }

    @Test
    void orderDoesNotDependOnTheOrderTheBoxesAndArrowsWereFound() {
        List<DiagramNode> nodes = modules(30);
        List<DiagramEdge> edges = new ArrayList<>();
        for (int i = 0; i < 29; i++) {
            edges.add(DiagramEdge.of("m" + (100 + i), "m" + (101 + i), "IMPORTS"));
        }
        Diagram a = Diagram.of("t", nodes, edges);
        List<DiagramNode> shuffledNodes = new ArrayList<>(nodes);
        List<DiagramEdge> shuffledEdges = new ArrayList<>(edges);
        Collections.shuffle(shuffledNodes, new Random(7));
        Collections.shuffle(shuffledEdges, new Random(7));
        Diagram b = Diagram.of("t", shuffledNodes, shuffledEdges);
        for (Format f : Format.values()) {
            assertThat(f.write(b.capped(10), List.of())).isEqualTo(f.write(a.capped(10), List.of()));
        }
    }

    @Test
    void arrowsWithTheSameEndsAndLabelAreMergedIntoOneThatCountsThem() {
        Diagram d = Diagram.of(
                "t",
                modules(2),
                List.of(
                        DiagramEdge.of("m100", "m101", ""),
                        DiagramEdge.of("m100", "m101", ""),
                        new DiagramEdge("m100", "m101", "", 3, false, false),
                        DiagramEdge.of("m100", "m101", "CALLS")));
        assertThat(d.edges()).extracting(DiagramEdge::caption).containsExactly("5", "CALLS");
    }

    @Test
    void marksTheArrowsOfEachCycleAndNoOther() {
        // a -> b -> c -> a is a cycle, c -> d and d -> e are not; e <-> f is a second cycle.
        List<DiagramNode> nodes = List.of(
                DiagramNode.of("a", "a", "folder"),
                DiagramNode.of("b", "b", "folder"),
                DiagramNode.of("c", "c", "folder"),
                DiagramNode.of("d", "d", "folder"),
                DiagramNode.of("e", "e", "folder"),
                DiagramNode.of("f", "f", "folder"));
        List<DiagramEdge> edges = List.of(
                DiagramEdge.of("a", "b", ""),
                DiagramEdge.of("b", "c", ""),
                DiagramEdge.of("c", "a", ""),
                DiagramEdge.of("c", "d", ""),
                DiagramEdge.of("d", "e", ""),
                DiagramEdge.of("e", "f", ""),
                DiagramEdge.of("f", "e", ""),
                new DiagramEdge("d", "c", "suggested", 1, true, false));
        Diagram d = Diagram.of("t", nodes, edges).withCycles();
        assertThat(d.edges().stream().filter(DiagramEdge::cycle).map(e -> e.from() + e.to()))
                .containsExactly("ab", "bc", "ca", "ef", "fe");
        assertThat(d.cycleEdges()).isEqualTo(5);
    }

    @Test
    void findsCyclesInALongChainWithoutRunningOutOfStack() {
        List<DiagramNode> nodes = modules(20_000);
        List<DiagramEdge> edges = new ArrayList<>();
        for (int i = 0; i < 19_999; i++) {
            edges.add(DiagramEdge.of("m" + (100 + i), "m" + (101 + i), ""));
        }
        edges.add(DiagramEdge.of("m" + (100 + 19_999), "m100", ""));
        assertThat(Diagram.of("t", nodes, edges).withCycles().cycleEdges()).isEqualTo(20_000);
    }

    @Test
    void refusesAnArrowToABoxItDoesNotHoldAndTwoBoxesWithOneKey() {
        assertThatThrownBy(() -> Diagram.of("t", modules(1), List.of(DiagramEdge.of("m100", "nope", ""))))
                .hasMessageContaining("nope");
        assertThatThrownBy(() ->
                        Diagram.of("t", List.of(modules(1).get(0), modules(1).get(0)), List.of()))
                .hasMessageContaining("m100");
    }
}
