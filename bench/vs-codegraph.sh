#!/usr/bin/env bash
# graph-memory against CodeGraph (@colbymchenry/codegraph, SQLite + tree-sitter) on the same
# corpora, in one run, so that the ratio holds whatever the machine's load.
#
#   bench/vs-codegraph.sh [--refresh] CORPUS...
#
# CORPUS is a folder (a git clone at a pinned commit; it is never modified: each tool gets a fresh
# `git clone` of its HEAD, or a copy when the folder is no git repository) or `java.base`
# (extracted from the JDK's lib/src.zip and committed in a temp repository). Nothing is fetched:
#   jsoup:  git clone https://github.com/jhy/jsoup && git -C jsoup checkout <commit>
#   Spring: git clone https://github.com/spring-projects/spring-framework spring
#           git -C spring checkout 91eb426   (9,247 Java files in 23 Gradle subprojects)
#
# For each corpus it prints the first index's wall time (no daemon running before: store start
# included) and the peak RSS of all the tool's processes together (CLI and store daemon for
# graph-memory, sampled every 100 ms), for both tools, and their ratios. With --refresh it then
# measures graph-memory's refresh: a one-file commit re-indexed by the CLI, a run with nothing
# changed, `stats`, `gaps`, and `graph_find` latency over MCP (bench/mcp-latency.sh).
#
# CodeGraph is installed into a temporary npm prefix (CODEGRAPH_VERSION, default 1.6.1); without
# npm the CodeGraph column is skipped with a message. BENCH_DIR (default /tmp/gm-vs-cg) holds the
# copies; it is emptied per corpus.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$root/bin/find-jdk.sh"
gm_find_jdk
[ -f "$root/server/target/graph-memory.jar" ] || { echo "build first: bin/with-jdk ./mvnw -q -B -DskipTests package" >&2; exit 1; }
refresh=false
if [ "${1:-}" = --refresh ]; then refresh=true; shift; fi
[ $# -gt 0 ] || { sed -n '2,22p' "${BASH_SOURCE[0]}" >&2; exit 2; }
work=${BENCH_DIR:-/tmp/gm-vs-cg}
mkdir -p "$work"

cg_version=${CODEGRAPH_VERSION:-1.6.1}
cg=""
if command -v npm >/dev/null 2>&1; then
  prefix="$work/codegraph-$cg_version"
  if [ ! -x "$prefix/node_modules/.bin/codegraph" ]; then
    mkdir -p "$prefix"
    npm i --prefix "$prefix" --no-audit --no-fund --loglevel=error "@colbymchenry/codegraph@$cg_version" >&2 \
      || echo "CodeGraph $cg_version did not install; its column is skipped" >&2
  fi
  [ -x "$prefix/node_modules/.bin/codegraph" ] && cg="$prefix/node_modules/.bin/codegraph"
else
  echo "npm is not installed: CodeGraph is skipped, graph-memory alone is timed" >&2
fi

if pgrep -f 'graph-memory.jar' >/dev/null; then
  echo "note: other graph-memory processes are running; their memory is not counted, but their CPU load skews the times" >&2
fi

# run_peak OUT PATTERN CMD...: runs CMD, samples the summed RSS (kB) of every process whose command
# line matches PATTERN (which must name the corpus copy, so only this run's processes count) until
# CMD ends, and writes "<wall seconds> <peak MB>" to OUT.
run_peak() {
  local out=$1 pattern=$2; shift 2
  local start end peak=0 rss pid
  start=$(date +%s.%N)
  "$@" > "$out.stdout" 2> "$out.stderr" &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    rss=$(ps -eo rss=,args= | awk -v p="$pattern" 'index($0, p) { s += $1 } END { print s + 0 }')
    [ "$rss" -gt "$peak" ] && peak=$rss
    sleep 0.1
  done
  wait "$pid" || { echo "failed: $* (see $out.stderr)" >&2; tail -n 5 "$out.stderr" >&2; return 1; }
  end=$(date +%s.%N)
  # The store daemon outlives the CLI: sample it once more, it holds the store it just wrote.
  rss=$(ps -eo rss=,args= | awk -v p="$pattern" 'index($0, p) { s += $1 } END { print s + 0 }')
  [ "$rss" -gt "$peak" ] && peak=$rss
  awk -v s="$start" -v e="$end" -v p="$peak" 'BEGIN { printf "%.1f %.0f\n", e - s, p / 1024 }' > "$out"
}

fresh_copy() { # fresh_copy SOURCE DEST
  rm -rf "$2"
  if [ -d "$1/.git" ]; then
    git clone -q --no-hardlinks "$1" "$2"
  else
    mkdir -p "$2" && (cd "$1" && tar cf - --exclude=.graph-memory --exclude=.codegraph .) | (cd "$2" && tar xf -)
  fi
}

timed() { # timed CMD...: wall seconds of one command, output discarded
  local s e
  s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N)
  awk -v s="$s" -v e="$e" 'BEGIN { printf "%.2f", e - s }'
}

