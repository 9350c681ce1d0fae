package dev.graphmemory.queries.where;

import java.util.List;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Random where-filters for fuzzing, from a seeded {@link Random}: mostly well-formed, with wrong keys,
 * operators, value types and shapes mixed in, and now and then one too deep or too large.
 */
final class RandomFilters {
    /** Keys the fuzzed nodes carry, each in several shapes (see {@code WhereFuzzIT}). */
    static final List<String> VALID_KEYS = List.of("path", "name", "lines", "is_test", "tags", "sizes");

    private static final List<String> BAD_KEYS = List.of(
            "pth", "Path", "nme", "path) DETACH DELETE n //", "pa`th", "", "päth", "$path", "1x", "n.path", "x\u0000");
    private static final List<String> OPERATORS = List.of(
            "$eq",
            "$ne",
            "$in",
            "$nin",
            "$contains",
            "$startsWith",
            "$endsWith",
            "$regex",
            "$gt",
            "$gte",
            "$lt",
            "$lte",
            "$exists",
            "$not");
    private static final List<String> BAD_OPERATORS =
            List.of("$contain", "$foo", "$AND", "$or", "$and", "eq", "$", "$in ");
    private static final List<String> STRINGS = List.of(
            "a", "src/", ".py", "Runner", "CLI", "", "x' OR 1=1 //", "\\", "\"", "`", "ü", "日本", "%", "$w0", "null");
    private static final List<String> REGEXES =
            List.of(".*", "(?i).*run.*", "src/.*", "[a-z]+", "(", "[", "*a", "\\", "a{2,1}", ".*\\.py");
    private static final JsonNodeFactory NODES = JsonMapper.shared().getNodeFactory();

    private final Random random;

    RandomFilters(long seed) {
        this.random = new Random(seed);
    }

    /** The next filter: an object, occasionally a pathological one. */
    ObjectNode next() {
        int roll = random.nextInt(200);
        if (roll == 0) {
            return deep(30 + random.nextInt(10));
        }
        if (roll == 1) {
            return wide(480 + random.nextInt(40));
        }
        return filter(0);
    }

    private ObjectNode filter(int depth) {
        ObjectNode filter = NODES.objectNode();
        int members = random.nextInt(depth == 0 ? 4 : 3);
        for (int i = 0; i < members; i++) {
            if (depth < 4 && random.nextInt(4) == 0) {
                logical(filter, depth);
            } else {
                filter.set(key(), fieldValue());
            }
        }
        return filter;
    }

    private void logical(ObjectNode filter, int depth) {
        switch (random.nextInt(3)) {
            case 0, 1 -> {
                String op = random.nextBoolean() ? "$and" : "$or";
                if (random.nextInt(40) == 0) {
                    filter.set(op, scalar());
                    return;
                }
                ArrayNode parts = filter.putArray(op);
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    parts.add(random.nextInt(60) == 0 ? scalar() : filter(depth + 1));
                }
            }
            default -> filter.set("$not", random.nextInt(40) == 0 ? scalar() : filter(depth + 1));
        }
    }

    private String key() {
        return random.nextInt(30) == 0 ? pick(BAD_KEYS) : pick(VALID_KEYS);
    }

    private JsonNode fieldValue() {
        if (random.nextInt(3) == 0) {
            return plainValue();
        }
        ObjectNode operators = NODES.objectNode();
        int n = random.nextInt(40) == 0 ? 0 : 1 + random.nextInt(2);
        for (int i = 0; i < n; i++) {
            String op = random.nextInt(30) == 0 ? pick(BAD_OPERATORS) : pick(OPERATORS);
            operators.set(op, operand(op));
        }
        return operators;
    }

    private JsonNode operand(String op) {
        if (random.nextInt(25) == 0) {
            return plainValue();
        }
        return switch (op) {
            case "$in", "$nin" -> array();
            case "$regex" -> NODES.stringNode(pick(REGEXES));
            case "$exists" -> NODES.booleanNode(random.nextBoolean());
            case "$not" -> fieldValue();
            case "$contains", "$startsWith", "$endsWith" -> NODES.stringNode(pick(STRINGS));
            default -> scalar();
        };
    }

    private JsonNode plainValue() {
        return switch (random.nextInt(40)) {
            case 0, 1, 2, 3 -> NODES.nullNode();
            case 4, 5, 6, 7 -> array();
            case 8 -> NODES.objectNode().put("k", 1);
            default -> scalar();
        };
    }

    private JsonNode scalar() {
        return switch (random.nextInt(6)) {
            case 0 -> NODES.numberNode(random.nextInt(400) - 50L);
            case 1 -> NODES.numberNode(random.nextDouble() * 10);
            case 2 -> NODES.booleanNode(random.nextBoolean());
            default -> NODES.stringNode(pick(STRINGS));
        };
    }

    private ArrayNode array() {
        ArrayNode array = NODES.arrayNode();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            array.add(random.nextInt(40) == 0 ? plainValue() : scalar());
        }
        return array;
    }

    private ObjectNode deep(int levels) {
        ObjectNode inner = NODES.objectNode().put("path", "a");
        for (int i = 0; i < levels; i++) {
            ObjectNode outer = NODES.objectNode();
            if (random.nextBoolean()) {
                outer.set("$not", inner);
            } else {
                outer.putArray("$and").add(inner);
            }
            inner = outer;
        }
        return inner;
    }

    private ObjectNode wide(int conditions) {
        ObjectNode filter = NODES.objectNode();
        ArrayNode parts = filter.putArray("$or");
        for (int i = 0; i < conditions; i++) {
            parts.add(NODES.objectNode().put("lines", i));
        }
        return filter;
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
