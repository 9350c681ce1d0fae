package dev.graphmemory.indexer.lang;

import java.util.List;

/**
 * A reference, found in code, to a file run as a program: the path as far as static evaluation
 * could build it, anchored where the code anchors it.
 *
 * @param anchor what the segments are relative to
 * @param up for {@link Anchor#FILE_DIR}, how many parents above the source file's directory; for
 *     {@link Anchor#ANY_ANCESTOR}, the lowest such count
 * @param segments path segments after the anchor (never {@code .} or {@code ..})
 * @param module for {@link Anchor#MODULE}, the dotted module name ({@code python -m pkg.mod})
 * @param line the line of the call that runs it
 */
public record ScriptRef(Anchor anchor, int up, List<String> segments, String module, int line)
        implements java.io.Serializable {
    public ScriptRef {
        segments = List.copyOf(segments);
    }

    /** What a reference's segments are relative to. */
    public enum Anchor {
        /** The source file itself ({@code __file__}). */
        FILE,
        /** The source file's directory, {@code up} levels higher. */
        FILE_DIR,
        /** Any ancestor of the source file's directory (a fallback chain over the parents). */
        ANY_ANCESTOR,
        /** The working directory: a repository-relative path, or a tail to match. */
        CWD,
        /** A module run by name. */
        MODULE
    }
}
