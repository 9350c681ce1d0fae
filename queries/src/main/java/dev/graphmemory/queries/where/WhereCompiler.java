package dev.graphmemory.queries.where;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compiles a where-filter, a JSON object such as
 * {@code {"$or": [{"path": {"$contains": "_runner"}}, {"path": {"$endsWith": "/cli.py"}}]}}, into a boolean
 * Cypher expression over one node variable, with every value a parameter.
 *
 * <p>The language. {@code $and} and {@code $or} take a non-empty array of filters, {@code $not} a filter;
 * several keys in one object are an implicit AND. A property key takes a plain value (equality; {@code null}
 * means the property is absent) or an object of operators, all of which must hold: {@code $eq}, {@code $ne},
 * {@code $in}, {@code $nin}, {@code $contains} (substring, ignoring case), {@code $startsWith},
 * {@code $endsWith}, {@code $regex} (Java syntax, matched against the whole string), {@code $gt},
 * {@code $gte}, {@code $lt}, {@code $lte} (numbers or strings), {@code $exists} (boolean), and {@code $not}
 * (an object of operators). On a property that holds a list, an operator matches when any element matches,
 * except that a list value (as in {@code {"types": ["a", "b"]}}) means the whole list equals it. A condition on
 * an absent property is false, and {@code $not}, {@code $ne} and {@code $nin} are exact complements, so they
 * match nodes without the property.
 *
 * <p>Design notes. Caller input never becomes Cypher text: property keys must be plain identifiers in the
 * allowlist given here (and are backquoted all the same), operators come from a fixed set, values become
 * {@code $w0, $w1, ...} parameters. Nesting and size are limited so that a hostile filter cannot exhaust the
 * stack or build a huge query. A {@code $regex} pattern is checked for syntax but not for cost: run filtered
 * queries with a transaction timeout. Instances are immutable and thread-safe; {@code with...} methods
 * return copies.
 */
public final class WhereCompiler {
    /** Default limit on nested {@code $and}, {@code $or} and {@code $not}. */
    public static final int DEFAULT_MAX_DEPTH = 32;
    /** Default limit on keys, operators and array elements of logical operators in one filter. */
    public static final int DEFAULT_MAX_CONDITIONS = 500;
    /** Default prefix of parameter names: {@code w0, w1, ...}. */
    public static final String DEFAULT_PARAM_PREFIX = "w";

    /**
     * Keys the indexer always writes as single values (never lists): equality and prefix filters
     * on them compile to plain comparisons that indexes answer, instead of the list-aware form.
     * Frontmatter keys are not here: a document may hold a list under any of them.
     */
    public static final java.util.Set<String> SCALAR_KEYS = java.util.Set.of(
            "id",
            "key",
            "name",
            "path",
            "schema",
            "type",
            "language",
            "package",
            "qualified_name",
            "kind",
            "signature",
            "sha");

    static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final SortedSet<String> allowedKeys;
    private final Listing listing;
    private final String paramPrefix;
    private final int maxDepth;
    private final int maxConditions;

    /**
     * A compiler that accepts the given property keys.
     *
     * @throws IllegalArgumentException if a key is not a plain identifier ({@code [A-Za-z_][A-Za-z0-9_]*})
     */
    public WhereCompiler(Set<String> allowedKeys) {
        this(sortedCopy(allowedKeys), null, DEFAULT_PARAM_PREFIX, DEFAULT_MAX_DEPTH, DEFAULT_MAX_CONDITIONS);
    }

    /**
     * What an unknown-key message lists: the keys the filtered nodes carry ({@code what}, e.g.
     * {@code "module nodes"}) rather than every key of the graph, which costs a reader 150 tokens.
     */
    record Listing(String what, SortedSet<String> keys) {}

    private WhereCompiler(
            SortedSet<String> allowedKeys, Listing listing, String paramPrefix, int maxDepth, int maxConditions) {
        this.allowedKeys = allowedKeys;
        this.listing = listing;
        this.paramPrefix = paramPrefix;
        this.maxDepth = maxDepth;
        this.maxConditions = maxConditions;
    }

    /**
     * A copy that names parameters {@code <prefix>0, <prefix>1, ...}, so that two filters can share a query.
     *
     * @throws IllegalArgumentException if the prefix is not a plain identifier
     */
    public WhereCompiler withParamPrefix(String prefix) {
        return new WhereCompiler(allowedKeys, listing, identifier("parameter prefix", prefix), maxDepth, maxConditions);
    }

