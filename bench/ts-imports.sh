#!/usr/bin/env bash
# Accuracy of TypeScript/JavaScript import edges: graph-memory's IMPORTS (module -> repository
# module) against a reference resolved by the TypeScript compiler (bench/ts-imports.mjs), over npm
# packages that ship their own sources. The corpora and typescript are pinned by
# bench/ts-imports/package-lock.json and installed into bench/.node-ts (git-ignored).
#   bench/ts-imports.sh [rxjs|zod ...]     (default: both)
# For each corpus: copies the package (sources, tsconfig files, package.json; no node_modules, no
# build output) into $BENCH_DIR/ts-<name>, git-initialises it, indexes it with `graph-memory index
# --full`, reads the IMPORTS edges back with `graph-memory query --json`, and prints precision and
# recall. The differences go to $BENCH_DIR/ts-<name>-{extra,missed}.tsv.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[ -f "$root/server/target/graph-memory.jar" ] || { echo "build first: bin/with-jdk ./mvnw -q -DskipTests package" >&2; exit 1; }
work=${BENCH_DIR:-/tmp/gm-bench}
node_dir="$root/bench/.node-ts"
mkdir -p "$work" "$node_dir"
if ! cmp -s "$root/bench/ts-imports/package-lock.json" "$node_dir/package-lock.json" || [ ! -d "$node_dir/node_modules/typescript" ]; then
  cp "$root/bench/ts-imports/package.json" "$root/bench/ts-imports/package-lock.json" "$node_dir/"
  (cd "$node_dir" && npm ci --no-audit --no-fund --loglevel=error)
fi
cp "$root/bench/ts-imports.mjs" "$node_dir/ts-imports.mjs"
corpora=("$@"); [ ${#corpora[@]} -gt 0 ] || corpora=(rxjs zod)
for name in "${corpora[@]}"; do
  pkg="$node_dir/node_modules/$name"
  version=$(node -p "require('$pkg/package.json').version")
  case "$name" in
    # the tsconfig rxjs builds src/ with (it extends the root one, whose paths map rxjs/* too)
    rxjs) config=src/tsconfig.base.json ;;
    zod) config="$root/bench/ts-imports/zod-options.json" ;;
    *) config=tsconfig.json ;;
  esac
  dir="$work/ts-$name"
  rm -rf "$dir"; mkdir -p "$dir"
  # the package's own sources and project files; the compiled output beside them is left out
  (cd "$pkg" && find . \( -path ./node_modules -o -path ./dist \) -prune -o -type f \( -path './src/*' -o -name 'tsconfig*.json' -o -path ./package.json \) -print0 \
    | tar --null -T - -cf -) | tar -C "$dir" -xf -
  git -C "$dir" init -q
  case "$config" in /*) ;; *) config="$dir/$config" ;; esac
  node "$node_dir/ts-imports.mjs" "$dir" "$config" | sort -u > "$work/ts-$name-reference.tsv"
  /usr/bin/time -f '%e s wall' -o "$work/ts-$name-time.txt" "$root/graph-memory" --repo "$dir" index --full --json > "$work/ts-$name-summary.json"
  : > "$work/ts-$name-graph.tsv"
  page=1000; skip=0
  while :; do
    "$root/graph-memory" --repo "$dir" query --json --limit $page \
      "MATCH (a:Module)-[:IMPORTS]->(b:Module) WHERE a.path IS NOT NULL AND b.path IS NOT NULL AND a.language IN ['typescript', 'javascript'] AND a <> b RETURN a.path AS a, b.path AS b ORDER BY a, b SKIP $skip LIMIT $page" \
      > "$work/ts-page.json"
    n=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); rows=d.get("rows", d) if isinstance(d, dict) else d; print(len(rows)); [print(r["a"]+"\t"+r["b"], file=open(sys.argv[2],"a")) for r in rows]' "$work/ts-page.json" "$work/ts-$name-graph.tsv")
    [ "$n" -lt $page ] && break
    skip=$((skip + page))
  done
  sort -u -o "$work/ts-$name-graph.tsv" "$work/ts-$name-graph.tsv"
  comm -23 "$work/ts-$name-graph.tsv" "$work/ts-$name-reference.tsv" > "$work/ts-$name-extra.tsv"
  comm -13 "$work/ts-$name-graph.tsv" "$work/ts-$name-reference.tsv" > "$work/ts-$name-missed.tsv"
  ref=$(wc -l < "$work/ts-$name-reference.tsv"); got=$(wc -l < "$work/ts-$name-graph.tsv")
  both=$(comm -12 "$work/ts-$name-graph.tsv" "$work/ts-$name-reference.tsv" | wc -l)
  files=$(git -C "$dir" ls-files --others --exclude-standard | grep -cE '\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$' || true)
  echo "== $name@$version: $files files; config ${config#"$dir/"}; index $(cat "$work/ts-$name-time.txt")"
  awk -v r="$ref" -v g="$got" -v b="$both" 'BEGIN { printf "reference edges %d, graph edges %d, common %d\nprecision %.4f, recall %.4f\n", r, g, b, (g ? b / g : 0), (r ? b / r : 0) }'
  echo "differences: $work/ts-$name-extra.tsv (graph only), $work/ts-$name-missed.tsv (reference only)"
done
