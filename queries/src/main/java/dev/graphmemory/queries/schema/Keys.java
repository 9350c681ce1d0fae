package dev.graphmemory.queries.schema;

import java.util.Set;

/** Property keys that queries and planner scripts rely on. */
public final class Keys {
    private Keys() {}

    /** The label every graph-memory node carries besides its type labels. */
    public static final String ENTITY_LABEL = "Entity";
    /** The label of the one bookkeeping node per repository (indexed commit, last run). */
    public static final String STATE_LABEL = "IndexState";

    public static final String REPO = "repo";
    public static final String ID = "id";
    public static final String KEY = "key";
    public static final String SCHEMA = "schema";
    public static final String TYPE = "type";
    public static final String TYPES = "types";
    public static final String NAME = "name";

    public static final String PATH = "path";
    public static final String LANGUAGE = "language";
    public static final String PACKAGE = "package";
    public static final String LINES = "lines";
    public static final String HASH = "hash";
    public static final String IS_TEST = "is_test";
    public static final String PARSE_OK = "parse_ok";
    public static final String PARSE_ERROR = "parse_error";
    public static final String MISSING = "missing";
    /** On a module node that stands for a package outside the repository (key {@code external:<ecosystem>/<name>}). */
    public static final String EXTERNAL = "external";

    public static final String ENTRY_KINDS = "entry_kinds";

    public static final String QUALIFIED_NAME = "qualified_name";
    public static final String KIND = "kind";
    public static final String LINE_START = "line_start";
    public static final String LINE_END = "line_end";
    public static final String SIGNATURE = "signature";
    public static final String CALLS = "calls";

    public static final String SHA = "sha";
    public static final String MESSAGE = "message";
    public static final String TIME = "time";
    public static final String AUTHOR = "author";

    public static final String TITLE = "title";
    public static final String OBJECTIVE = "objective";
    public static final String STATUS = "status";

    /** A work unit's or bug's sentence embedding (a list of floats), for the vector index. */
    public static final String EMBEDDING = "embedding";
    /** The model that made {@link #EMBEDDING}; a vector of another model is never compared. */
    public static final String EMBEDDING_MODEL = "embedding_model";

    /**
     * Keys the indexer owns (the first six on every node); a document's frontmatter cannot overwrite
     * them, and {@code fields: ["*"]} does not show them.
     */
    public static final Set<String> RESERVED = Set.of(REPO, ID, KEY, SCHEMA, TYPE, TYPES, EMBEDDING, EMBEDDING_MODEL);

    /** Keys left out of the fingerprint: they depend on where the repository is, not what it holds. */
    public static final Set<String> NOT_FINGERPRINTED = Set.of(REPO);
}
