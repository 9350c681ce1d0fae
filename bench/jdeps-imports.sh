#!/usr/bin/env bash
# Accuracy of the Java plugin's IMPORTS edges on this project's own main code, against an
# independent reference: the JDK's jdeps over the compiled classes.
#   bench/jdeps-imports.sh
# Reference: `jdeps -verbose:class -filter:none` class→class dependencies between this project's
# classes, mapped to source files (nested classes to their top-level file), self-edges dropped.
# Ours: file→file IMPORTS between main modules, read with `graph-memory query`.
# Prints precision, recall and the edges each side has alone.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$root/bin/find-jdk.sh"
gm_find_jdk
cd "$root"
[ -f server/target/graph-memory.jar ] || { echo "build first: bin/with-jdk ./mvnw -q -DskipTests package" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$GM_JAVA_HOME/bin/jdeps" -verbose:class -filter:none \
  queries/target/classes indexer/target/classes server/target/classes > "$work/jdeps.txt"

./graph-memory index >/dev/null
# query returns at most 1,000 rows a call: page with SKIP until a page comes back short.
skip=0
: > "$work/ours.jsonl"
while :; do
  ./graph-memory query --json --limit 1000 \
    "MATCH (a:Module)-[:IMPORTS]->(b:Module) WHERE a.path =~ '(queries|indexer|server)/src/main/java/.*' AND b.path =~ '(queries|indexer|server)/src/main/java/.*' RETURN a.path AS a, b.path AS b ORDER BY a, b SKIP $skip LIMIT 1000" \
    | tr -d '\n' > "$work/page.json"
  echo >> "$work/page.json"
  cat "$work/page.json" >> "$work/ours.jsonl"
  n=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["rows"]))' "$work/page.json")
  [ "$n" -lt 1000 ] && break
  skip=$((skip + 1000))
done

python3 - "$work/jdeps.txt" "$work/ours.jsonl" <<'PY'
import json, os, re, sys
jdeps_txt, ours_json = sys.argv[1], sys.argv[2]
# class name -> source file, from the source tree
sources = {}
for module in ("queries", "indexer", "server"):
    base = os.path.join(module, "src", "main", "java")
    for d, _, files in os.walk(base):
        for f in files:
            if f.endswith(".java"):
                path = os.path.join(d, f)
                sources[os.path.relpath(path, base)[:-5].replace(os.sep, ".")] = path.replace(os.sep, "/")
def to_file(cls):
    top = cls.split("$")[0]
    return sources.get(top)
ref = set()
for line in open(jdeps_txt):
    m = re.match(r"\s+(\S+)\s+->\s+(\S+)", line)
    if not m:
        continue
    a, b = to_file(m.group(1)), to_file(m.group(2))
    if a and b and a != b:
        ref.add((a, b))
rows = [r for line in open(ours_json) if line.strip() for r in json.loads(line)["rows"]]
ours = {(r["a"], r["b"]) for r in rows if r["a"] != r["b"]}
tp = len(ref & ours)
precision = tp / len(ours) if ours else 0.0
recall = tp / len(ref) if ref else 0.0
print(f"reference edges (jdeps): {len(ref)}")
print(f"graph-memory IMPORTS:    {len(ours)}")
print(f"both:                    {tp}")
print(f"precision {precision:.3f}  recall {recall:.3f}")
for a, b in sorted(ours - ref):
    print(f"  only ours:  {a} -> {b}")
for a, b in sorted(ref - ours):
    print(f"  only jdeps: {a} -> {b}")
PY
