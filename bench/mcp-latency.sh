#!/usr/bin/env bash
# Runs bench/mcp-latency.mjs with the official MCP TypeScript SDK client, installed from npm into
# bench/.node (pinned by server/src/test/resources/mcp-client/package-lock.json).
#   bench/mcp-latency.sh <repo> [iterations]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
node_dir="$root/bench/.node"
if [ ! -d "$node_dir/node_modules/@modelcontextprotocol/sdk" ]; then
  mkdir -p "$node_dir"
  cp "$root/server/src/test/resources/mcp-client/package.json" "$root/server/src/test/resources/mcp-client/package-lock.json" "$node_dir/"
  (cd "$node_dir" && npm ci --no-audit --no-fund --loglevel=error)
fi
cp "$root/bench/mcp-latency.mjs" "$node_dir/mcp-latency.mjs"
sed -i "s|resolve(dirname(fileURLToPath(import.meta.url)), \"..\", \"graph-memory\")|\"$root/graph-memory\"|" "$node_dir/mcp-latency.mjs"
exec node "$node_dir/mcp-latency.mjs" "$@"
