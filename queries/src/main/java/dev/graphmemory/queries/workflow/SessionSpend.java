package dev.graphmemory.queries.workflow;

import dev.graphmemory.queries.graph.RepoGraph;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neo4j.driver.Record;

/**
 * What agent sessions already spent on a work unit or bug: the sessions {@code WORKED_ON} it and
 * their weighted tokens, each with its subagents'. Duplicate evidence shows it, so a planner sees
 * what repeating the work would cost.
 *
 * @param sessions main sessions that worked on it
 * @param weightedTokens their weighted tokens with their subagents' (input-token equivalents)
 */
public record SessionSpend(long sessions, long weightedTokens) {
    private static final String QUERY = "MATCH (s:Session {repo: $repo})-[:WORKED_ON]->(w:Entity {repo: $repo})"
            + " WHERE w.id IN $ids"
            + " OPTIONAL MATCH (s)-[:SPAWNED]->(sub:Session)"
            + " WITH w, s, coalesce(s.weighted_tokens, 0) + coalesce(sum(sub.weighted_tokens), 0) AS spent"
            + " RETURN w.id AS id, count(s) AS sessions, sum(spent) AS tokens";

    /** The spend on each of these node ids that sessions worked on; ids without sessions are absent. */
    public static Map<String, SessionSpend> of(RepoGraph graph, Collection<String> ids) {
        Map<String, SessionSpend> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        for (Record r : graph.read(QUERY, Map.of("ids", List.copyOf(ids)))) {
            out.put(
                    r.get("id").asString(),
                    new SessionSpend(r.get("sessions").asLong(), r.get("tokens").asLong()));
        }
        return out;
    }

    /** For people: {@code 2 sessions, 3.1M tokens spent on it}. */
    public String summary() {
        return sessions + (sessions == 1 ? " session, " : " sessions, ") + tokens(weightedTokens)
                + " tokens spent on it";
    }

    static String tokens(long n) {
        if (n >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1fM", n / 1e6);
        }
        if (n >= 1_000) {
            return String.format(Locale.ROOT, "%.1fK", n / 1e3);
        }
        return Long.toString(n);
    }
}
