#!/usr/bin/env bash
# Incremental reindex benchmark on java.base (the Java sources of the JDK's lib/src.zip).
#   bench/incremental.sh [rounds]     (default 3 rounds)
# Extracts java.base to a temp git repository and commits it, runs one `graph-memory index` (a full
# build that also fills the cache in <git dir>/graph-memory/cache), then per round: changes one file, commits,
# and times `graph-memory index` (incremental). Two kinds of change: a leaf file few others use, and
# java/util/ArrayList.java (used from hundreds of files; its later methods move down a line, so
# their nodes are replaced and every call into them is written again). Prints the wall time of
# each run (JVM start, embedded store start and shutdown included) and the in-JVM time of the
# incremental run from the indexer's DEBUG log ("incremental: done at N ms"), and checks the
# fingerprint against a full rebuild at the end.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$root/bin/find-jdk.sh"
gm_find_jdk
src_zip="$GM_JAVA_HOME/lib/src.zip"
[ -f "$src_zip" ] || { echo "no $src_zip: this JDK ships no sources" >&2; exit 1; }
[ -f "$root/server/target/graph-memory.jar" ] || { echo "build first: bin/with-jdk ./mvnw -q -DskipTests package" >&2; exit 1; }
rounds=${1:-3}
work=${BENCH_DIR:-/tmp/gm-bench-incr}
dir="$work/java.base"
gm() { "$root/graph-memory" --repo "$dir" "$@"; }
git_q() { git -C "$dir" -c user.name=bench -c user.email=bench@example.com -c commit.gpgsign=false "$@"; }

rm -rf "$dir"; mkdir -p "$dir"
unzip -q "$src_zip" 'java.base/*.java' -d "$dir"
git_q init -q
git_q add -A
git_q commit -q -m "java.base sources"
echo "corpus: $(find "$dir" -name '*.java' -not -path '*/.graph-memory/*' | wc -l) files; load: $(cut -d' ' -f1-3 /proc/loadavg)"

gm stats >/dev/null 2>&1 # create the store outside the timed runs
/usr/bin/time -f '%e' -o "$work/time.txt" "$root/graph-memory" --repo "$dir" index > "$work/first.txt" 2>/dev/null
echo "first run (full, fills the cache): $(cat "$work/time.txt") s wall; $(tail -n 1 "$work/first.txt")"

leaf=java.base/java/util/zip/Adler32.java
hub=java.base/java/util/ArrayList.java
echo "| round | changed file | wall s | in-JVM ms | reparsed | load |"
echo "| --- | --- | --- | --- | --- | --- |"
for ((i = 1; i <= rounds; i++)); do
  for file in "$leaf" "$hub"; do
    # A new method near the top of the class body: later declarations move down one line.
    perl -0pi -e "s/(\n(public )?(abstract )?(final )?class \w+[^{]*\{\n)/\$1    static int benchRound$i() { return $i; }\n/" "$dir/$file"
    git_q commit -q -am "bench: change $file (round $i)"
    load=$(cut -d' ' -f1 /proc/loadavg)
    GRAPH_MEMORY_LOG_LEVEL=DEBUG /usr/bin/time -f '%e' -o "$work/time.txt" \
      "$root/graph-memory" --repo "$dir" index --json > "$work/summary.json" 2> "$work/stderr-$i-$(basename "$file").txt"
    cp "$work/stderr-$i-$(basename "$file").txt" "$work/stderr.txt"
    wall=$(cat "$work/time.txt")
    jvm=$(grep -o 'incremental: done at [0-9]* ms' "$work/stderr.txt" | grep -o '[0-9]*' | tail -n 1 || true)
    reparsed=$(grep -o '"reparsed" : [0-9]*' "$work/summary.json" | grep -o '[0-9]*$')
    echo "| $i | ${file#java.base/} | $wall | ${jvm:-?} | $reparsed | $load |"
  done
done
grep -E 'hashed|incremental:' "$work/stderr.txt" | sed 's/^graph-memory DEBUG Indexer:/  last run:/' || true

incremental=$(gm stats --fingerprint 2>/dev/null | tail -n 1)
gm index --full >/dev/null 2>&1
full=$(gm stats --fingerprint 2>/dev/null | tail -n 1)
if [ "$incremental" = "$full" ]; then echo "fingerprint after the incremental runs equals a full rebuild's: $full"; else echo "FINGERPRINT MISMATCH: incremental $incremental, full $full"; exit 1; fi
