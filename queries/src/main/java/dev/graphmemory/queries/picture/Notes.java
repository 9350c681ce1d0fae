package dev.graphmemory.queries.picture;

import java.util.ArrayList;
import java.util.List;

/** The comment lines a picture carries: what the cap left out and how to see it. */
final class Notes {
    private Notes() {}

    /**
     * @param narrower what the caller can narrow to see the rest in detail, e.g. {@code depth or relationship}
     */
    static List<String> of(Diagram capped, boolean truncated, String narrower) {
        List<String> notes = new ArrayList<>();
        if (capped.hidden() > 0) {
            notes.add(capped.hidden() + " more not drawn (the '+" + capped.hidden() + " more' box); raise max_boxes or"
                    + " narrow the " + narrower);
        }
        if (truncated) {
            notes.add("the walk stopped at " + NeighborsPicture.MAX_WALK + " nodes; there are more");
        }
        return notes;
    }
}