echo "| corpus | files (java) | graph-memory index s | CodeGraph s | time ratio | graph-memory peak MB | CodeGraph peak MB | memory ratio |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
for corpus in "$@"; do
  name=$(basename "$corpus")
  src="$corpus"
  if [ "$corpus" = java.base ]; then
    src="$work/src-java.base"
    if [ ! -d "$src/.git" ]; then
      rm -rf "$src"; mkdir -p "$src"
      unzip -q "$GM_JAVA_HOME/lib/src.zip" 'java.base/*.java' -d "$src"
      git -C "$src" init -q && git -C "$src" add -A && git -C "$src" -c user.name=bench -c user.email=bench@localhost commit -qm corpus
    fi
  fi
  [ -d "$src" ] || { echo "no folder $corpus" >&2; exit 2; }
  gm_copy="$work/gm-$name"
  cg_copy="$work/cg-$name"
  fresh_copy "$src" "$gm_copy"
  files=$(find "$gm_copy" -name '*.java' -not -path '*/.git/*' | wc -l)

  run_peak "$work/gm.time" "$gm_copy" "$root/graph-memory" --repo "$gm_copy" index
  read -r gm_s gm_mb < "$work/gm.time"
  cg_s=-; cg_mb=-; tr=-; mr=-
  if [ -n "$cg" ]; then
    fresh_copy "$src" "$cg_copy"
    run_peak "$work/cg.time" "$cg_copy" "$cg" init -y "$cg_copy"
    read -r cg_s cg_mb < "$work/cg.time"
    tr=$(awk -v a="$gm_s" -v b="$cg_s" 'BEGIN { printf "%.2f", a / b }')
    mr=$(awk -v a="$gm_mb" -v b="$cg_mb" 'BEGIN { printf "%.2f", a / b }')
  fi
  echo "| $name | $files | $gm_s | $cg_s | $tr | $gm_mb | $cg_mb | $mr |"
  grep -E '^indexed|^warning|not parsed' "$work/gm.time.stdout" "$work/gm.time.stderr" 2>/dev/null | sed 's/^/    /' >&2 || true

  if $refresh; then
    # One-file commit: the first Java file in path order gets a comment line.
    file=$(cd "$gm_copy" && git ls-files '*.java' | sed -n 1p) # sed reads all: no SIGPIPE under pipefail
    echo "// touched by bench/vs-codegraph.sh" >> "$gm_copy/$file"
    git -C "$gm_copy" -c user.name=bench -c user.email=bench@localhost commit -qam "bench: touch $file" --no-verify
    one=$(timed "$root/graph-memory" --repo "$gm_copy" index)
    none=$(timed "$root/graph-memory" --repo "$gm_copy" index)
    stats=$(timed "$root/graph-memory" --repo "$gm_copy" stats)
    gaps=$(timed "$root/graph-memory" --repo "$gm_copy" gaps)
    echo "    refresh: one-file commit index ${one} s, nothing changed ${none} s, stats ${stats} s, gaps ${gaps} s" >&2
    if command -v node >/dev/null 2>&1; then
      "$root/bench/mcp-latency.sh" "$gm_copy" 200 2>&1 | sed 's/^/    /' >&2 || echo "    mcp-latency failed" >&2
    fi
  fi
  "$root/graph-memory" --repo "$gm_copy" daemon stop >/dev/null 2>&1 || true
  rm -rf "$cg_copy"
done
