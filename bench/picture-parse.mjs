// Parses each Mermaid file given with Mermaid's own parser (mermaid.parse), jsdom supplying the
// window DOMPurify needs; exit 1 when any fails. Mermaid and jsdom are looked up in the folder
// MERMAID_DIR names (default /tmp/mmd), installed there with `npm i --prefix /tmp/mmd mermaid jsdom`.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const dir = process.env.MERMAID_DIR ?? '/tmp/mmd';
const require = createRequire(pathToFileURL(dir + '/node_modules/'));
const { JSDOM } = require('jsdom');
const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import(pathToFileURL(require.resolve('mermaid')).href);
let failed = 0;
for (const file of process.argv.slice(2)) {
  try {
    const r = await mermaid.parse(readFileSync(file, 'utf8'));
    console.log(`ok ${file} ${r.diagramType}`);
  } catch (e) {
    failed++;
    console.error(`FAIL ${file}: ${e.message ?? e}`);
  }
}
process.exit(failed ? 1 : 0);
