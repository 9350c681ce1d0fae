#!/usr/bin/env bash
# Renders every graph_picture subject in every format on an indexed repository and checks each
# text with its format's own tool: Graphviz's dot for DOT, Mermaid's parser (bench/picture-parse.mjs,
# needing `npm i --prefix /tmp/mmd mermaid jsdom`, or MERMAID_DIR) for Mermaid, and an XML parser
# (python3's, else xmllint) for GraphML. Prints one line per picture: subject, format, bytes, boxes
# drawn, boxes left out, and the check's verdict; exits 1 when any check fails.
#
#   bench/picture-check.sh REPO [NODE_ID] [FOLDER] [WORK_UNIT]
#
# NODE_ID (neighbors) defaults to the first entry point, FOLDER (dependencies) to the whole
# repository, WORK_UNIT to the first work unit (work_unit is skipped when the repository has none).
# The repository must be indexed (graph-memory --repo REPO index). Outputs stay in $OUT (a temp dir).
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
gm="$here/graph-memory"
repo=${1:?usage: bench/picture-check.sh REPO [NODE_ID] [FOLDER] [WORK_UNIT]}
node=${2:-}
folder=${3:-}
wu=${4:-}
OUT=${OUT:-$(mktemp -d)}
mkdir -p "$OUT"

first_id() { # schema type
  "$gm" --repo "$repo" find --schema "$1" --type "$2" --limit 1 --json 2>/dev/null |
    python3 -c 'import json,sys; r=json.load(sys.stdin)["rows"]; print(r[0]["id"] if r else "")'
}
[ -n "$node" ] || node=$(first_id architecture cli_entry)
[ -n "$wu" ] || wu=$(first_id workflow work_unit)

failed=0
check() { # format file
  case $1 in
    dot) command -v dot >/dev/null || { echo "no dot"; return 0; }
         dot -Tsvg -o "${2%.*}.svg" "$2" 2>"$2.parse" && echo "dot ok" || { head -3 "$2.parse"; return 1; } ;;
    mermaid) node "$here/bench/picture-parse.mjs" "$2" >/dev/null 2>"$2.parse" && echo "mermaid ok" ||
             { head -3 "$2.parse"; return 1; } ;;
    graphml) if command -v python3 >/dev/null; then
               python3 -c 'import sys, xml.dom.minidom as m; m.parse(sys.argv[1])' "$2" && echo "xml ok"
             else xmllint --noout "$2" && echo "xml ok"; fi ;;
  esac
}

run() { # name args...
  local name=$1; shift
  for format in mermaid dot graphml; do
    local file="$OUT/$name.$format"
    if ! "$gm" --repo "$repo" picture "$@" --format "$format" --json > "$file.json" 2> "$file.err"; then
      echo "$name $format: FAILED: $(head -1 "$file.err")"; failed=1; continue
    fi
    python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["diagram"], end="")' "$file.json" > "$file"
    local facts
    facts=$(python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); print(a["boxes"], "boxes,", a["edges"], "arrows,", a["more"], "more")' "$file.json")
    local verdict
    verdict=$(check "$format" "$file") || failed=1
    printf '%-12s %-8s %6d bytes  %s  %s\n' "$name" "$format" "$(wc -c < "$file")" "$facts" "$verdict"
  done
}

[ -n "$node" ] && run neighbors neighbors "$node" || echo "neighbors: no entry point to start from; give NODE_ID"
if [ -n "$folder" ]; then run dependencies dependencies "$folder"; else run dependencies dependencies; fi
run gaps gaps
[ -n "$wu" ] && run work_unit work_unit "$wu" || echo "work_unit: the repository has no work units"
echo "outputs in $OUT"
exit $failed
