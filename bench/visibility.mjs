// Commit-to-visible latency through a real MCP client (the official TypeScript SDK).
//   node bench/visibility.mjs <repo> <file-to-edit> [rounds]     (run bench/hook-visibility.sh)
// Each round appends a method with a fresh name to <file-to-edit>, runs `git commit` (the
// post-commit hook fires), and polls graph_find for that function every 20 ms: the time from the
// commit's return to the first answer that lists it. Then a burst: 20 commits as fast as git goes,
// and the time until the last one is visible.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

const [repo, file, roundsArg] = process.argv.slice(2);
const rounds = Number(roundsArg ?? 10);
const launcher = process.env.GM_LAUNCHER;
const transport = new StdioClientTransport({ command: launcher, args: ["--repo", repo, "serve"], stderr: "ignore" });
const client = new Client({ name: "gm-visibility", version: "1" });
await client.connect(transport);
const call = (name, args) => client.callTool({ name, arguments: args }, undefined, { timeout: 600000 });
await call("graph_stats", {});
const git = (...args) => execFileSync("git", ["-c", "user.name=bench", "-c", "user.email=b@example.com", ...args], { cwd: repo });

function addMethod(name) {
  const path = `${repo}/${file}`;
  const text = readFileSync(path, "utf8");
  const at = text.lastIndexOf("}");
  writeFileSync(path, text.slice(0, at) + `    void ${name}() {}\n` + text.slice(at));
}
async function visible(name) {
  const r = await call("graph_find", { schema: "architecture", type: "function", where: { name }, limit: 1 });
  return r.structuredContent.total > 0;
}
async function waitVisible(name, since) {
  for (;;) {
    if (await visible(name)) return performance.now() - since;
    await new Promise((r) => setTimeout(r, 20));
  }
}
const commitTimes = [];
const latencies = [];
for (let i = 0; i < rounds; i++) {
  const name = `gmVisible${Date.now()}x${i}`;
  addMethod(name);
  git("add", file);
  const c0 = performance.now();
  git("commit", "-q", "-m", `visibility ${i}`);
  const c1 = performance.now();
  commitTimes.push(c1 - c0);
  latencies.push(await waitVisible(name, c1));
}
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => sorted(xs)[Math.floor(xs.length / 2)];
console.log(`commit-to-visible over ${rounds} commits: median ${median(latencies).toFixed(0)} ms, min ${sorted(latencies)[0].toFixed(0)}, max ${sorted(latencies).at(-1).toFixed(0)}`);
console.log(`git commit with the hook: median ${median(commitTimes).toFixed(0)} ms`);

const b0 = performance.now();
let last;
for (let i = 0; i < 20; i++) {
  last = `gmBurst${Date.now()}x${i}`;
  addMethod(last);
  git("add", file);
  git("commit", "-q", "-m", `burst ${i}`);
}
const b1 = performance.now();
const burstVisible = await waitVisible(last, b1);
console.log(`burst of 20 commits: made in ${(b1 - b0).toFixed(0)} ms; last one visible ${burstVisible.toFixed(0)} ms after the 20th commit`);
await client.close();
