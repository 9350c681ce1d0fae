package dev.graphmemory.indexer.java;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseException;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.Token;
import com.github.javaparser.TokenRange;
import com.github.javaparser.ast.CompilationUnit;
import dev.graphmemory.indexer.model.EdgeRow;
import dev.graphmemory.indexer.model.FileResult;
import dev.graphmemory.indexer.model.NodeRow;
import dev.graphmemory.queries.schema.Keys;
import dev.graphmemory.queries.schema.NodeType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses one Java file into its module, class and function nodes, {@code DECLARES} edges and
 * {@link JavaFacts}. Thread-safe: each thread has its own parser.
 *
 * <p>Design note: the parser is configured for speed. Comments are not attributed to nodes, the
 * original line separator is not detected, and there is no lexical preservation or symbol
 * resolver. Tokens stay stored because JavaParser derives node ranges, and so line numbers, from
 * them ({@code setStoreTokens(false)} leaves every node without a range). Language level {@code
 * JAVA_25} sets the grammar (lower levels reject {@code _}; no level rejects {@code yield}), but the
 * parser's post-processing is dropped: with the options above, its only remaining work was the
 * language-level validator, which walks the tree once per rule (about a third of the parse time
 * on JDK sources) to report semantic errors such as conflicting modifiers. So {@code parse_ok}
 * means the file is syntactically valid; {@code var} stays a plain type name.
 */
final class JavaFileParser {
    private static final int MAX_PROBLEM_LENGTH = 500;

    private static final ThreadLocal<JavaParser> PARSER =
            ThreadLocal.withInitial(() -> new JavaParser(configuration()));

    /** The parser configuration used for every file. */
    static ParserConfiguration configuration() {
        ParserConfiguration configuration = new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_25)
                .setAttributeComments(false)
                .setDetectOriginalLineSeparator(false)
                .setLexicalPreservationEnabled(false);
        configuration.getProcessors().clear();
        return configuration;
    }

    /** Parses a file; never throws. */
    FileResult parse(String path, String text, String hash) {
        ParseResult<CompilationUnit> result;
        try {
            result = PARSER.get().parse(text);
        } catch (RuntimeException | StackOverflowError e) {
            // a parser interrupted half-way is not trusted with the next file
            PARSER.remove();
            return failed(path, text, hash, "parser failed: " + e);
        }
        String problem = result.isSuccessful() ? null : firstProblem(result.getProblems());
        if (result.getResult().isEmpty()) {
            return failed(path, text, hash, problem == null ? "no syntax tree" : problem);
        }
        try {
            return extract(path, text, hash, result.getResult().get(), problem);
        } catch (RuntimeException | StackOverflowError e) {
            return failed(path, text, hash, "extraction failed: " + e);
        }
    }

    private static FileResult extract(String path, String text, String hash, CompilationUnit cu, String problem) {
        String pkg = cu.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
        FactsBuilder facts = new FactsBuilder(path, pkg);
        cu.getImports().forEach(facts::addImport);
        boolean test = TestModules.isTest(path) || facts.importsTestFramework();
        ExtractionVisitor visitor = new ExtractionVisitor(path, pkg, facts);
        cu.accept(visitor, null);

        Map<String, Object> props = moduleProps(path, text, hash, pkg, test, problem);
        List<NodeType> types = new ArrayList<>(List.of(NodeType.MODULE));
        List<String> kinds = visitor.entryPoints().kinds();
        if (!kinds.isEmpty()) {
            types.add(NodeType.CLI_ENTRY);
            props.put(Keys.ENTRY_KINDS, kinds);
            props.put("entry_classes", visitor.entryPoints().classes());
        }
        List<NodeRow> nodes = new ArrayList<>(visitor.nodes().size() + 1);
        nodes.add(new NodeRow(types, path, props));
        nodes.addAll(visitor.nodes());
        List<EdgeRow> edges = visitor.edges();
        return new FileResult(path, nodes, edges, facts.build(test), problem == null, problem);
    }

    private static FileResult failed(String path, String text, String hash, String problem) {
        String pkg = "";
        boolean test = TestModules.isTest(path);
        NodeRow module = NodeRow.of(NodeType.MODULE, path, moduleProps(path, text, hash, pkg, test, problem));
        JavaFacts facts = new FactsBuilder(path, pkg).build(test);
        return new FileResult(path, List.of(module), List.of(), facts, false, problem);
    }

    private static Map<String, Object> moduleProps(
            String path, String text, String hash, String pkg, boolean test, String problem) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put(Keys.NAME, path.substring(path.lastIndexOf('/') + 1));
        props.put(Keys.PATH, path);
        props.put(Keys.LANGUAGE, JavaLanguagePlugin.LANGUAGE);
        props.put(Keys.PACKAGE, pkg);
        props.put(Keys.LINES, lineCount(text));
        props.put(Keys.HASH, hash);
        props.put(Keys.IS_TEST, test);
        props.put(Keys.PARSE_OK, problem == null);
        props.put(Keys.PARSE_ERROR, problem);
        return props;
    }

    /** The first problem with its line, e.g. {@code line 3: Parse error. Found ";" ...}. */
    static String firstProblem(List<Problem> problems) {
        if (problems.isEmpty()) {
            return "parse failed without a reported problem";
        }
        Problem first = problems.get(0);
        String message = first.getMessage();
        if (message.length() > MAX_PROBLEM_LENGTH) {
            message = message.substring(0, MAX_PROBLEM_LENGTH) + "...";
        }
        int line = first.getLocation()
                .flatMap(TokenRange::toRange)
                .map(r -> r.begin.line)
                .orElseGet(() -> lineOfCause(first));
        return (line > 0 ? "line " + line + ": " : "") + message;
    }

    /** Some parse errors carry their position only on the parser's exception. */
    private static int lineOfCause(Problem problem) {
        if (problem.getCause().orElse(null) instanceof ParseException e && e.currentToken != null) {
            Token at = e.currentToken.next != null ? e.currentToken.next : e.currentToken;
            return at.beginLine;
        }
        return 0;
    }

    static int lineCount(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        int lines = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        return text.charAt(text.length() - 1) == '\n' ? lines : lines + 1;
    }
}
