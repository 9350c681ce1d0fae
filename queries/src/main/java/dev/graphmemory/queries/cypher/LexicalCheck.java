package dev.graphmemory.queries.cypher;

import dev.graphmemory.queries.cypher.CypherLexer.Kind;
import dev.graphmemory.queries.cypher.CypherLexer.Token;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text half of {@link ReadPolicy}: reads a caller's Cypher as tokens (string literals,
 * comments and backtick-quoted names are not code) and refuses every keyword that reaches beyond a
 * read of the graph, whatever its case, and every {@code CALL} of a procedure outside the list.
 *
 * <p>A keyword is taken as one unless it is plainly a name: after a {@code .} (a property or a
 * procedure namespace), after a {@code :} (a label or relationship type) or before one (a map key).
 * Any other use of such a word as a name is refused with a hint to quote it in backticks.
 */
final class LexicalCheck {
    /** What the check learnt about an accepted query. */
    record Facts(boolean usesRepo) {}

    private static final String WRITES = "writes to the graph; graph_query runs read-only queries only. Knowledge"
            + " is recorded through record_knowledge and the index through reindex.";
    private static final String ADMIN =
            "is an administration or schema command; graph_query runs read-only" + " queries only.";
    private static final String SERVER =
            "reads or ends the server's transactions, settings, users, databases or" + " procedures, not the graph.";
    private static final String OPTIONS = "query options (CYPHER ..., EXPLAIN, PROFILE) are not accepted:"
            + " graph_query plans and runs the query itself.";

    private static final Map<String, String> REFUSED = Map.ofEntries(
            Map.entry("LOAD", "LOAD CSV reads files and URLs outside the graph."),
            Map.entry("SHOW", "SHOW " + SERVER),
            Map.entry("TERMINATE", "TERMINATE " + SERVER),
            Map.entry("USE", "USE switches to another database; graph_query reads this store's graph only."),
            Map.entry("CYPHER", OPTIONS),
            Map.entry("EXPLAIN", OPTIONS),
            Map.entry("PROFILE", OPTIONS),
            Map.entry("CREATE", "CREATE " + WRITES),
            Map.entry("INSERT", "INSERT " + WRITES),
            Map.entry("MERGE", "MERGE " + WRITES),
            Map.entry("DELETE", "DELETE " + WRITES),
            Map.entry("DETACH", "DETACH DELETE " + WRITES),
            Map.entry("SET", "SET " + WRITES),
            Map.entry("REMOVE", "REMOVE " + WRITES),
            Map.entry("FOREACH", "FOREACH " + WRITES),
            Map.entry("DROP", "DROP " + ADMIN),
            Map.entry("ALTER", "ALTER " + ADMIN),
            Map.entry("RENAME", "RENAME " + ADMIN),
            Map.entry("GRANT", "GRANT " + ADMIN),
            Map.entry("DENY", "DENY " + ADMIN),
            Map.entry("REVOKE", "REVOKE " + ADMIN),
            Map.entry("START", "START " + ADMIN),
            Map.entry("STOP", "STOP " + ADMIN),
            Map.entry("ENABLE", "ENABLE " + ADMIN),
            Map.entry("DEALLOCATE", "DEALLOCATE " + ADMIN),
            Map.entry("REALLOCATE", "REALLOCATE " + ADMIN));

    private LexicalCheck() {}

    /** Checks {@code cypher}; throws {@link QueryRefusedException} naming the first thing refused. */
    static Facts check(String cypher) {
        List<Token> tokens = CypherLexer.tokens(cypher);
        if (tokens.isEmpty()) {
            throw new QueryRefusedException("the query is empty (or only comments); give a Cypher read query"
                    + " such as MATCH (m:Module {repo: $repo}) RETURN m.path LIMIT 10");
        }
        boolean usesRepo = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() == Kind.PARAMETER && t.text().equals("repo")) {
                usesRepo = true;
            }
            if (t.isSymbol(';') && i < tokens.size() - 1) {
                throw ReadPolicy.refused("one statement at a time: remove the ';' at offset " + t.offset() + ".");
            }
            if (t.kind() != Kind.WORD || isName(tokens, i)) {
                continue;
            }
            String word = t.text().toUpperCase(Locale.ROOT);
            String why = REFUSED.get(word);
            if (why != null) {
                throw ReadPolicy.refused(why + " (" + t.text() + " at offset " + t.offset()
                        + (i == 0 ? "" : "; a name spelt like it goes in backticks: `" + t.text() + "`") + ")");
            }
            if (word.equals("CALL")) {
                checkCall(tokens, i + 1);
            }
        }
        return new Facts(usesRepo);
    }

    /** Whether the word at {@code i} is used as a name: a property, namespace part, label or map key. */
    private static boolean isName(List<Token> tokens, int i) {
        Token before = i > 0 ? tokens.get(i - 1) : null;
        Token after = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
        if (before != null && before.isSymbol('.') && i > 1) {
            Token owner = tokens.get(i - 2);
            if (owner.isName()
                    || owner.kind() == Kind.PARAMETER
                    || owner.isSymbol(')')
                    || owner.isSymbol(']')
                    || owner.isSymbol('}')) {
                return true;
            }
        }
        if (before != null && before.isSymbol(':')) {
            return true;
        }
        return after != null
                && after.isSymbol(':')
                && !(i + 2 < tokens.size() && tokens.get(i + 2).isSymbol(':'));
    }

    /** After {@code CALL}: a subquery ({@code {} or {@code (}) or a procedure that must be allowed. */
    private static void checkCall(List<Token> tokens, int i) {
        if (i >= tokens.size() || tokens.get(i).isSymbol('{') || tokens.get(i).isSymbol('(')) {
            return;
        }
        StringBuilder name = new StringBuilder();
        while (i < tokens.size() && tokens.get(i).isName()) {
            name.append(tokens.get(i).text());
            if (i + 1 < tokens.size() && tokens.get(i + 1).isSymbol('.')) {
                name.append('.');
                i += 2;
            } else {
                break;
            }
        }
        if (name.isEmpty() || !ReadPolicy.allowsProcedure(name.toString())) {
            throw ReadPolicy.procedureRefused(name.isEmpty() ? tokens.get(i).text() : name.toString());
        }
    }
}
