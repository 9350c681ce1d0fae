#!/usr/bin/env bash
# Wall time of one command-line call from a shell (issue 15, "find or neighbors from a shell"), on a
# repository already indexed, its daemon warm: the daemon answering itself over its socket (the
# default) against a JVM of the call's own (GRAPH_MEMORY_DIRECT=off).
#   bench/cli-latency.sh REPO [CALLS]      (default 20 calls of each command on each path)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
repo=$(cd "$1" && pwd)
calls=${2:-20}
gm="$root/graph-memory"
node=$("$gm" --repo "$repo" query --limit 1 "MATCH (m:Module {repo: \$repo})<-[:IMPORTS]-() RETURN m.id ORDER BY m.id LIMIT 1" | sed -n 2p)
"$gm" --repo "$repo" stats >/dev/null # the daemon is up, its first call paid
run() { # label, then the command's arguments
  local label=$1; shift
  local times=() i t0 t1
  for ((i = 0; i < calls; i++)); do
    t0=$(date +%s%N)
    "$gm" --repo "$repo" "$@" >/dev/null
    t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v label="$label" -v n="$calls" '
    { t[NR] = $1 } END { printf "| %s | %d | %d ms | %d ms | %d ms |\n", label, n, t[int((n + 1) / 2)], t[int(n * 0.9 + 0.5)], t[n] }'
}
echo "## $repo ($(nproc) cores, load $(cut -d ' ' -f 1-3 /proc/loadavg))"
echo "| call | n | p50 | p90 | max |"
echo "| --- | --- | --- | --- | --- |"
for path in direct jvm; do
  [ "$path" = jvm ] && export GRAPH_MEMORY_DIRECT=off || export GRAPH_MEMORY_DIRECT=only
  run "find, 25 modules ($path)" find --schema architecture --type module
  run "neighbors of $node, in ($path)" neighbors "$node" --direction in
  run "query ($path)" query "MATCH (c:Class {repo: \$repo}) RETURN count(c)"
done
