package dev.graphmemory.queries.workflow;

import dev.graphmemory.queries.find.ToolException;
import dev.graphmemory.queries.graph.RepoGraph;
import dev.graphmemory.queries.schema.SessionKeys;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * What agent sessions cost, grouped by work unit, session, day, model or file: the answer of the
 * {@code session_cost} tool and the {@code cost} command.
 *
 * <p>A session's cost counts its subagents' in the groupings by session and by work unit (a subagent
 * works for its parent); by day and by model each transcript counts under its own start day and
 * models (a transcript answered by several models is grouped under their combination, since its
 * tokens are not split per model). A session that worked on two work units counts in both rows.
 * By file, a row is the {@code READ}s of one module: how many, by how many sessions, and the
 * estimated tokens their results took. A row is an outlier when its weighted tokens exceed three
 * times the median of the rows of its work-unit tier (by session: the tier of a work unit the session
 * worked on; by work unit: its own; rows without a tier, and every row of the other groupings, are
 * compared with each other).
 */
public final class SessionCost {
    public static final List<String> GROUPINGS = List.of("work_unit", "session", "day", "model", "file");
    public static final int DEFAULT_LIMIT = 25;
    public static final int MAX_LIMIT = 200;
    public static final double OUTLIER_FACTOR = 3.0;

    private static final String SESSIONS = "MATCH (s:Session {repo: $repo})"
            + " OPTIONAL MATCH (p:Session {repo: $repo})-[:SPAWNED]->(s)"
            + " OPTIONAL MATCH (s)-[:WORKED_ON]->(w:WorkUnit)"
            + " RETURN s.id AS id, s.subagent AS subagent, p.id AS parent, s.start AS start, s.day AS day,"
            + " s.models AS models, s.api_calls AS api_calls, s.input_tokens AS input,"
            + " s.output_tokens AS output, s.cache_read_tokens AS cache_read,"
            + " s.cache_creation_tokens AS cache_creation, s.weighted_tokens AS weighted,"
            + " collect(DISTINCT {id: w.id, tier: w.tier}) AS work_units";
    private static final String READS = "MATCH (s:Session {repo: $repo})-[r:READ]->(m:Module)"
            + " RETURN m.path AS path, s.id AS session, s.start AS start, r.count AS count, r.tokens AS tokens";

    private final RepoGraph graph;

    public SessionCost(RepoGraph graph) {
        this.graph = graph;
    }

    /**
     * One question.
     *
     * @param by one of {@link #GROUPINGS}
     * @param since keep sessions that started on or after this ISO day or instant, or null
     * @param until keep sessions that started on or before this ISO day or instant, or null
     */
    public record Request(String by, String since, String until, Integer limit, String cursor) {}

