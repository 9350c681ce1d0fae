#!/usr/bin/env bash
# Accuracy of Python import edges: graph-memory's IMPORTS (module -> repository module) against
# a reference made with Python's own ast module (bench/python-imports.py), over the standard
# library of the installed python3 (copied without site-packages, git-initialised).
#   bench/python-imports.sh [dir]     (default: the stdlib of `python3`)
# Prints edge counts, precision and recall, and writes the differences to $BENCH_DIR/py-*.tsv.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[ -f "$root/server/target/graph-memory.jar" ] || { echo "build first: bin/with-jdk ./mvnw -q -DskipTests package" >&2; exit 1; }
work=${BENCH_DIR:-/tmp/gm-bench}
mkdir -p "$work"
dir=${1:-}
if [ -z "$dir" ]; then
  stdlib=$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')
  dir="$work/python-stdlib"
  if [ ! -d "$dir/.git" ]; then
    rm -rf "$dir"; mkdir -p "$dir"
    (cd "$stdlib" && find . -name '*.py' -not -path '*/site-packages/*' -not -path '*/__pycache__/*' -print0 | tar --null -T - -cf -) | tar -C "$dir" -xf -
    git -C "$dir" init -q
  fi
fi
python3 "$root/bench/python-imports.py" "$dir" | sort -u > "$work/py-reference.tsv"
"$root/graph-memory" --repo "$dir" stats >/dev/null 2>&1 || true
/usr/bin/time -f '%e s wall, %M KB peak RSS' -o "$work/py-time.txt" "$root/graph-memory" --repo "$dir" index --full --json > "$work/py-summary.json"
: > "$work/py-graph.tsv"
page=1000; skip=0
while :; do
  "$root/graph-memory" --repo "$dir" query --json --limit $page \
    "MATCH (a:Module)-[r:IMPORTS]->(b:Module) WHERE a.path IS NOT NULL AND b.path IS NOT NULL AND a.language = 'python' AND r.by_name IS NULL RETURN a.path AS a, b.path AS b ORDER BY a, b SKIP $skip LIMIT $page" \
    > "$work/py-page.json"
  n=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); rows=d.get("rows", d) if isinstance(d, dict) else d; print(len(rows)); [print(r["a"]+"\t"+r["b"], file=open(sys.argv[2],"a")) for r in rows]' "$work/py-page.json" "$work/py-graph.tsv")
  [ "$n" -lt $page ] && break
  skip=$((skip + page))
done
sort -u -o "$work/py-graph.tsv" "$work/py-graph.tsv"
comm -23 "$work/py-graph.tsv" "$work/py-reference.tsv" > "$work/py-extra.tsv"
comm -13 "$work/py-graph.tsv" "$work/py-reference.tsv" > "$work/py-missed.tsv"
ref=$(wc -l < "$work/py-reference.tsv"); got=$(wc -l < "$work/py-graph.tsv")
both=$(comm -12 "$work/py-graph.tsv" "$work/py-reference.tsv" | wc -l)
files=$(find "$dir" -name '*.py' -not -path '*/.graph-memory/*' | wc -l)
echo "files: $files; index: $(cat "$work/py-time.txt")"
awk -v r="$ref" -v g="$got" -v b="$both" 'BEGIN { printf "reference edges %d, graph edges %d, common %d\nprecision %.4f, recall %.4f\n", r, g, b, b / g, b / r }'
echo "differences: $work/py-extra.tsv (graph only), $work/py-missed.tsv (reference only)"
