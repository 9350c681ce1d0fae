package dev.graphmemory.indexer.lang.ecma;

import dev.graphmemory.indexer.lang.RepoPath;
import dev.graphmemory.indexer.lang.TreeQuery;
import dev.graphmemory.indexer.lang.TreeSitter;
import org.treesitter.TreeSitterJavascript;
import org.treesitter.TreeSitterTsx;
import org.treesitter.TreeSitterTypescript;

/** The three grammars (TypeScript, TSX, JavaScript with JSX) and their queries. */
final class EcmaGrammars {
    private static final String COMMON = """
            (import_statement) @import
            (export_statement source: (string) @source) @reexport
            (call_expression function: (identifier) @fn arguments: (arguments . (string) @arg)) @require
            (variable_declarator name: (identifier) @name value: (call_expression function: (identifier) @fn arguments: (arguments . (string) @arg))) @requirebinding
            (variable_declarator name: (object_pattern) @pattern value: (call_expression function: (identifier) @fn arguments: (arguments . (string) @arg))) @requirebinding
            (call_expression function: (import) arguments: (arguments . (string) @arg)) @dynamic
            (call_expression function: (import) arguments: (arguments . (template_string) @arg)) @dynamic
            (call_expression function: (member_expression object: (identifier) @obj property: (property_identifier) @prop) arguments: (arguments . (string) @arg)) @resolve
            (call_expression function: (member_expression object: (identifier) @obj property: (property_identifier) @prop) arguments: (arguments . (template_string) @arg)) @resolve
            (class_declaration name: (_) @name body: (class_body) @body) @class
            (function_declaration name: (identifier) @name parameters: (formal_parameters) @params body: (statement_block) @body) @function
            (generator_function_declaration name: (identifier) @name parameters: (formal_parameters) @params body: (statement_block) @body) @function
            (method_definition name: (_) @name parameters: (formal_parameters) @params body: (statement_block) @body) @method
            (variable_declarator name: (identifier) @name value: (arrow_function body: (_) @body) @value) @arrow
            (variable_declarator name: (identifier) @name value: (function_expression body: (_) @body) @value) @arrow
            (call_expression arguments: (arguments) @args) @call
            (new_expression constructor: (_) @function) @new
            (new_expression constructor: (identifier) @ctor arguments: (arguments . (string) @arg)) @newref
            """;
    private static final String TS_ONLY = """
            (abstract_class_declaration name: (_) @name body: (class_body) @body) @class
            (interface_declaration name: (_) @name body: (_) @body) @interface
            (program (ambient_declaration (module name: (string) @source)) @augment)
            """;
    private static final String DECLARATIONS = "(variable_declarator name: (identifier) @name value: (_) @value) @decl";

    /** A grammar with its parser and its queries. */
    record Grammar(TreeSitter parser, TreeQuery query, TreeQuery declarations) {
        static Grammar of(TreeSitter parser, String query) {
            return new Grammar(
                    parser, new TreeQuery(parser.language(), query), new TreeQuery(parser.language(), DECLARATIONS));
        }
    }

    private static final Grammar TYPESCRIPT = Grammar.of(new TreeSitter(new TreeSitterTypescript()), COMMON + TS_ONLY);
    private static final Grammar TSX = Grammar.of(new TreeSitter(new TreeSitterTsx()), COMMON + TS_ONLY);
    private static final Grammar JAVASCRIPT = Grammar.of(new TreeSitter(new TreeSitterJavascript()), COMMON);

    private EcmaGrammars() {}

    /** The grammar of a component's code: TSX when a block asked for JSX, else TypeScript (which reads JavaScript too). */
    static Grammar forComponent(boolean jsx) {
        return jsx ? TSX : TYPESCRIPT;
    }

    static Grammar forPath(String path) {
        String ext = RepoPath.extension(path);
        if (ext.equals(".tsx")) {
            return TSX;
        }
        return EcmaNames.JS.contains(ext) ? JAVASCRIPT : TYPESCRIPT;
    }
}