    /** Runs the question; the answer holds {@code by}, {@code rows}, {@code total}, {@code next_cursor} and totals. */
    public Map<String, Object> run(Request req) {
        String by = req.by() == null ? "session" : req.by().toLowerCase(Locale.ROOT);
        if (!GROUPINGS.contains(by)) {
            throw new ToolException("by: expected one of " + GROUPINGS + ", got '" + req.by() + "'");
        }
        int limit = req.limit() == null ? DEFAULT_LIMIT : req.limit();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ToolException("limit must be from 1 to " + MAX_LIMIT + ", was " + limit);
        }
        int offset = offset(req.cursor(), by);
        List<Map<String, Object>> rows = by.equals("file") ? byFile(req) : byTokens(by, req);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("by", by);
        out.put("rows", rows.subList(Math.min(offset, rows.size()), Math.min(offset + limit, rows.size())));
        out.put("total", rows.size());
        out.put("next_cursor", offset + limit < rows.size() ? cursor(by, offset + limit) : null);
        return out;
    }

    private record Transcript(
            String id,
            boolean subagent,
            String parent,
            String start,
            String day,
            List<String> models,
            long[] tokens,
            List<String> workUnits,
            Map<String, String> tiers) {

        /** The tier of a work unit this transcript worked on (the first by id), or null. */
        String tier() {
            return workUnits.stream()
                    .map(tiers::get)
                    .filter(t -> t != null)
                    .findFirst()
                    .orElse(null);
        }
    }

    private List<Map<String, Object>> byTokens(String by, Request req) {
        List<Transcript> all = new ArrayList<>();
        for (Record r : graph.read(SESSIONS, Map.of())) {
            all.add(new Transcript(
                    r.get("id").asString(),
                    r.get("subagent").asBoolean(false),
                    r.get("parent").isNull() ? null : r.get("parent").asString(),
                    r.get("start").isNull() ? "" : r.get("start").asString(),
                    r.get("day").isNull() ? "unknown" : r.get("day").asString(),
                    r.get("models").isNull() ? List.of() : r.get("models").asList(Value::asString),
                    new long[] {
                        r.get("api_calls").asLong(0),
                        r.get("input").asLong(0),
                        r.get("output").asLong(0),
                        r.get("cache_read").asLong(0),
                        r.get("cache_creation").asLong(0),
                        r.get("weighted").asLong(0)
                    },
                    workUnits(r.get("work_units")),
                    tiers(r.get("work_units"))));
        }
        Map<String, Transcript> byId = new HashMap<>();
        all.forEach(t -> byId.put(t.id(), t));
        Map<String, Group> groups = new TreeMap<>();
        for (Transcript t : all) {
            // A subagent counts under its parent's session and work units, and is kept or left out with it.
            Transcript owner =
                    t.subagent() && t.parent() != null && byId.containsKey(t.parent()) ? byId.get(t.parent()) : t;
            boolean own = by.equals("day") || by.equals("model");
            if (!inRange((own ? t : owner).start(), req.since(), req.until())) {
                continue;
            }
            List<String> keys =
                    switch (by) {
                        case "session" -> List.of(owner.id());
                        case "work_unit" -> owner.workUnits().isEmpty() ? List.of("(none)") : owner.workUnits();
                        case "day" -> List.of(t.day());
                        default -> List.of(t.models().isEmpty() ? "(unknown)" : String.join("+", t.models()));
                    };
            for (String key : keys) {
                Group g = groups.computeIfAbsent(key, Group::new);
                g.add(t, owner.id());
                if (by.equals("session")) {
                    g.tier = owner.tier();
                } else if (by.equals("work_unit")) {
                    g.tier = owner.tiers().get(key);
                }
            }
        }
        Map<String, Long> weighted = new HashMap<>();
        Map<String, String> tiers = new HashMap<>();
        groups.values().forEach(g -> {
            weighted.put(g.key, g.sums[5]);
            tiers.put(g.key, g.tier);
        });
        java.util.Set<String> outliers = outliers(weighted, tiers);
        List<Map<String, Object>> rows = new ArrayList<>();
        groups.values().stream()
                .sorted(Comparator.comparingLong((Group g) -> -g.sums[5]).thenComparing(g -> g.key))
                .forEach(g -> rows.add(g.row(outliers.contains(g.key))));
        return rows;
    }

    /**
     * The keys whose value exceeds {@link #OUTLIER_FACTOR} times the median of the values of the same
     * tier ({@code tiers} maps a key to its tier; a missing or null tier is a tier of its own).
     */
    static java.util.Set<String> outliers(Map<String, Long> values, Map<String, String> tiers) {
        Map<String, List<Long>> byTier = new HashMap<>();
        values.forEach((key, v) -> byTier.computeIfAbsent(String.valueOf(tiers.get(key)), t -> new ArrayList<>())
                .add(v));
        Map<String, Double> medians = new HashMap<>();
        byTier.forEach((tier, list) -> medians.put(tier, median(list)));
        java.util.Set<String> out = new java.util.TreeSet<>();
        values.forEach((key, v) -> {
            double median = medians.get(String.valueOf(tiers.get(key)));
            if (median > 0 && v > OUTLIER_FACTOR * median) {
                out.add(key);
            }
        });
        return out;
    }

    private static List<String> workUnits(Value list) {
        List<String> ids = new ArrayList<>();
        list.asList(v -> v).forEach(v -> {
            if (!v.get("id").isNull()) {
                ids.add(v.get("id").asString());
            }
        });
        ids.sort(null);
        return ids;
    }

    private static Map<String, String> tiers(Value list) {
        Map<String, String> tiers = new HashMap<>();
        list.asList(v -> v).forEach(v -> {
            if (!v.get("id").isNull() && !v.get("tier").isNull()) {
                tiers.put(v.get("id").asString(), String.valueOf(v.get("tier").asObject()));
            }
        });
        return tiers;
    }

    /** The sums of one row: api calls, input, output, cache read, cache creation, weighted. */
    private static final class Group {
        final String key;
        final long[] sums = new long[6];
        final java.util.Set<String> sessions = new java.util.HashSet<>();
        String tier;

        Group(String key) {
            this.key = key;
        }

        void add(Transcript t, String session) {
            for (int i = 0; i < sums.length; i++) {
                sums[i] += t.tokens()[i];
            }
            sessions.add(session);
        }

        Map<String, Object> row(boolean outlier) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", key);
            if (tier != null) {
                row.put("tier", tier);
            }
            row.put("sessions", sessions.size());
            row.put(SessionKeys.API_CALLS, sums[0]);
            row.put(SessionKeys.INPUT_TOKENS, sums[1]);
            row.put(SessionKeys.OUTPUT_TOKENS, sums[2]);
            row.put(SessionKeys.CACHE_READ_TOKENS, sums[3]);
            row.put(SessionKeys.CACHE_CREATION_TOKENS, sums[4]);
            row.put(SessionKeys.WEIGHTED_TOKENS, sums[5]);
            long in = sums[1] + sums[3] + sums[4];
            row.put("cached_share", in == 0 ? 0.0 : Math.round(1000.0 * sums[3] / in) / 1000.0);
            if (outlier) {
                row.put("outlier", true);
            }
            return row;
        }
    }

    private List<Map<String, Object>> byFile(Request req) {
        Map<String, long[]> files = new TreeMap<>();
        Map<String, java.util.Set<String>> sessions = new HashMap<>();
        for (Record r : graph.read(READS, Map.of())) {
            String start = r.get("start").isNull() ? "" : r.get("start").asString();
            if (!inRange(start, req.since(), req.until())) {
                continue;
            }
            String path = r.get("path").asString();
            long[] f = files.computeIfAbsent(path, k -> new long[2]);
            f[0] += r.get("count").asLong(0);
            f[1] += r.get("tokens").asLong(0);
            sessions.computeIfAbsent(path, k -> new java.util.HashSet<>())
                    .add(r.get("session").asString());
        }
        double median = median(files.values().stream().map(f -> f[1]).toList());
        List<Map<String, Object>> rows = new ArrayList<>();
        files.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[1])
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("key", e.getKey());
                    row.put("sessions", sessions.get(e.getKey()).size());
                    row.put("reads", e.getValue()[0]);
                    row.put("read_tokens", e.getValue()[1]);
                    if (median > 0 && e.getValue()[1] > OUTLIER_FACTOR * median) {
                        row.put("outlier", true);
                    }
                    rows.add(row);
                });
        return rows;
    }

    /** Whether an ISO start instant lies within the days or instants given (either may be null). */
    static boolean inRange(String start, String since, String until) {
        if (since != null && start.compareTo(since) < 0) {
            return false;
        }
        return until == null
                || start.substring(0, Math.min(start.length(), until.length())).compareTo(until) <= 0;
    }

    static double median(List<Long> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    /** A plain-text cursor, {@code cost:<by>:<offset>}: a few tokens, where Base64 would cost more. */
    private static String cursor(String by, int offset) {
        return "cost:" + by + ":" + offset;
    }

    private static int offset(String cursor, String by) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        String[] parts = cursor.split(":");
        if (parts.length == 3 && parts[0].equals("cost") && parts[1].equals(by) && parts[2].matches("\\d{1,9}")) {
            return Integer.parseInt(parts[2]);
        }
        throw new ToolException("cursor: not a next_cursor of a session_cost answer by " + by
                + "; repeat the same question without a cursor");
    }
}
