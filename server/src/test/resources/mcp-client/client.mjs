// A real MCP client (the official TypeScript SDK) driving graph-memory over stdio.
// Usage: node client.mjs calls.json -- <server command> [args...]
// Prints one JSON object: {tools: [...], results: [{name, arguments, isError, structuredContent, text}]}
import { readFileSync } from "node:fs";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

const sep = process.argv.indexOf("--");
const calls = JSON.parse(readFileSync(process.argv[2], "utf8"));
const [command, ...args] = process.argv.slice(sep + 1);
const transport = new StdioClientTransport({ command, args, stderr: "inherit" });
const client = new Client({ name: "graph-memory-it", version: "1.0.0" });
await client.connect(transport);
const listed = await client.listTools();
const results = [];
for (const call of calls) {
  try {
    const r = await client.callTool({ name: call.name, arguments: call.arguments }, undefined, { timeout: 180000 });
    results.push({
      name: call.name,
      arguments: call.arguments,
      isError: r.isError === true,
      structuredContent: r.structuredContent ?? null,
      text: (r.content ?? []).filter((c) => c.type === "text").map((c) => c.text).join("\n"),
    });
  } catch (e) {
    results.push({ name: call.name, arguments: call.arguments, protocolError: String(e) });
  }
}
console.log(JSON.stringify({ server: client.getServerVersion(), tools: listed.tools, results }));
await client.close();