    /**
     * A copy with other limits on nesting and on the number of conditions.
     *
     * @throws IllegalArgumentException if a limit is below 1
     */
    public WhereCompiler withLimits(int maxDepth, int maxConditions) {
        if (maxDepth < 1 || maxConditions < 1) {
            throw new IllegalArgumentException(
                    "limits must be at least 1, got maxDepth " + maxDepth + " and maxConditions " + maxConditions);
        }
        return new WhereCompiler(allowedKeys, listing, paramPrefix, maxDepth, maxConditions);
    }

    /**
     * A copy whose error messages list the keys the filtered nodes carry (those of {@code keys} it
     * accepts), named as {@code what} (e.g. {@code "module nodes"}), instead of every accepted key;
     * a misspelt key is still matched against every accepted key. An empty {@code keys} keeps the full list.
     */
    public WhereCompiler listingKeysOf(String what, Set<String> keys) {
        SortedSet<String> carried = new TreeSet<>(keys);
        carried.retainAll(allowedKeys);
        Listing l = carried.isEmpty() ? null : new Listing(what, Collections.unmodifiableSortedSet(carried));
        return new WhereCompiler(allowedKeys, l, paramPrefix, maxDepth, maxConditions);
    }

    /**
     * Compiles a filter given as JSON text; {@code null} or blank text matches everything.
     *
     * @param nodeVar the Cypher variable the expression tests, e.g. {@code n}
     * @throws WhereException if the text is not JSON or the filter is not valid
     */
    public CompiledWhere compile(String filterJson, String nodeVar) {
        if (filterJson == null || filterJson.isBlank()) {
            return compile((JsonNode) null, nodeVar);
        }
        JsonNode filter;
        try {
            filter = JSON.readTree(filterJson);
        } catch (JacksonException e) {
            TokenStreamLocation where = e.getLocation();
            String location =
                    where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
            throw new WhereException("", "the where-filter is not valid JSON: " + e.getOriginalMessage() + location);
        }
        return compile(filter, nodeVar);
    }

    /**
     * Compiles a filter; {@code null}, JSON {@code null} and {@code {}} match everything.
     *
     * @param nodeVar the Cypher variable the expression tests, e.g. {@code n}
     * @throws WhereException if the filter is not valid; the message says what and where
     * @throws IllegalArgumentException if {@code nodeVar} is not a plain identifier
     */
    public CompiledWhere compile(JsonNode filter, String nodeVar) {
        identifier("node variable", nodeVar);
        if (filter == null || filter.isNull() || filter.isMissingNode()) {
            return new CompiledWhere(CompiledWhere.MATCH_ALL, Map.of());
        }
        if (!filter.isObject()) {
            throw new WhereException("", "a where-filter is a JSON object, got " + Messages.describe(filter));
        }
        return new Compilation(this, nodeVar).run(filter);
    }

    /** The property keys a filter may use, sorted. */
    public SortedSet<String> allowedKeys() {
        return allowedKeys;
    }

    /** What error messages list as the keys to use: the filtered nodes' keys, or every accepted key. */
    String listedKeys() {
        return listing == null
                ? "valid keys: " + Messages.list(allowedKeys)
                : "keys " + listing.what() + " carry: " + Messages.list(listing.keys());
    }

    /** The prefix of parameter names. */
    public String paramPrefix() {
        return paramPrefix;
    }

    /** The limit on nested {@code $and}, {@code $or} and {@code $not}. */
    public int maxDepth() {
        return maxDepth;
    }

    /** The limit on keys, operators and array elements of logical operators in one filter. */
    public int maxConditions() {
        return maxConditions;
    }

    private static SortedSet<String> sortedCopy(Set<String> keys) {
        SortedSet<String> copy = new TreeSet<>();
        for (String key : Objects.requireNonNull(keys, "allowedKeys")) {
            copy.add(identifier("allowed property key", key));
        }
        return Collections.unmodifiableSortedSet(copy);
    }

    private static String identifier(String role, String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "the " + role + " must be a plain identifier ([A-Za-z_][A-Za-z0-9_]*), got "
                            + (name == null ? "null" : Messages.quote(name)));
        }
        return name;
    }
}
