#!/usr/bin/env bash
# The hook and the daemon, measured (issue 5): time the post-commit hook adds to `git commit`
# (median of 20, against the same commits without the hook), commit-to-visible latency through a
# real MCP client, a burst of 20 commits (and how many index runs it made), daemon start time and
# idle memory.
#   bench/hook-visibility.sh [java.base|<path of a git repository>] [file to edit, repo-relative]
# java.base (default) is prepared as in bench/jdk-index.sh, then committed once.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$root/bin/find-jdk.sh"
gm_find_jdk
gm="$root/graph-memory"
corpus=${1:-java.base}
work=${BENCH_DIR:-/tmp/gm-bench}
mkdir -p "$work"
if [ "$corpus" = java.base ]; then
  dir="$work/java.base-hook"
  if [ ! -d "$dir/.git" ]; then
    rm -rf "$dir"; mkdir -p "$dir"
    unzip -q "$GM_JAVA_HOME/lib/src.zip" 'java.base/*.java' -d "$dir"
    git -C "$dir" init -q
    git -C "$dir" add -A
    git -C "$dir" -c user.name=bench -c user.email=b@example.com commit -qm "java.base sources"
  fi
  file=${2:-java.base/java/util/ArrayList.java}
else
  dir=$(cd "$corpus" && pwd)
  file=${2:?give the repository-relative path of a Java file to edit}
fi
git_commit() { git -C "$dir" -c user.name=bench -c user.email=b@example.com commit -q "$@"; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ms() { date +%s%N; }

"$gm" --repo "$dir" daemon stop >/dev/null 2>&1 || true
"$gm" --repo "$dir" hook uninstall >/dev/null
t0=$(ms); "$gm" --repo "$dir" daemon start >/dev/null; t1=$(ms)
echo "daemon start (launcher to endpoint answering): $(( (t1 - t0) / 1000000 )) ms"
"$gm" --repo "$dir" index >/dev/null
pid=$("$gm" --repo "$dir" daemon status --json | grep -o '"pid":[0-9]*' | grep -o '[0-9]*')
sleep 5
echo "daemon RSS after indexing, idle: $(( $(awk '/VmRSS/ {print $2}' /proc/"$pid"/status) / 1024 )) MB"

# Hook overhead: the same kind of commit (one line appended to a text file) without and with it.
for mode in without with; do
  [ "$mode" = with ] && "$gm" --repo "$dir" hook install >/dev/null
  : > "$work/commit-$mode.txt"
  for i in $(seq 1 20); do
    echo "$mode $i" >> "$dir/BENCH_NOTES.txt"
    git -C "$dir" add BENCH_NOTES.txt
    a=$(ms); git_commit -m "bench $mode $i"; b=$(ms)
    echo $(( (b - a) / 1000 )) >> "$work/commit-$mode.txt"
    sleep 0.2
  done
done
without=$(median < "$work/commit-without.txt"); with=$(median < "$work/commit-with.txt")
echo "git commit, median of 20: without hook $((without / 1000)).$(( (without % 1000) / 100 )) ms, with hook $((with / 1000)).$(( (with % 1000) / 100 )) ms, added $(( (with - without) / 1000 )) ms"

runs_before=$(grep -c "reindexed" "$dir/.graph-memory/logs/daemon.log" || true)
node_dir="$root/bench/.node"
if [ ! -d "$node_dir/node_modules/@modelcontextprotocol/sdk" ]; then
  mkdir -p "$node_dir"
  cp "$root/server/src/test/resources/mcp-client/package.json" "$root/server/src/test/resources/mcp-client/package-lock.json" "$node_dir/"
  (cd "$node_dir" && npm ci --no-audit --no-fund --loglevel=error)
fi
cp "$root/bench/visibility.mjs" "$node_dir/visibility.mjs"
GM_LAUNCHER="$gm" node "$node_dir/visibility.mjs" "$dir" "$file" "${BENCH_ROUNDS:-10}"
sleep 3
runs_after=$(grep -c "reindexed" "$dir/.graph-memory/logs/daemon.log" || true)
echo "index runs for the ${BENCH_ROUNDS:-10} single commits plus the burst of 20: $((runs_after - runs_before))"
"$gm" --repo "$dir" hook uninstall >/dev/null
