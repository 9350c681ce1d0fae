#!/usr/bin/env bash
# Answer sizes in tokens (issue 17): asks the README's questions of each repository's graph through
# a real MCP client (the official TypeScript SDK, installed from npm into bench/.node) and counts the
# tokens of each answer's text content and structuredContent with jtokkit (Maven Central).
#   bench/answer-tokens.sh REPO [REPO...]      (each REPO already indexed: graph-memory --repo REPO index)
# GM_LAUNCHER picks another build's launcher (e.g. a worktree of an older commit) to compare.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
launcher=${GM_LAUNCHER:-$root/graph-memory}
node_dir="$root/bench/.node"
if [ ! -d "$node_dir/node_modules/@modelcontextprotocol/sdk" ]; then
  command -v npm >/dev/null || { echo "answer-tokens: npm is needed for the MCP client; skipped" >&2; exit 1; }
  mkdir -p "$node_dir"
  cp "$root/server/src/test/resources/mcp-client/package.json" "$root/server/src/test/resources/mcp-client/package-lock.json" "$node_dir/"
  (cd "$node_dir" && npm ci --no-audit --no-fund --loglevel=error)
fi
cp "$root/bench/answer-tokens.mjs" "$node_dir/answer-tokens.mjs"
version=1.1.0
jar="$HOME/.m2/repository/com/knuddels/jtokkit/$version/jtokkit-$version.jar"
if [ ! -f "$jar" ]; then
  "$root/bin/with-jdk" "$root/mvnw" -q -B dependency:get -Dartifact="com.knuddels:jtokkit:$version" >&2
fi
java_bin=$("$root/bin/with-jdk" sh -c 'command -v java')
for repo in "$@"; do
  out=$(mktemp -d -t gm-tokens.XXXXXX)
  node "$node_dir/answer-tokens.mjs" "$launcher" "$(cd "$repo" && pwd)" "$out"
  echo "## $repo ($(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?'); launcher $launcher)"
  "$java_bin" -cp "$jar" "$root/bench/AnswerTokens.java" "$out"
  echo "answers: $out"
done
