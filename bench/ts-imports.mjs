// Reference module->module import edges for a TypeScript/JavaScript tree, resolved by the
// TypeScript compiler itself.
//
//   node bench/ts-imports.mjs <dir> <tsconfig.json | options.json>   prints "importer<TAB>imported"
//
// Every file of <dir> with a TS/JS extension (node_modules and dot folders skipped) is parsed by
// `ts.createSourceFile`; its module references (see specifiers() below; type-only imports count)
// are each resolved with `ts.resolveModuleName` under
// the compiler options of the given tsconfig (its `extends`, `baseUrl` and `paths` included) or,
// for a package that ships no tsconfig, of a JSON file holding `compilerOptions` alone. An edge is
// kept when the resolved file is a file of <dir>; self-edges are dropped.
import { createRequire } from "node:module";
import { readFileSync, readdirSync } from "node:fs";
import { join, relative, resolve, dirname, sep } from "node:path";

const require = createRequire(import.meta.url);
const ts = require("typescript");

const [dirArg, configArg] = process.argv.slice(2);
if (!dirArg || !configArg) {
  console.error("usage: node ts-imports.mjs <dir> <tsconfig.json | options.json>");
  process.exit(2);
}
const root = resolve(dirArg);
const configPath = resolve(configArg);
const extensions = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

function compilerOptions() {
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, "\n"));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(configPath), undefined, configPath);
  return { ...parsed.options, allowJs: true };
}

function walk(d, out) {
  for (const e of readdirSync(d, { withFileTypes: true })) {
    if (e.name.startsWith(".") || e.name === "node_modules") continue;
    const p = join(d, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (extensions.test(e.name)) out.push(p);
  }
  return out;
}

function scriptKind(file) {
  if (/\.(tsx)$/.test(file)) return ts.ScriptKind.TSX;
  if (/\.(jsx)$/.test(file)) return ts.ScriptKind.JSX;
  if (/\.(js|mjs|cjs)$/.test(file)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

// The module names the compiler resolves for a file, collected from its tree as the compiler's
// own collectModuleReferences does: import and export declarations with a specifier (`export * as
// ns from` included), `import x = require()`, `import("x")` types, `require()` and `import()` calls
// with one literal argument, and `declare module "x"` augmentations inside a module file.
// (ts.preProcessFile is not used: its scanner skips `export * as ns from "x"`.)
function specifiers(file) {
  const text = readFileSync(file, "utf8");
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKind(file));
  const specs = [];
  const literal = (n) => n && ts.isStringLiteralLike(n) && specs.push(n.text);
  const isModule = ts.isExternalModule(sf);
  const visit = (node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
      literal(node.moduleSpecifier);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      literal(node.moduleReference.expression);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      literal(node.argument.literal);
    } else if (ts.isModuleDeclaration(node) && ts.isStringLiteral(node.name) && isModule && node.parent === sf) {
      literal(node.name);
    } else if (ts.isCallExpression(node) && node.arguments.length >= 1) {
      const callee = node.expression;
      if ((ts.isIdentifier(callee) && callee.text === "require") || callee.kind === ts.SyntaxKind.ImportKeyword) {
        literal(node.arguments[0]);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return [...new Set(specs)];
}

const options = compilerOptions();
const host = ts.sys;
const files = walk(root, []);
const fileSet = new Set(files.map((f) => relative(root, f).split(sep).join("/")));
const edges = new Set();
for (const file of files) {
  const from = relative(root, file).split(sep).join("/");
  for (const spec of specifiers(file)) {
    const r = ts.resolveModuleName(spec, file, options, host).resolvedModule;
    if (!r) continue;
    const to = relative(root, r.resolvedFileName).split(sep).join("/");
    if (to.startsWith("..") || to.includes("node_modules/") || !fileSet.has(to) || to === from) continue;
    edges.add(`${from}\t${to}`);
  }
}
process.stdout.write([...edges].sort().join("\n") + (edges.size ? "\n" : ""));
