package dev.graphmemory.queries.workflow.gaps;

import java.util.List;

/**
 * A code module of the repository as gap detection sees it.
 *
 * @param index its position in {@link CodeGraph#modules()}
 * @param id its node id
 * @param path its repository-relative path
 * @param language {@code java}, {@code python}, {@code typescript}, {@code javascript}
 * @param pkg its package (Java) or {@code null}
 * @param test whether it is test code
 * @param entryKinds the entry point kinds the indexer found ({@code main}, {@code service_loader}, ...)
 * @param parseOk whether the file parsed (its edges may be missing when not)
 */
record CodeModule(
        int index,
        String id,
        String path,
        String language,
        String pkg,
        boolean test,
        List<String> entryKinds,
        boolean parseOk) {
    CodeModule {
        entryKinds = List.copyOf(entryKinds);
    }

    /** The folder the module lies in, {@code ""} at the root. */
    String folder() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** The file name without its extension. */
    String stem() {
        String file = path.substring(path.lastIndexOf('/') + 1);
        int dot = file.indexOf('.');
        return dot <= 0 ? file : file.substring(0, dot);
    }
}
