// Answer-size benchmark with a real client (the official MCP TypeScript SDK): asks the README's
// questions of a repository's graph and writes each answer as the model and a parser see it.
//   node answer-tokens.mjs <launcher> <repo> <out-dir>   (run bench/answer-tokens.sh)
// For every case: <out>/<case>.text (the text content: what Claude Code shows the model),
// <out>/<case>.json (structuredContent, compact JSON) and a line in <out>/cases.tsv (case, rows).
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { mkdirSync, writeFileSync, appendFileSync } from "node:fs";

const [launcher, repo, out] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
writeFileSync(`${out}/cases.tsv`, "");
const transport = new StdioClientTransport({ command: launcher, args: ["--repo", repo, "serve"], stderr: "ignore" });
const client = new Client({ name: "gm-answer-tokens", version: "1" });
await client.connect(transport);
const call = (name, args) => client.callTool({ name, arguments: args }, undefined, { timeout: 600000 });
const q = async (cypher) => (await call("graph_query", { cypher, limit: 5 })).structuredContent.rows;

// Real targets from the graph itself: the most imported module, one imported 5-20 times, a class.
const [hub] = await q("MATCH (m:Module {repo: $repo})<-[r:IMPORTS]-() WITH m, count(r) AS c ORDER BY c DESC, m.id LIMIT 1 RETURN m.id AS id");
const [mid] = await q("MATCH (m:Module {repo: $repo})<-[r:IMPORTS]-() WITH m, count(r) AS c WHERE c >= 5 AND c <= 20 RETURN m.id AS id ORDER BY m.id LIMIT 1");
const [cls] = await q("MATCH (c:Class {repo: $repo}) WITH c ORDER BY c.id SKIP 100 RETURN c.name AS name LIMIT 1");
const [commit] = await q("MATCH (c:Commit {repo: $repo})-[:MODIFIES]->() RETURN c.id AS id ORDER BY c.time DESC LIMIT 1");

const cases = [
  ["entry points", "graph_find", { schema: "architecture", type: "cli_entry" }],
  ["modules importing a mid module, depth 2", "graph_neighbors", { node_id: mid.id, direction: "in", relationship: "IMPORTS", depth: 2 }],
  ["who imports the hub module", "graph_neighbors", { node_id: hub.id, direction: "in", relationship: "IMPORTS" }],
  ["everything around the hub module", "graph_neighbors", { node_id: hub.id }],
  ["functions calling ProcessBuilder", "graph_find", { schema: "architecture", type: "function", where: { calls: { $contains: "ProcessBuilder" } } }],
  ["functions (first page)", "graph_find", { schema: "architecture", type: "function" }],
  ["classes (first page)", "graph_find", { schema: "architecture", type: "class" }],
  ["a class by name", "graph_find", { schema: "architecture", type: "class", where: { name: cls.name } }],
  ["modules by path ($or)", "graph_find", { schema: "architecture", type: "module", where: { $or: [{ path: { $contains: "/nio/" } }, { path: { $contains: "/select/" } }, { path: { $endsWith: "Builder.java" } }] } }],
  ["commits (first page)", "graph_find", { schema: "workflow", type: "commit" }],
  ["what a commit modified", "graph_neighbors", { node_id: commit?.id ?? hub.id, direction: "out", relationship: "MODIFIES" }],
  ["most imported modules (graph_query)", "graph_query", { cypher: "MATCH (m:Module {repo: $repo})<-[r:IMPORTS]-() WITH m, count(r) AS c RETURN m.id AS module, m.is_test AS test, c AS importers ORDER BY c DESC, module LIMIT 25" }],
];
for (const [name, tool, args] of cases) {
  const r = await call(tool, args);
  const file = name.replace(/[^a-z0-9]+/gi, "-");
  const text = (r.content ?? []).filter((c) => c.type === "text").map((c) => c.text).join("\n");
  writeFileSync(`${out}/${file}.text`, text);
  writeFileSync(`${out}/${file}.json`, JSON.stringify(r.structuredContent ?? {}));
  appendFileSync(`${out}/cases.tsv`, `${file}\t${r.isError ? -1 : (r.structuredContent?.rows ?? []).length}\t${name}\n`);
}
await client.close();
