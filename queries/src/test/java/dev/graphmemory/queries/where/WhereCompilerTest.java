package dev.graphmemory.queries.where;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class WhereCompilerTest {
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final Set<String> KEYS = Set.of("path", "name", "lines", "is_test", "types", "title");
    private final WhereCompiler compiler = new WhereCompiler(KEYS);

    /** Compiles JSON written with single quotes, to keep the tests readable. */
    private CompiledWhere compile(String singleQuotedJson) {
        return compiler.compile(singleQuotedJson.replace('\'', '"'), "n");
    }

    private WhereException error(String singleQuotedJson) {
        try {
            compile(singleQuotedJson);
        } catch (WhereException e) {
            return e;
        }
        throw new AssertionError("expected a WhereException for " + singleQuotedJson);
    }

    private static String eq(String property, String param) {
        return "CASE WHEN " + property + " IS :: LIST<ANY> NOT NULL THEN " + param + " IN " + property + " ELSE "
                + property + " = " + param + " END";
    }

    @Test
    void emptyOrMissingFilterMatchesEverything() {
        for (String text : new String[] {null, "", "  ", "null", "{}"}) {
            CompiledWhere where = compiler.compile(text, "n");
            assertThat(where.cypher()).as(text).isEqualTo("true");
            assertThat(where.params()).isEmpty();
            assertThat(where.matchesAll()).isTrue();
        }
        assertThat(compiler.compile((JsonNode) null, "n").cypher()).isEqualTo("true");
    }

    @Test
    void plainScalarEqualsOrIsContainedInAList() {
        CompiledWhere where = compile("{'title': 'src/a.py'}");
        assertThat(where.cypher()).isEqualTo(eq("n.`title`", "$w0"));
        assertThat(where.params()).containsExactly(entry("w0", "src/a.py"));
        assertThat(where.matchesAll()).isFalse();
    }

    @Test
    void keysTheIndexerAlwaysWritesAsScalarsCompileToIndexableComparisons() {
        assertThat(compile("{'path': 'src/a.py'}").cypher()).isEqualTo("n.`path` = $w0");
        assertThat(compile("{'name': {'$eq': 'x'}}").cypher()).isEqualTo("n.`name` = $w0");
        assertThat(compile("{'name': {'$ne': 'x'}}").cypher()).isEqualTo("NOT coalesce(n.`name` = $w0, false)");
        assertThat(compile("{'path': {'$startsWith': 'src/'}}").cypher()).isEqualTo("n.`path` STARTS WITH $w0");
    }

    @Test
    void numbersKeepTheirKindAndBooleansStayBooleans() {
        assertThat(compile("{'lines': 12}").params()).containsExactly(entry("w0", 12L));
        assertThat(compile("{'lines': 9007199254740993}").params()).containsExactly(entry("w0", 9007199254740993L));
        assertThat(compile("{'lines': 1.5}").params()).containsExactly(entry("w0", 1.5d));
        assertThat(compile("{'is_test': true}").params()).containsExactly(entry("w0", true));
    }

    @Test
    void plainNullMeansAbsent() {
        assertThat(compile("{'title': null}").cypher()).isEqualTo("n.`title` IS NULL");
        assertThat(compile("{'title': {'$eq': null}}").cypher()).isEqualTo("n.`title` IS NULL");
        assertThat(compile("{'title': {'$ne': null}}").cypher()).isEqualTo("n.`title` IS NOT NULL");
    }

    @Test
    void plainArrayEqualsTheWholeList() {
        CompiledWhere where = compile("{'types': ['a', 1, true]}");
        assertThat(where.cypher()).isEqualTo("n.`types` = $w0");
        assertThat(where.params()).containsExactly(entry("w0", List.of("a", 1L, true)));
    }

    @Test
    void eqAndNe() {
        assertThat(compile("{'title': {'$eq': 'x'}}").cypher()).isEqualTo(eq("n.`title`", "$w0"));
        CompiledWhere ne = compile("{'title': {'$ne': 'x'}}");
        assertThat(ne.cypher()).isEqualTo("NOT coalesce(" + eq("n.`title`", "$w0") + ", false)");
        assertThat(ne.params()).containsExactly(entry("w0", "x"));
    }

    @Test
    void inAndNin() {
        String in = "CASE WHEN n.`name` IS :: LIST<ANY> NOT NULL THEN any(w_e IN n.`name` WHERE w_e IN $w0)"
                + " ELSE n.`name` IN $w0 END";
        CompiledWhere where = compile("{'name': {'$in': ['a', 'b', 3]}}");
        assertThat(where.cypher()).isEqualTo(in);
        assertThat(where.params()).containsExactly(entry("w0", List.of("a", "b", 3L)));
        assertThat(compile("{'name': {'$nin': []}}").cypher()).isEqualTo("NOT coalesce(" + in + ", false)");
    }

    @Test
    void containsLowerCasesTheValueAndTestsStringsAndStringLists() {
        CompiledWhere where = compile("{'path': {'$contains': '_RUNNER'}}");
        assertThat(where.cypher())
                .isEqualTo("CASE WHEN n.`path` IS :: STRING NOT NULL THEN toLower(n.`path`) CONTAINS $w0"
                        + " WHEN n.`path` IS :: LIST<STRING> NOT NULL"
                        + " THEN any(w_e IN n.`path` WHERE toLower(w_e) CONTAINS $w0) ELSE false END");
        assertThat(where.params()).containsExactly(entry("w0", "_runner"));
    }

    @Test
    void startsWithEndsWithAndRegexKeepCase() {
        assertThat(compile("{'path': {'$startsWith': 'Src/'}}").cypher())
                .isEqualTo("n.`path` STARTS WITH $w0")
                .doesNotContain("toLower");
        assertThat(compile("{'path': {'$endsWith': '/cli.py'}}").cypher()).isEqualTo(strings("ENDS WITH"));
        CompiledWhere regex = compile("{'path': {'$regex': '.*Test[0-9]+\\\\.java'}}");
        assertThat(regex.cypher()).isEqualTo(strings("=~"));
        assertThat(regex.params()).containsExactly(entry("w0", ".*Test[0-9]+\\.java"));
    }

    private static String strings(String operator) {
        return "CASE WHEN n.`path` IS :: STRING NOT NULL THEN n.`path` " + operator + " $w0"
                + " WHEN n.`path` IS :: LIST<STRING> NOT NULL THEN any(w_e IN n.`path` WHERE w_e " + operator
                + " $w0) ELSE false END";
    }

    @Test
    void comparisonsTakeNumbersOrStrings() {
        Map<String, String> symbols = Map.of("$gt", ">", "$gte", ">=", "$lt", "<", "$lte", "<=");
        symbols.forEach((op, symbol) -> assertThat(
                        compile("{'lines': {'" + op + "': 10}}").cypher())
                .isEqualTo("CASE WHEN n.`lines` IS :: LIST<ANY> NOT NULL THEN any(w_e IN n.`lines` WHERE w_e " + symbol
                        + " $w0) ELSE n.`lines` " + symbol + " $w0 END"));
        assertThat(compile("{'name': {'$gte': 'm'}}").params()).containsExactly(entry("w0", "m"));
    }

    @Test
    void existsTestsPresence() {
        assertThat(compile("{'title': {'$exists': true}}").cypher()).isEqualTo("n.`title` IS NOT NULL");
        assertThat(compile("{'title': {'$exists': false}}").cypher()).isEqualTo("n.`title` IS NULL");
        assertThat(compile("{'title': {'$exists': false}}").params()).isEmpty();
    }

    @Test
    void severalOperatorsOnOneFieldAreAnded() {
        CompiledWhere where = compile("{'lines': {'$gte': 10, '$lt': 20}}");
        assertThat(where.cypher())
                .startsWith("(CASE")
                .contains(" >= $w0")
                .contains(" < $w1")
                .contains(" AND ");
        assertThat(where.params()).containsExactly(entry("w0", 10L), entry("w1", 20L));
    }

    @Test
    void fieldLevelNotNegatesItsOperators() {
        assertThat(compile("{'title': {'$not': {'$exists': true}}}").cypher())
                .isEqualTo("NOT coalesce(n.`title` IS NOT NULL, false)");
    }

    @Test
    void severalKeysAreAnImplicitAnd() {
        assertThat(compile("{'title': null, 'name': {'$exists': true}}").cypher())
                .isEqualTo("(n.`title` IS NULL AND n.`name` IS NOT NULL)");
    }

    @Test
    void logicalOperatorsNest() {
        CompiledWhere where = compile("{'$or': [{'title': null}, {'$and': [{'name': {'$exists': true}},"
                + " {'$not': {'lines': {'$exists': false}}}]}], 'is_test': false}");
        assertThat(where.cypher())
                .isEqualTo("((n.`title` IS NULL OR (n.`name` IS NOT NULL AND NOT coalesce(n.`lines` IS NULL, false)))"
                        + " AND " + eq("n.`is_test`", "$w0") + ")");
        assertThat(where.params()).containsExactly(entry("w0", false));
        assertThat(compile("{'$and': [{'title': null}]}").cypher()).isEqualTo("n.`title` IS NULL");
    }

    @Test
    void paramPrefixAndNodeVariableAreConfigurable() {
        WhereCompiler other = compiler.withParamPrefix("v");
        CompiledWhere where = other.compile("{\"name\": {\"$in\": [\"a\"]}, \"path\": \"x\"}", "m");
        assertThat(where.params()).containsOnlyKeys("v0", "v1");
        assertThat(where.cypher())
                .contains("any(v_e IN m.`name` WHERE v_e IN $v0)")
                .contains("m.`path` = $v1");
        assertThat(compiler.paramPrefix()).isEqualTo("w");
        // The element variable never hides the node variable.
        assertThat(compiler.compile("{\"name\": {\"$in\": [\"a\"]}}", "w_e").cypher())
                .contains("any(w_e_ IN w_e.`name` WHERE w_e_ IN $w0)");
    }

    @Test
    void programmingErrorsInSettingsAreIllegalArguments() {
        assertThatThrownBy(() -> compiler.compile("{}", "n) DELETE n //")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> compiler.withParamPrefix("w-")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> compiler.withLimits(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WhereCompiler(Set.of("ok", "bad`key")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'bad`key'");
    }

    @Test
    void unknownKeyIsNamedWithItsPathASuggestionAndTheValidKeys() {
        WhereException e = error("{'$or': [{'path': 'a'}, {'pth': {'$contains': 'x'}}]}");
        assertThat(e.getMessage())
                .startsWith("unknown property key 'pth' at $or[1]; did you mean 'path'? valid keys: ")
                .contains("is_test, lines, name, path, title, types");
        assertThat(e.path()).isEqualTo("$or[1]");
    }

    @Test
    void unknownKeyAtTheTopWithoutANearMatchListsTheKeysOnly() {
        assertThat(error("{'zzzzzz': 1}").getMessage())
                .isEqualTo("unknown property key 'zzzzzz' at the top level; valid keys: is_test, lines, name, path,"
                        + " title, types");
        assertThat(error("{'Title': 1}").getMessage()).contains("did you mean 'title'?");
    }

    @Test
    void aCompilerListingOneTypesKeysNamesThemButStillSuggestsFromEveryKey() {
        // "tittle" is close to a key the graph has although module nodes do not carry it.
        WhereCompiler modules = compiler.listingKeysOf("module nodes", Set.of("path", "lines", "is_test", "hash"));
        assertThatThrownBy(() -> modules.compile("{\"tittle\": 1}", "n"))
                .hasMessage("unknown property key 'tittle' at the top level; did you mean 'title'? keys module nodes"
                        + " carry: is_test, lines, path");
        assertThatThrownBy(() -> modules.compile("{\"$pth\": 1}", "n"))
                .hasMessageEndingWith("(keys module nodes carry: is_test, lines, path)");
        // A type with no nodes yet lists every key.
        assertThatThrownBy(() -> compiler.listingKeysOf("bug nodes", Set.of()).compile("{\"zzzzzz\": 1}", "n"))
                .hasMessageContaining("valid keys: is_test, lines, name, path, title, types");
        assertThat(modules.compile("{\"name\": \"a\"}", "n").cypher()).contains("n.`name`");
    }

    @Test
    void unknownOperatorIsNamedWithTheValidOperators() {
        WhereException e = error("{'$and': [{'path': {'$contain': 'x'}}]}");
        assertThat(e.getMessage())
                .startsWith("unknown operator '$contain' at $and[0].path; did you mean '$contains'? valid operators: ")
                .contains("$eq, $ne, $in, $nin, $contains, $startsWith, $endsWith, $regex, $gt, $gte, $lt, $lte,"
                        + " $exists, $not");
        assertThat(error("{'path': {'$startswith': 'x'}}").getMessage()).contains("did you mean '$startsWith'?");
    }

    @Test
    void logicalOperatorUnderAPropertyIsExplained() {
        assertThat(error("{'path': {'$or': ['a', 'b']}}").getMessage())
                .contains("unknown operator '$or' at path")
                .contains(
                        "; $or combines whole filters, as in {\"$or\": [{\"<key>\": ...}, ...]}; valid operators: $eq");
    }

    @Test
    void unknownOrMisplacedOperatorAtFilterLevel() {
        assertThat(error("{'$xor': []}").getMessage())
                .startsWith(
                        "unknown operator '$xor' at the top level; did you mean '$or'? valid here: $and, $or, $not");
        assertThat(error("{'$path': 'x'}").getMessage())
                .startsWith("unknown operator '$path' at the top level; did you mean 'path'? valid here:");
        assertThat(error("{'$or': [{'$contains': 'x'}]}").getMessage())
                .startsWith("operator '$contains' at $or[0] applies to a property");
    }

    @Test
    void wrongValueTypesSayWhatWasExpectedAndGiven() {
        assertThat(error("{'path': {'$in': 'a'}}").getMessage())
                .isEqualTo("operator '$in' at path.$in expects an array of strings, numbers or booleans, got a string");
        assertThat(error("{'lines': {'$gt': {'a': 1}}}").getMessage())
                .isEqualTo("operator '$gt' at lines.$gt expects a number or a string, got an object");
        assertThat(error("{'lines': {'$lt': true}}").getMessage()).endsWith("got a boolean");
        assertThat(error("{'title': {'$exists': 'yes'}}").getMessage())
                .isEqualTo("operator '$exists' at title.$exists expects a boolean, got a string");
        assertThat(error("{'path': {'$contains': 3}}").getMessage())
                .isEqualTo("operator '$contains' at path.$contains expects a string, got a number");
        assertThat(error("{'path': {'$not': 'x'}}").getMessage())
                .startsWith("operator '$not' at path.$not expects a non-empty object of operators");
        assertThat(error("{'path': {'$in': [['a']]}}").getMessage()).endsWith("got an array at index 0");
        assertThat(error("{'path': {'$in': ['a', null]}}").getMessage())
                .contains("got null at index 1")
                .contains("$exists");
        assertThat(error("{'path': [{'a': 1}]}").getMessage())
                .isEqualTo("property 'path' at path expects a string, number, boolean, array of those, or null,"
                        + " got an object at index 0");
    }

    @Test
    void logicalOperatorsNeedNonEmptyArraysOfObjects() {
        assertThat(error("{'$and': {'path': 'a'}}").getMessage())
                .isEqualTo("operator '$and' at $and expects a non-empty array of filter objects, got an object");
        assertThat(error("{'$or': []}").getMessage())
                .isEqualTo("operator '$or' at $or expects a non-empty array of filter objects, got an empty array");
        assertThat(error("{'$or': [{'path': 'a'}, 7]}").getMessage())
                .isEqualTo("operator '$or' at $or[1] expects a filter object, got a number");
        assertThat(error("{'$not': ['a']}").getMessage())
                .isEqualTo("operator '$not' at $not expects a filter object, got an array");
    }

    @Test
    void objectValuesMustHoldOperators() {
        assertThat(error("{'path': {'foo': 1}}").getMessage())
                .startsWith("property 'path' at path has an object value with key 'foo'; an object holds operators")
                .contains("valid operators: $eq");
        assertThat(error("{'path': {'$eq': 1, 'foo': 2}}").getMessage()).contains("key 'foo'");
        assertThat(error("{'path': {}}").getMessage())
                .startsWith("property 'path' at path has an empty object; expected a value or operators: $eq");
    }

    @Test
    void badRegexIsReportedWithJavasReason() {
        assertThat(error("{'path': {'$regex': '(unclosed'}}").getMessage())
                .startsWith("operator '$regex' at path.$regex has an invalid regular expression '(unclosed': ")
                .contains("near index");
        String huge = "a".repeat(Values.MAX_REGEX_LENGTH + 1);
        assertThat(error("{'path': {'$regex': '" + huge + "'}}").getMessage()).contains("at most 1000");
    }

    @Test
    void numbersOutOfRangeAreRejected() {
        assertThat(error("{'lines': 123456789012345678901234567890}").getMessage())
                .contains("property 'lines' at lines has an integer outside the 64-bit range");
        assertThat(error("{'lines': {'$gt': -1e400}}").getMessage())
                .isEqualTo("operator '$gt' at lines.$gt has a number too large for a 64-bit float");
    }

    @Test
    void nonObjectsAndBrokenJsonAreRejected() {
        assertThat(error("[1, 2]").getMessage()).isEqualTo("a where-filter is a JSON object, got an array");
        assertThat(error("'path'").getMessage()).isEqualTo("a where-filter is a JSON object, got a string");
        assertThat(error("{'path': ").getMessage()).startsWith("the where-filter is not valid JSON: ");
        assertThat(error("{'path': 1} x").getMessage()).startsWith("the where-filter is not valid JSON: ");
        assertThat(error("{'path': 1, 'path': 2}").getMessage())
                .startsWith("the where-filter is not valid JSON: ")
                .contains("path");
    }

    @Test
    void depthIsLimited() {
        String deep = "{'$not': ".repeat(40) + "{'path': 'a'}" + "}".repeat(40);
        WhereException e = error(deep);
        assertThat(e.getMessage())
                .startsWith("filter nested too deeply at $not.$not.")
                .contains("at most 32 levels");
        String fieldNots = "{'path': " + "{'$not': ".repeat(40) + "{'$eq': 'a'}" + "}".repeat(41);
        assertThat(error(fieldNots).getMessage()).startsWith("filter nested too deeply at path.$not.$not");
        String ok = "{'$not': ".repeat(32) + "{'path': 'a'}" + "}".repeat(32);
        assertThat(compile(ok).cypher()).startsWith("NOT coalesce(NOT coalesce(");
    }

    @Test
    void deepTreesBuiltInCodeCannotBlowTheStack() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode current = root;
        for (int i = 0; i < 100_000; i++) {
            current = current.putObject("$not");
        }
        assertThatThrownBy(() -> compiler.compile(root, "n"))
                .isInstanceOf(WhereException.class)
                .hasMessageContaining("nested too deeply");
    }

    @Test
    void sizeIsLimited() {
        String many = "{'$or': [" + "{'path': 'a'},".repeat(600) + "{'path': 'b'}]}";
        assertThat(error(many).getMessage()).startsWith("filter too large: more than 500 conditions (stopped at $or[");
        assertThat(compiler.withLimits(32, 5_000)
                        .compile(many.replace('\'', '"'), "n")
                        .params())
                .hasSize(601);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "path) DETACH DELETE n //",
                "path` = 1 OR true //",
                "`path`",
                "path.name",
                "päth",
                "раth", // Cyrillic 'р' and 'а'
                "path\u0000",
                "path ",
                "",
                "1path",
                "n.path"
            })
    void injectionAttemptsAsKeysAreRejected(String key) {
        ObjectNode filter = JSON.createObjectNode().put(key, "x");
        assertThatThrownBy(() -> new WhereCompiler(Set.of("path", key))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> compiler.compile(filter, "n"))
                .isInstanceOf(WhereException.class)
                .hasMessageStartingWith("invalid property key ")
                .hasMessageContaining("valid keys: is_test, lines, name, path");
    }

    @Test
    void echoedInputIsCutAndInvisibleCharactersEscaped() {
        ObjectNode filter = JSON.createObjectNode().put("a\nb\u202Ec", 1);
        assertThatThrownBy(() -> compiler.compile(filter, "n"))
                .hasMessageStartingWith("invalid property key 'a\\u000Ab\\u202Ec'");
        ObjectNode longKey = JSON.createObjectNode().put("k".repeat(500), 1);
        assertThatThrownBy(() -> compiler.compile(longKey, "n"))
                .hasMessageStartingWith("unknown property key '" + "k".repeat(64) + "...'");
    }

    @Test
    void valuesWithQuotesAndBackslashesStayParameters() {
        String nasty = "x' OR 1=1 // \" \\ ` }) DETACH DELETE n";
        ObjectNode filter = JSON.createObjectNode();
        filter.putObject("path").put("$contains", nasty);
        filter.put("name", nasty);
        CompiledWhere where = compiler.compile(filter, "n");
        assertThat(where.params())
                .containsExactly(entry("w0", nasty.toLowerCase(java.util.Locale.ROOT)), entry("w1", nasty));
        assertThat(where.cypher())
                .doesNotContain("OR 1=1")
                .doesNotContain("DETACH")
                .doesNotContain("'");
    }

    @Test
    void paramsAreImmutable() {
        Map<String, Object> params = compile("{'path': 'a'}").params();
        assertThatThrownBy(() -> params.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }
}
