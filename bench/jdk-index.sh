#!/usr/bin/env bash
# Indexing benchmark on a real corpus: the Java sources in the JDK's lib/src.zip.
#   bench/jdk-index.sh [all|java.base] ...   (default: java.base all)
# For each corpus: extracts it to a temp dir and `git init`s it (no commit: every file is untracked
# and not ignored, which the walker indexes like tracked files), runs `graph-memory index --full`
# under /usr/bin/time, then the parse-only floor (bench/ParseFloor.java, same parser configuration,
# same thread count). Prints one markdown table row per corpus for BENCHMARKS.md.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$root/bin/find-jdk.sh"
gm_find_jdk
src_zip="$GM_JAVA_HOME/lib/src.zip"
[ -f "$src_zip" ] || { echo "no $src_zip: this JDK ships no sources" >&2; exit 1; }
[ -f "$root/server/target/graph-memory.jar" ] || { echo "build first: bin/with-jdk ./mvnw -q -DskipTests package" >&2; exit 1; }
work=${BENCH_DIR:-/tmp/gm-bench}
threads=${BENCH_THREADS:-$(nproc)}
corpora=("$@"); [ ${#corpora[@]} -gt 0 ] || corpora=(java.base all)

echo "| corpus | files | wall s | files/s | peak RSS MB | nodes | relationships | parse-only floor s | wall / floor |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
for corpus in "${corpora[@]}"; do
  dir="$work/$corpus"
  if [ ! -d "$dir/.git" ]; then
    rm -rf "$dir"; mkdir -p "$dir"
    if [ "$corpus" = all ]; then unzip -q "$src_zip" '*.java' -d "$dir"; else unzip -q "$src_zip" "$corpus/*.java" -d "$dir"; fi
    git -C "$dir" init -q
  fi
  rm -rf "$dir/.graph-memory"
  files=$(find "$dir" -name '*.java' -not -path '*/.graph-memory/*' | wc -l)
  # Start the store once first so the measured run does not include creating a fresh store.
  "$root/graph-memory" --repo "$dir" stats >/dev/null 2>&1
  /usr/bin/time -f '%e %M' -o "$work/time.txt" "$root/graph-memory" --repo "$dir" index --full --json > "$work/summary.json" 2> "$work/stderr.txt"
  read -r wall rss_kb < "$work/time.txt"
  nodes=$(grep -o '"nodesWritten" : [0-9]*' "$work/summary.json" | grep -o '[0-9]*$')
  rels=$(grep -o '"relationshipsWritten" : [0-9]*' "$work/summary.json" | grep -o '[0-9]*$')
  floor=$("$GM_JAVA_HOME/bin/java" -Xmx1g -cp "$root/server/target/lib/*" "$root/bench/ParseFloor.java" "$dir" "$threads" | tail -n 1)
  awk -v c="$corpus" -v f="$files" -v w="$wall" -v r="$rss_kb" -v n="$nodes" -v e="$rels" -v fl="$floor" \
    'BEGIN { printf "| %s | %d | %.1f | %.0f | %.0f | %d | %d | %.1f | %.2f |\n", c, f, w, f / w, r / 1024, n, e, fl, w / fl }'
done
