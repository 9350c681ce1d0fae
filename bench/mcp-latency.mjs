// MCP latency and answer-size benchmark with a real client (the official TypeScript SDK).
//   node bench/mcp-latency.mjs <repo> [iterations]     (run bench/mcp-latency.sh, which installs the SDK)
// Measures: process start to `initialize` answered; the first tool call on a cold store; then
// p50/p99 over N calls of graph_find (indexed equality, $contains, $or) and graph_neighbors
// (depth 1, 2, 3), and the size of each answer in characters and estimated tokens (chars / 4).
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport, getDefaultEnvironment } from "@modelcontextprotocol/sdk/client/stdio.js";
import { resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const repo = process.argv[2];
const n = Number(process.argv[3] ?? 200);
const launcher = resolve(dirname(fileURLToPath(import.meta.url)), "..", "graph-memory");
const t0 = performance.now();
// The SDK gives the server a minimal environment; graph-memory's own settings (GRAPH_MEMORY_DIRECT=off
// to time a server in a JVM of its own) are passed on.
const env = { ...getDefaultEnvironment() };
for (const [k, v] of Object.entries(process.env)) if (k.startsWith("GRAPH_MEMORY_")) env[k] = v;
const transport = new StdioClientTransport({ command: launcher, args: ["--repo", repo, "serve"], stderr: "ignore", env });
const client = new Client({ name: "gm-bench", version: "1" });
await client.connect(transport);
const initMs = performance.now() - t0;
const call = (name, args) => client.callTool({ name, arguments: args }, undefined, { timeout: 600000 });

let t = performance.now();
const stats = await call("graph_stats", {});
const firstCallMs = performance.now() - t;

// Pick real targets from the graph itself.
const q = async (cypher) => (await call("graph_query", { cypher, limit: 5 })).structuredContent.rows;
const [hub] = await q("MATCH (m:Module {repo: $repo})<-[r:IMPORTS]-() WITH m, count(r) AS c ORDER BY c DESC LIMIT 1 RETURN m.id AS id, c");
const [mid] = await q("MATCH (m:Module {repo: $repo})<-[r:IMPORTS]-() WITH m, count(r) AS c WHERE c >= 5 AND c <= 20 RETURN m.id AS id, m.path AS path, c LIMIT 1");
const [cls] = await q("MATCH (c:Class {repo: $repo}) RETURN c.name AS name SKIP 100 LIMIT 1");

const cases = [
  ["graph_find equality (name)", "graph_find", { schema: "architecture", type: "class", where: { name: cls.name } }],
  ["graph_find $contains (calls)", "graph_find", { schema: "architecture", type: "function", where: { calls: { $contains: "ProcessBuilder" } } }],
  ["graph_find $or (path)", "graph_find", { schema: "architecture", type: "module", where: { $or: [{ path: { $contains: "/nio/" } }, { path: { $endsWith: "Builder.java" } }] } }],
  ["graph_find entry points", "graph_find", { schema: "architecture", type: "cli_entry" }],
  ["graph_neighbors depth 1 (in, IMPORTS)", "graph_neighbors", { node_id: mid.id, direction: "in", relationship: "IMPORTS", depth: 1 }],
  ["graph_neighbors depth 2 (in, IMPORTS)", "graph_neighbors", { node_id: mid.id, direction: "in", relationship: "IMPORTS", depth: 2 }],
  ["graph_neighbors depth 3 (in, IMPORTS)", "graph_neighbors", { node_id: mid.id, direction: "in", relationship: "IMPORTS", depth: 3 }],
  ["graph_neighbors depth 1 (hub, in)", "graph_neighbors", { node_id: hub.id, direction: "in", relationship: "IMPORTS", depth: 1 }],
];
const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
console.log(`repo: ${repo}`);
console.log(`nodes: ${JSON.stringify(stats.structuredContent.nodes)}`);
console.log(`start to initialize answered: ${initMs.toFixed(0)} ms; first tool call (cold store): ${firstCallMs.toFixed(0)} ms`);
console.log(`targets: ${mid.id} (${mid.c} importers), hub ${hub.id} (${hub.c} importers)`);
console.log("| call | p50 ms | p99 ms | answer chars | ~tokens | rows | total |");
console.log("| --- | --- | --- | --- | --- | --- | --- |");
for (const [label, name, args] of cases) {
  const times = [];
  let last;
  for (let i = 0; i < 5; i++) await call(name, args); // warm-up
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    last = await call(name, args);
    times.push(performance.now() - s);
  }
  if (last.isError) throw new Error(`${label}: ${JSON.stringify(last.content)}`);
  times.sort((a, b) => a - b);
  const chars = JSON.stringify(last.structuredContent).length;
  const sc = last.structuredContent;
  console.log(`| ${label} | ${pct(times, 50).toFixed(1)} | ${pct(times, 99).toFixed(1)} | ${chars} | ${Math.round(chars / 4)} | ${sc.rows.length} | ${sc.total} |`);
}
await client.close();
