#!/usr/bin/env bash
# Duplicate-work evaluation, end to end through the CLI: indexes the existing work units of a
# duplicates set (e.g. ../shared/eval/duplicates-dev) into a fresh git repository, asks
# `graph-memory duplicates` about every proposed one in one batch call, and scores the answers
# with the set's score_dups.py.
#   bench/duplicates-eval.sh [DUPWORK_DIR] [OUT_DIR]
# Extra store options (e.g. --uri bolt://127.0.0.1:7687) can be given in GM_STORE_OPTS;
# GM_DUPS_LIMIT (default 5) sets how many candidates each answer keeps (50 for
# bench/duplicates-fit.py, which refits DuplicateThresholds from OUT_DIR/answers.jsonl).
# Writes OUT_DIR/decisions.tsv (top-5 rows of the proposals the tool calls duplicates: precision,
# recall, F1) and OUT_DIR/ranking.tsv (top-5 rows of every proposal: Recall@5), then prints both
# scores. Proposal files must be named <query_id>.md, as in the shared sets.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
set_dir=$(cd "${1:-$root/../shared/eval/duplicates-dev}" && pwd)
out_dir=${2:-$(mktemp -d -t gm-dups-out.XXXXXX)}
mkdir -p "$out_dir"
scorer="$set_dir/../score_dups.py"
[ -f "$scorer" ] || { echo "duplicates-eval: no score_dups.py beside $set_dir" >&2; exit 1; }
gm="$root/graph-memory"
# shellcheck disable=SC2206
store_opts=(${GM_STORE_OPTS:-})

repo=$(mktemp -d -t gm-dups-repo.XXXXXX)
# The embedded store's daemon outlives the CLI calls: stop it before the repository goes.
trap '"$gm" --repo "$repo" "${store_opts[@]}" daemon stop >/dev/null 2>&1 || true; rm -rf "$repo"' EXIT
mkdir -p "$repo/work-units"
cp "$set_dir"/existing/*.md "$repo/work-units/"
git -C "$repo" init -q -b main
git -C "$repo" add work-units
git -C "$repo" -c user.name=bench -c user.email=bench@example.invalid commit -q -m "Import the existing work units"

start=$(date +%s.%N)
"$gm" --repo "$repo" "${store_opts[@]}" index >"$out_dir/index.txt" 2>"$out_dir/index.err"
indexed=$(date +%s.%N)
# Proposal files must lie inside the repository: copy them in, beside the indexed work units
# (after the index, and outside the knowledge globs, so they never become nodes).
mkdir -p "$repo/proposed"
cp "$set_dir"/proposed/*.md "$repo/proposed/"
args=()
for f in "$repo"/proposed/*.md; do args+=(--file "$f"); done
set +e
"$gm" --repo "$repo" "${store_opts[@]}" duplicates --json --limit "${GM_DUPS_LIMIT:-5}" "${args[@]}" >"$out_dir/answers.jsonl" 2>"$out_dir/duplicates.err"
code=$?
set -e
done_at=$(date +%s.%N)
if [ "$code" -ne 0 ] && [ "$code" -ne 3 ]; then
  echo "duplicates-eval: graph-memory duplicates exited $code:" >&2
  cat "$out_dir/duplicates.err" >&2
  exit 1
fi

python3 - "$out_dir" <<'PY'
import json, os, sys
out = sys.argv[1]
key = lambda node_id: node_id.split(':', 2)[2]
with open(f'{out}/answers.jsonl') as answers, open(f'{out}/decisions.tsv', 'w') as dec, \
        open(f'{out}/ranking.tsv', 'w') as rank:
    for line in answers:
        a = json.loads(line)
        q = os.path.basename(a['file'])[:-3]
        rows = [f"{q}\t{key(c['id'])}\t{c['confidence']}\n" for c in a['candidates'][:5]]
        rank.writelines(rows)
        if a['verdict'] == 'duplicate':
            dec.writelines(rows)
PY
echo "index: $(cat "$out_dir/index.txt")"
python3 -c "import sys; a, b, c, n = map(float, sys.argv[1:]); print(f'timing: index {b - a:.1f} s; {int(n)} proposals in one duplicates call {c - b:.1f} s (JVM and store start included)')" \
  "$start" "$indexed" "$done_at" "$(( ${#args[@]} / 2 ))"
echo "decisions (verdict duplicate):  $(python3 "$scorer" "$set_dir" "$out_dir/decisions.tsv")"
echo "ranking (top 5, no threshold):  $(python3 "$scorer" "$set_dir" "$out_dir/ranking.tsv")"
echo "answers and TSVs: $out_dir"
