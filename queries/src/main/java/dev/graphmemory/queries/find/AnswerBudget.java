package dev.graphmemory.queries.find;

import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps answers frugal: rows are added while the answer stays under a character budget (about
 * four characters a token), so a default page stays near 2,000 tokens and no answer can pass
 * 20,000 tokens, whatever {@code limit} asks for. When rows are left out, the answer has a
 * {@code next_cursor}.
 */
public final class AnswerBudget {
    /** A default page: about 2,000 tokens. */
    public static final int DEFAULT_CHARS = 8_000;
    /** Never more than this: about 15,000 tokens, under the 20,000-token ceiling with room to spare. */
    public static final int MAX_CHARS = 60_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int budget;
    private int used;

    public AnswerBudget(int budget) {
        this.budget = Math.min(budget, MAX_CHARS);
    }

    /** Whether {@code row} still fits; if so it is counted. The first row always fits. */
    public boolean admit(Map<String, Object> row, boolean first) {
        int size = JSON.writeValueAsString(row).length() + 1;
        if (!first && used + size > budget) {
            return false;
        }
        used += size;
        return true;
    }

    /** Characters used so far. */
    public int used() {
        return used;
    }
}
