package dev.graphmemory.queries.picture;

import dev.graphmemory.queries.graph.RepoGraph;
import dev.graphmemory.queries.schema.Keys;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;

/**
 * How graph nodes are drawn: a code node by its shortest unique name ({@code auth/Handler.java},
 * {@code Handler#login(String)}), a document by its id and title ({@code WU-281 Fix the timeout}), a
 * commit by its short sha and subject line; its kind from its types (a module that is an entry point
 * is drawn as one, a test module as a test). One query for all the boxes a picture keeps.
 */
final class NodeLooks {
    private static final List<String> CODE = List.of("module", "class", "function", "cli_entry", "build_module");

    /** A commit's subject line is cut shorter than other labels: its box is one of many. */
    private static final int COMMIT_SUBJECT = 36;

    private final RepoGraph graph;

    NodeLooks(RepoGraph graph) {
        this.graph = graph;
    }

    /** Each node id of {@code ids} mapped to a box with its label and kind (rank and focus unset). */
    Map<String, DiagramNode> of(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Record> records = graph.read(
                "UNWIND $ids AS id MATCH (n:" + Keys.ENTITY_LABEL + " {repo: $repo, id: id})"
                        + " RETURN n.id AS id, n." + Keys.TYPES + " AS types, n." + Keys.KEY + " AS key, n."
                        + Keys.TITLE + " AS title, n." + Keys.NAME + " AS name, n." + Keys.MESSAGE + " AS message, n."
                        + Keys.IS_TEST + " AS test",
                Map.of("ids", List.copyOf(ids)));
        List<String> code = new ArrayList<>();
        Map<String, Record> byId = new HashMap<>();
        for (Record r : records) {
            String id = r.get("id").asString();
            byId.put(id, r);
            if (CODE.contains(kind(r))) {
                code.add(id);
            }
        }
        Map<String, String> shortNames = ShortNames.of(code);
        Map<String, DiagramNode> out = new HashMap<>();
        byId.forEach((id, r) -> {
            String kind = kind(r);
            String label = shortNames.containsKey(id) ? shortNames.get(id) : documentLabel(id, kind, r);
            if (kind.equals("module") && r.get("test").asBoolean(false)) {
                kind = "test";
            }
            out.put(id, DiagramNode.of(id, label, kind));
        });
        return out;
    }

    private static String kind(Record r) {
        List<Object> types =
                r.get("types").isNull() ? List.of() : r.get("types").asList();
        if (types.contains("cli_entry")) {
            return "cli_entry";
        }
        return types.isEmpty() ? "module" : String.valueOf(types.get(0));
    }

    private static String documentLabel(String id, String kind, Record r) {
        String key = r.get("key").isNull()
                ? ShortNames.withoutIdPrefix(id)
                : r.get("key").asString();
        if (kind.equals("commit")) {
            String message = r.get("message").isNull() ? "" : r.get("message").asString();
            int end = message.indexOf('\n');
            String subject = end < 0 ? message : message.substring(0, end);
            if (subject.length() > COMMIT_SUBJECT) {
                subject = subject.substring(0, COMMIT_SUBJECT - 1) + "…";
            }
            return key.substring(0, Math.min(8, key.length())) + " " + subject;
        }
        String title = r.get("title").isNull() ? null : r.get("title").asString();
        if (title == null) {
            title = r.get("name").isNull() ? "" : r.get("name").asString();
        }
        return title.isEmpty() || title.equals(key) ? key : key + " " + title;
    }
}
